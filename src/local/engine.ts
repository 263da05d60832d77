// The Human face engine's lifecycle: find the assets, load Human once, run it, keep it warm.
//
// Why we load Human the way we do: its Node builds (human.node*.js) require @tensorflow/tfjs-node or
// @tensorflow/tfjs-converter, which we don't ship. Its browser ESM build (human.esm.js) carries all of
// TensorFlow.js (converter + WASM backend) in one file, but replaces Node's `util`, `fs` and `path`
// with empty stubs. So we read that file, put the three real modules back, turn its final `export {}`
// into `module.exports`, and run it as a CommonJS function. It works the same from node_modules (tests,
// tsx) and from dist/local-assets (the bundled extension), and esbuild never has to see it.
//
// Nothing here touches the network: models come from files through our own TF.js load handler, the
// WASM binary is read with fs, and the script only gets `require` for those three built-in modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import * as vm from 'node:vm';
import type { RgbImage } from './decode';

/** A rectangle of the picture, in whole pixels. */
export interface Region { x: number; y: number; width: number; height: number }

export interface Logger { debug(m: string): void; info(m: string): void; warn(m: string): void }

/** The Human version the loader's patches were written for (package.json pins it). */
export const HUMAN_VERSION = '3.3.6';

/** Only the face detector, the mesh and the iris models: nothing else is loaded or shipped. */
export const MODEL_FILES = ['blazeface.json', 'blazeface.bin', 'facemesh.json', 'facemesh.bin', 'iris.json', 'iris.bin'];
/** Single-threaded WASM builds (with and without SIMD): we turn threads off so results don't depend on the CPU count. */
export const WASM_FILES = ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'];
export const HUMAN_SCRIPT = 'human.esm.js';

export interface AssetPaths { humanScript: string; modelsDir: string; wasmDir: string }

/**
 * Where the engine's files are. `assetRoot` (or dist/local-assets, found beside the bundle or one
 * folder up when this code sits in dist/lazy/) has the layout build/local-assets.mjs copies:
 * human/human.esm.js, models/*, wasm/*. Without one, they come from node_modules (tests, tsx).
 */
export function resolveAssetPaths(assetRoot?: string): AssetPaths {
  const root = assetRoot ?? [path.join(__dirname, 'local-assets'), path.join(__dirname, '..', 'local-assets')].find((dir) => fs.existsSync(dir));
  if (root) {
    return { humanScript: path.join(root, 'human', HUMAN_SCRIPT), modelsDir: path.join(root, 'models'), wasmDir: path.join(root, 'wasm') };
  }
  // Human's package "exports" hides everything but its main file, so resolve that and go from there.
  const humanDist = path.dirname(require.resolve('@vladmandic/human'));
  const wasmDist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  return { humanScript: path.join(humanDist, HUMAN_SCRIPT), modelsDir: path.join(humanDist, '..', 'models'), wasmDir: path.join(wasmDist, 'dist') };
}

/** One face as Human sees it, in the coordinates of the whole picture. */
export interface HumanFace {
  /** Human's face box [x, y, width, height] in pixels (about 1.4x Azure's). */
  box: [number, number, number, number];
  /** 468 mesh points + 10 iris points, [x, y, z] in pixels (z: depth, same scale as x); empty when only boxes were asked for. */
  mesh: Array<[number, number, number]>;
  /** Blazeface's box confidence. */
  boxScore: number;
  /** The mesh model's confidence that this is a face (equal to boxScore when only boxes were asked for). */
  faceScore: number;
}

const HUMAN_CONFIG = {
  backend: 'wasm',
  debug: false,
  async: true,
  warmup: 'none',
  cacheModels: false,
  validateModels: false,
  // Human caches results between video frames; photos must not influence each other.
  cacheSensitivity: 0,
  skipAllowed: false,
  filter: { enabled: false },
  face: {
    enabled: true,
    // rotation: true re-crops tilted faces but distorts the mesh; iouThreshold 0.3 keeps adjacent faces apart.
    detector: { rotation: false, maxDetected: 100, skipFrames: 0, skipTime: 0, minConfidence: 0.2, iouThreshold: 0.3, return: false },
    mesh: { enabled: true, keepInvalid: false },
    attention: { enabled: false },
    iris: { enabled: true },
    emotion: { enabled: false }, description: { enabled: false }, antispoof: { enabled: false }, liveness: { enabled: false },
  },
  body: { enabled: false }, hand: { enabled: false }, object: { enabled: false },
  gesture: { enabled: false }, segmentation: { enabled: false },
};

