// The local detector: the extension's offline default. Runs Human (Blazeface + face mesh + iris) on
// TensorFlow.js WASM in this process, with no network, and answers in the Azure detect shape.
//
// Pipeline: decode.ts (bytes -> upright RGB) -> engine.ts (Human, on the whole picture, then on
// tiles and crops planned by tiles.ts) -> landmarks.ts (mesh -> 27 landmarks) -> geometry.ts
// (rectangle per detection model, head pose) -> quality.ts (blur, exposure, noise).
//
// Lenient where Azure would refuse (e.g. landmarks or attributes with detection_02): it computes what
// was asked; checking option combinations is the caller's business.
//
// Importing this file is cheap: Human and TF.js are loaded on the first detect, then kept warm.
import type { DetectOptions, FaceAttributes, FaceDetectionResult, ImageSource } from '../core/contract';
import type { DetectOutcome, FaceProvider } from '../core/provider';
import { decodeImage, type RgbImage } from './decode';
import { FaceEngine, HUMAN_VERSION, resolveAssetPaths, type DetectPass, type HumanFace, type Logger } from './engine';
import { faceRectangle, headPose } from './geometry';
import { meshToLandmarks, roundLandmarks } from './landmarks';
import { faceQuality } from './quality';
import { mergeDetections, planCrops, planTiles } from './tiles';

/** The attributes the local detector computes; every other requested one is reported unsupported. */
export const LOCAL_SUPPORTED_ATTRIBUTES: readonly string[] = ['headPose', 'blur', 'exposure', 'noise'];

/** Like the service: at most 100 faces, largest first. */
const MAX_FACES = 100;

/**
 * What detect needs of a cancellation signal. An AbortSignal is one; the worker passes its own, read
 * from memory shared with the calling thread (see worker.ts), since a busy worker reads no messages.
 */
export interface AbortSignalLike { readonly aborted: boolean; readonly reason?: unknown }

/** The in-thread provider: a FaceProvider whose detect also takes an AbortSignalLike. */
export interface LocalProvider extends FaceProvider {
  detect(image: ImageSource, options: DetectOptions, signal?: AbortSignalLike): Promise<DetectOutcome>;
}

export interface LocalProviderOptions {
  /** Folder with human/, models/ and wasm/ (see build/local-assets.mjs). Default: dist/local-assets beside the bundle, else node_modules. */
  assetRoot?: string;
  logger?: Logger;
}

export function createLocalProvider(options: LocalProviderOptions = {}): LocalProvider {
  let engine: Promise<FaceEngine> | undefined;
  const loadEngine = () => {
    engine ??= FaceEngine.load(resolveAssetPaths(options.assetRoot), options.logger).catch((err: unknown) => {
      engine = undefined; // let the next call try again
      throw err;
    });
    return engine;
  };
  const providerLabel = `Local detector (Human ${HUMAN_VERSION.replace(/\.\d+$/, '')}, offline)`;

  return {
    kind: 'local',
    async detect(image: ImageSource, detectOptions: DetectOptions, signal?: AbortSignalLike): Promise<DetectOutcome> {
      const started = performance.now();
      if (image.kind !== 'bytes') {
        throw new Error('The local detector reads files only; open the image from disk (or download it first), or configure an Azure endpoint to detect from a URL.');
      }
      // Cancellation is checked between stages (decode, each engine pass, each face): a pass itself
      // can't be interrupted, but the ones after it are skipped.
      throwIfAborted(signal);
      const picture = decodeImage(image.bytes, image.name ? `"${image.name}"` : 'The image');
      throwIfAborted(signal);
      const progress = { passes: 0 };
      let results: FaceDetectionResult[];
      try {
        const faces = await detectFaces(await loadEngine(), picture, progress, signal);
        results = faces.map((face) => {
          throwIfAborted(signal);
          return toAzureShape(face, picture, detectOptions);
        });
        throwIfAborted(signal);
      } catch (err) {
        if (signal?.aborted) options.logger?.debug(`Local detect cancelled after ${progress.passes} engine pass(es)`);
        throw err;
      }
      results.sort((a, b) => area(b.faceRectangle) - area(a.faceRectangle) || a.faceRectangle.top - b.faceRectangle.top || a.faceRectangle.left - b.faceRectangle.left);

      const supported = new Set(LOCAL_SUPPORTED_ATTRIBUTES);
      const unsupportedAttributes: string[] = detectOptions.returnFaceAttributes.filter((a) => !supported.has(a));
      if (detectOptions.returnFaceId) unsupportedAttributes.unshift('faceId'); // no face store offline
      options.logger?.debug(`Local detect: ${results.length} face(s) in ${picture.width}x${picture.height}`);
      return {
        faces: results.slice(0, MAX_FACES),
        provider: 'local',
        providerLabel,
        unsupportedAttributes,
        imageSize: { width: picture.width, height: picture.height },
        durationMs: Math.round(performance.now() - started),
      };
    },
  };
}

/** Whole picture, then tiles and crops for small faces (see tiles.ts), merged into one list. Counts the engine passes run. */
function detectFaces(engine: FaceEngine, picture: RgbImage, progress: { passes: number }, signal?: AbortSignalLike): Promise<HumanFace[]> {
  return engine.withPicture(picture, async (enginePass) => {
    const detect: DetectPass = (region, boxesOnly) => {
      throwIfAborted(signal); // also when this picture waited in the engine's queue
      progress.passes++;
      return enginePass(region, boxesOnly);
    };
    const whole = await detect();
    const tileBoxes: HumanFace[] = [];
    for (const tile of planTiles(picture.width, picture.height)) tileBoxes.push(...await detect(tile, true));
    const perCrop = [];
    for (const crop of planCrops(whole, tileBoxes, picture)) perCrop.push({ crop, faces: await detect(crop) });
    return mergeDetections(whole, perCrop, picture);
  });
}

function toAzureShape(face: HumanFace, picture: RgbImage, options: DetectOptions): FaceDetectionResult {
  const landmarks = meshToLandmarks(face.mesh);
  const pose = headPose(face.mesh);
  const result: FaceDetectionResult = { faceRectangle: faceRectangle(landmarks, pose.yaw, options.detectionModel, picture) };
  if (options.returnFaceLandmarks) result.faceLandmarks = roundLandmarks(landmarks);

  const wanted = new Set<string>(options.returnFaceAttributes);
  const attributes: FaceAttributes = {};
  if (wanted.has('headPose')) attributes.headPose = pose;
  if (wanted.has('blur') || wanted.has('exposure') || wanted.has('noise')) {
    // Quality is measured on the features square (detection_01's box) whatever box was asked for.
    const quality = faceQuality(picture, faceRectangle(landmarks, pose.yaw, 'detection_01', picture));
    if (wanted.has('blur')) attributes.blur = quality.blur;
    if (wanted.has('exposure')) attributes.exposure = quality.exposure;
    if (wanted.has('noise')) attributes.noise = quality.noise;
  }
  if (Object.keys(attributes).length > 0) result.faceAttributes = attributes;
  return result;
}

function area(r: { width: number; height: number }): number {
  return r.width * r.height;
}

function throwIfAborted(signal?: AbortSignalLike): void {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    throw reason instanceof Error ? reason : new DOMException('The local detection was cancelled.', 'AbortError');
  }
}
