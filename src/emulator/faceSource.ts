// Where the emulator's faces come from: the local detection engine when it loads, else a fixture
// derived from the official example response. The emulator only shapes what a source returns;
// it never invents attribute values a source did not compute.
import { imageSize } from 'image-size';
import type { DetectionModel, FaceAttributeName, FaceDetectionResult, Point, RecognitionModel } from '../core/contract';
import type * as LocalEngine from '../local/index';
import { EXAMPLE_FACE } from './exampleFace';

export interface FaceSourceOptions {
  detectionModel: string;
  landmarks: boolean;
  attributes: string[];
  /** The request's recognition model (qualityForRecognition depends on it). */
  recognitionModel?: string;
}

export interface FaceSource {
  detect(bytes: Uint8Array, opts: FaceSourceOptions): Promise<FaceDetectionResult[]>;
  /** Shown in the emulator's log, e.g. "fixtures (official v1.2 example face)". */
  readonly name?: string;
}

/**
 * One face per image, whatever it shows: the official example's face, kept where the example put
 * it when it fits in the image, else scaled down (about the origin) until it does. Provides the
 * example's eight attributes; others (e.g. mask) are left out.
 */
export const fixtureFaceSource: FaceSource = {
  name: 'fixtures (official v1.2 example face)',
  async detect(bytes, opts) {
    const { width = 0, height = 0 } = imageSize(bytes);
    const landmarkPoints: Point[] = Object.values(EXAMPLE_FACE.faceLandmarks);
    const { left, top, width: faceWidth, height: faceHeight } = EXAMPLE_FACE.faceRectangle;
    const rightmost = Math.max(left + faceWidth, ...landmarkPoints.map((p) => p.x));
    const lowest = Math.max(top + faceHeight, ...landmarkPoints.map((p) => p.y));
    const scale = Math.min(1, width / rightmost, height / lowest);
    const scalePoint = (p: Point): Point => ({ x: round1(p.x * scale), y: round1(p.y * scale) });

    const face: FaceDetectionResult = {
      faceRectangle: {
        top: Math.floor(top * scale),
        left: Math.floor(left * scale),
        width: Math.round(faceWidth * scale),
        height: Math.round(faceHeight * scale),
      },
    };
    if (opts.landmarks) {
      face.faceLandmarks = Object.fromEntries(
        Object.entries(EXAMPLE_FACE.faceLandmarks).map(([name, point]) => [name, scalePoint(point)]),
      ) as FaceDetectionResult['faceLandmarks'];
    }
    if (opts.attributes.length > 0) {
      face.faceAttributes = Object.fromEntries(
        opts.attributes.filter((name) => name in EXAMPLE_FACE.faceAttributes).map((name) => [name, structuredClone(EXAMPLE_FACE.faceAttributes[name])]),
      );
    }
    return [face];
  },
};

const round1 = (value: number): number => Math.round(value * 10) / 10;

type LocalEngineModule = typeof LocalEngine;

/** Loaded only when used (it pulls in TensorFlow.js), and allowed to fail: then the fixtures stand in. */
function loadLocalEngine(): LocalEngineModule {
  // require, not import(): under tsx's CommonJS hook (mocha, `npm run emulator`) a .ts path resolves
  // through require only; native import() cannot find it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../local/index') as LocalEngineModule;
}

const localSources = new Map<string, Promise<FaceSource>>();

/** The local engine as a face source; rejects when the engine cannot be loaded. One per assetRoot. */
export function localFaceSource(options: { assetRoot?: string } = {}): Promise<FaceSource> {
  const cacheKey = options.assetRoot ?? '';
  let source = localSources.get(cacheKey);
  if (!source) {
    source = createLocalFaceSource(options);
    localSources.set(cacheKey, source);
    source.catch(() => localSources.delete(cacheKey)); // let a later call retry
  }
  return source;
}

async function createLocalFaceSource(options: { assetRoot?: string }): Promise<FaceSource> {
  const provider = loadLocalEngine().createLocalProvider(options);
  const source: FaceSource = {
    name: 'local detector',
    async detect(bytes, opts) {
      const outcome = await provider.detect(
        { kind: 'bytes', bytes },
        {
          apiVersion: 'v1.2',
          detectionModel: opts.detectionModel as DetectionModel,
          recognitionModel: (opts.recognitionModel ?? 'recognition_04') as RecognitionModel,
          returnFaceId: false,
          returnFaceLandmarks: opts.landmarks,
          returnFaceAttributes: opts.attributes as FaceAttributeName[],
          returnRecognitionModel: false,
        },
      );
      return outcome.faces;
    },
  };
  // The engine loads its models on the first detect: do it now, so "loads" means "runs" and the
  // first real request is not the slow one.
  await source.detect(greyBitmap(8, 8), { detectionModel: 'detection_01', landmarks: false, attributes: [] });
  return source;
}

/** A tiny uncompressed 24-bit BMP (width a multiple of 4, so rows need no padding). */
function greyBitmap(width: number, height: number): Uint8Array {
  const pixelBytes = width * height * 3;
  const bmp = Buffer.alloc(54 + pixelBytes, 0x80);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(bmp.length, 2);
  bmp.writeUInt32LE(0, 6);
  bmp.writeUInt32LE(54, 10); // pixel data offset
  bmp.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  bmp.writeInt32LE(width, 18);
  bmp.writeInt32LE(height, 22);
  bmp.writeUInt16LE(1, 26); // planes
  bmp.writeUInt16LE(24, 28); // bits per pixel
  bmp.writeUInt32LE(0, 30); // no compression
  bmp.writeUInt32LE(pixelBytes, 34);
  bmp.fill(0, 38, 54); // resolution and palette fields
  return bmp;
}

/** The local engine if it loads, else the fixtures; says which through `log`. */
export async function defaultFaceSource(log: (line: string) => void): Promise<FaceSource> {
  try {
    return await localFaceSource();
  } catch (error) {
    log(`Local detector not available (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); using fixtures.`);
    return fixtureFaceSource;
  }
}
