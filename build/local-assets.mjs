// What the local detector needs at run time beside the bundle, for esbuild.mjs to copy into dist/.
// The engine (src/local/engine.ts) reads these from dist/local-assets/ when it exists:
//   human/human.esm.js  Human 3.3.6 with TensorFlow.js inside; read and run by engine.ts, never bundled
//   models/             blazeface, facemesh, iris (model.json + weights): the only models used
//   wasm/               TF.js WASM backend binaries, single-threaded (SIMD and plain)
// Keep MODEL_FILES and WASM_FILES equal to those in src/local/engine.ts (a unit test checks).
import { createRequire } from 'node:module';
import path from 'node:path';

export const MODEL_FILES = ['blazeface.json', 'blazeface.bin', 'facemesh.json', 'facemesh.bin', 'iris.json', 'iris.bin'];
export const WASM_FILES = ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'];

/** @param {string} rootDir the repository root (where package.json is) @returns {{ from: string, to: string }[]} `to` is relative to dist/ */
export function localAssetCopies(rootDir) {
  const require = createRequire(path.join(rootDir, 'package.json'));
  // Human's package "exports" only exposes its main file: find that and go from there.
  const humanDist = path.dirname(require.resolve('@vladmandic/human'));
  const wasmDist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  return [
    { from: path.join(humanDist, 'human.esm.js'), to: 'local-assets/human/human.esm.js' },
    ...MODEL_FILES.map((file) => ({ from: path.join(humanDist, '..', 'models', file), to: `local-assets/models/${file}` })),
    ...WASM_FILES.map((file) => ({ from: path.join(wasmDist, file), to: `local-assets/wasm/${file}` })),
  ];
}

/**
 * The engine loads Human from local-assets at run time, so esbuild never bundles Human or TF.js; the
 * decoders (jpeg-js, pngjs, bmp-js, omggif, image-size) bundle as plain JS. The two packages are
 * external only because engine.ts's node_modules fallback (tests, tsx) calls require.resolve on them,
 * which esbuild otherwise warns about; the bundle never takes that path when local-assets exists.
 */
export const localEsbuildOptions = { external: ['@vladmandic/human', '@tensorflow/tfjs-backend-wasm'] };