// Minimal views of Human and TF.js: just what we call.
interface Tensor { dispose(): void }
interface Tf {
  tensor4d(values: Uint8Array | Int32Array, shape: [number, number, number, number], dtype: 'int32'): Tensor;
  slice(t: Tensor, begin: number[], size: number[]): Tensor;
  env(): { set(flag: string, value: boolean): void };
  getBackend(): string;
  io: { registerLoadRouter(router: (url: string | string[]) => unknown): void };
}
interface HumanInstance {
  tf: Tf;
  load(): Promise<void>;
  detect(input: Tensor, config?: unknown): Promise<{ face: Array<{ box: [number, number, number, number]; mesh: Array<[number, number, number]>; boxScore: number; faceScore: number }>; error?: string | null }>;
}
type HumanModule = { Human: new (config: unknown) => HumanInstance; default: unknown };

/** The loaded engine. Calls are queued: Human runs one detection at a time. */
export class FaceEngine {
  private queue: Promise<unknown> = Promise.resolve();
  private constructor(private readonly human: HumanInstance) {}

  static async load(assets: AssetPaths, logger?: Logger): Promise<FaceEngine> {
    const started = Date.now();
    const missing = [assets.humanScript, ...MODEL_FILES.map((f) => path.join(assets.modelsDir, f)), ...WASM_FILES.map((f) => path.join(assets.wasmDir, f))]
      .filter((file) => !fs.existsSync(file));
    if (missing.length > 0) throw new Error(`The local detector's engine files are missing (${missing.join(', ')}). Reinstall the extension.`);
    const { Human } = loadHumanScriptOnce(assets.humanScript);
    const human = new Human({ ...HUMAN_CONFIG, modelBasePath: `file://${assets.modelsDir}/`, wasmPath: `${assets.wasmDir}${path.sep}` });
    registerFileModelLoader(human.tf);
    human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await human.load();
    if (human.tf.getBackend() !== 'wasm') throw new Error(`The local detector's WebAssembly backend did not start (got "${human.tf.getBackend()}").`);
    logger?.info(`Local detector ready in ${Date.now() - started} ms (Human ${HUMAN_VERSION}, TF.js WASM)`);
    return new FaceEngine(human);
  }

