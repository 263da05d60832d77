// One esbuild config for every bundle: the extension host, the CLI, the webview, the lazy chunks
// and the integration tests. `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = path.join(root, 'dist');

// Heavy modules that activation must not load: each becomes its own file under dist/lazy/, and
// imports of it from the host and CLI bundles become a require() of that file, run on first use.
// Keys are package names or repo-relative source files; values are chunk names.
const LAZY_CHUNKS = {
  '@azure/identity': 'identity',
  undici: 'undici',
  'src/local/index.ts': 'local',
  // The local engine runs in a worker thread so it never blocks the extension host.
  'src/local/worker.ts': 'local-worker',
};
const lazyChunkPlugin = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      let key = args.path;
      if (args.path.startsWith('.')) {
        const abs = path.resolve(args.resolveDir, args.path);
        key = path.relative(root, existsSync(`${abs}.ts`) ? `${abs}.ts` : abs).split(path.sep).join('/');
      }
      const chunk = LAZY_CHUNKS[key];
      return chunk ? { path: `./lazy/${chunk}.js`, external: true } : undefined;
    });
  },
};

// Optional extra build configuration from the local engine (assets it loads at run time).
const localAssetsModule = path.join(root, 'build', 'local-assets.mjs');
const localAssets = existsSync(localAssetsModule) ? await import(localAssetsModule) : {};
const localOptions = localAssets.localEsbuildOptions ?? {};

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  ...localOptions,
  external: ['vscode', ...(localOptions.external ?? [])],
  plugins: [...(localOptions.plugins ?? [])],
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: dist, plugins: [...node.plugins, lazyChunkPlugin] },
  { ...node, entryPoints: { cli: 'src/cli/bin.ts' }, outdir: dist, plugins: [...node.plugins, lazyChunkPlugin] },
  { ...node, entryPoints: Object.fromEntries(Object.entries(LAZY_CHUNKS).map(([mod, name]) => [`lazy/${name}`, mod])), outdir: dist },
  {
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: !production, minify: production,
    logLevel: 'info', legalComments: 'none',
    entryPoints: { 'webview/results': 'src/webview/main.ts' }, outdir: dist,
    loader: { '.css': 'text' },
  },
];

// Integration tests run inside the extension host: bundle each suite with its imports (mocha stays external).
const integrationDir = path.join(root, 'test', 'integration');
if (!production && existsSync(integrationDir)) {
  const suites = readdirSync(integrationDir).filter((f) => f.endsWith('.ts'));
  builds.push({
    ...node, minify: false, sourcemap: 'inline',
    entryPoints: suites.map((f) => path.join('test', 'integration', f)),
    outdir: path.join(root, 'out', 'test', 'integration'),
    external: [...node.external, 'mocha'],
  });
}

// A release build starts from an empty dist/, so no stale bundle or source map is packaged.
if (production) rmSync(dist, { recursive: true, force: true });

function copyRuntimeFiles() {
  mkdirSync(path.join(dist, 'webview'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    cpSync(path.join(root, 'node_modules', '@vscode', 'codicons', 'dist', f), path.join(dist, 'webview', f));
  }
  for (const { from, to } of localAssets.localAssetCopies?.(root) ?? []) {
    mkdirSync(path.dirname(path.join(dist, to)), { recursive: true });
    cpSync(from, path.join(dist, to));
  }
}

copyRuntimeFiles();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