  /**
   * Uploads the picture once and lets `work` run detection passes on it; passes are queued, one
   * picture at a time, since Human runs one detection at a time.
   */
  withPicture<T>(image: RgbImage, work: (detect: DetectPass) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const tf = this.human.tf;
      const picture = tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
      try {
        return await work((region, boxesOnly = false) => this.detectPass(picture, region, boxesOnly));
      } finally {
        picture.dispose();
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async detectPass(picture: Tensor, region: Region | undefined, boxesOnly: boolean): Promise<HumanFace[]> {
    const input = region ? this.human.tf.slice(picture, [0, region.y, region.x, 0], [1, region.height, region.width, 3]) : picture;
    try {
      // Human merges this into its config and keeps it, so both switches are always set.
      const result = await this.human.detect(input, { face: { mesh: { enabled: !boxesOnly }, iris: { enabled: !boxesOnly } } });
      if (result.error) throw new Error(`The local detector failed: ${result.error}`);
      const dx = region?.x ?? 0;
      const dy = region?.y ?? 0;
      return result.face.map((f) => ({
        box: [f.box[0] + dx, f.box[1] + dy, f.box[2], f.box[3]],
        mesh: boxesOnly ? [] : f.mesh.map(([x, y, z]) => [x + dx, y + dy, z] as [number, number, number]),
        boxScore: f.boxScore,
        faceScore: boxesOnly ? f.boxScore : f.faceScore,
      }));
    } finally {
      if (input !== picture) input.dispose();
    }
  }
}

/**
 * One detection pass over a region of the picture (all of it by default); coordinates come back in
 * the whole picture. `boxesOnly` skips the mesh and iris models: a cheap look for where faces might be.
 */
export type DetectPass = (region?: Region, boxesOnly?: boolean) => Promise<HumanFace[]>;

/** Built-in modules the Human script may have; anything else (network included) is refused. */
const HUMAN_SCRIPT_MODULES: Record<string, unknown> = { util, fs, path };

/**
 * Text patches to human.esm.js 3.3.6, each with its reason. Each must match exactly once, so a
 * different Human build fails loudly here instead of misbehaving later.
 */
const HUMAN_PATCHES: Array<{ find: string; replace: string; why: string }> = [
  ...([['$k', 'util'], ['Vv', 'fs'], ['Wv', 'path']] as const).map(([stub, module]) => ({
    find: `var ${stub} = Kt(() => {\n});`,
    replace: `var ${stub} = () => require(${JSON.stringify(module)});`,
    why: `the browser build stubs out Node's ${module}, which TF.js's Node platform and the WASM loader need`,
  })),
  {
    find: 'Math.trunc(coord[0] + offsets[0]),\n    Math.trunc(coord[1] + offsets[1]),',
    replace: 'coord[0] + offsets[0],\n    coord[1] + offsets[1],',
    why: 'Human truncates mesh points to whole pixels; Azure gives landmarks to 0.1 px',
  },
];

/**
 * TF.js keeps its engine and kernel registry in globals, so a process runs one copy of the script:
 * the first one loaded, whichever asset folder later providers name.
 */
let loadedScript: HumanModule | undefined;
function loadHumanScriptOnce(file: string): HumanModule {
  loadedScript ??= loadHumanScript(file);
  return loadedScript;
}

function loadHumanScript(file: string): HumanModule {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`The local detector's engine file can't be read (${file}). Reinstall the extension.`);
  }
  for (const patch of HUMAN_PATCHES) {
    const at = source.indexOf(patch.find);
    if (at < 0 || source.indexOf(patch.find, at + 1) >= 0) {
      throw new Error(`${file} is not the Human ${HUMAN_VERSION} build the local detector was written for (patch not applicable: ${patch.why}).`);
    }
    source = source.replace(patch.find, () => patch.replace);
  }
  const exportAt = source.lastIndexOf('\nexport {');
  const exportEnd = source.indexOf('};', exportAt);
  if (exportAt < 0 || exportEnd < 0) throw new Error(`${file} has no export list; expected Human ${HUMAN_VERSION}.`);
  const exported = source.slice(exportAt + '\nexport {'.length, exportEnd).split(',').map((s) => s.trim()).filter(Boolean)
    .map((entry) => {
      const [local, as = local] = entry.split(/\s+as\s+/);
      return `${JSON.stringify(as)}: ${local}`;
    });
  source = `${source.slice(0, exportAt)}\nmodule.exports = { ${exported.join(', ')} };\n`;

  const moduleFn = vm.compileFunction(source, ['require', 'module', 'exports', '__filename', '__dirname'], { filename: file });
  const module = { exports: {} as HumanModule };
  const restrictedRequire = (id: string) => {
    const builtin = HUMAN_SCRIPT_MODULES[id.replace(/^node:/, '')];
    if (!builtin) throw new Error(`The Human engine asked for "${id}", which the local detector doesn't provide.`);
    return builtin;
  };
  moduleFn(restrictedRequire, module, module.exports, file, path.dirname(file));
  return module.exports;
}

/** TF.js loads models over HTTP by default; this handler reads `file://` model.json and weight files from disk instead. */
const tfWithFileLoader = new WeakSet<Tf>();
function registerFileModelLoader(tf: Tf): void {
  if (tfWithFileLoader.has(tf)) return;
  tfWithFileLoader.add(tf);
  tf.io.registerLoadRouter((url) => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null;
    const modelJsonPath = url.slice('file://'.length);
    return {
      load: async () => {
        const modelJson = JSON.parse(await fs.promises.readFile(modelJsonPath, 'utf8'));
        const weightSpecs: unknown[] = [];
        const weightFiles: Buffer[] = [];
        for (const group of modelJson.weightsManifest as Array<{ paths: string[]; weights: unknown[] }>) {
          weightSpecs.push(...group.weights);
          for (const weightFile of group.paths) weightFiles.push(await fs.promises.readFile(path.join(path.dirname(modelJsonPath), weightFile)));
        }
        const weights = Buffer.concat(weightFiles);
        return {
          modelTopology: modelJson.modelTopology,
          format: modelJson.format,
          generatedBy: modelJson.generatedBy,
          convertedBy: modelJson.convertedBy,
          weightSpecs,
          weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
        };
      },
    };
  });
}
