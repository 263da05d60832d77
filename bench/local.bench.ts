// The local detector's cost, each number beside a peer measured in the same run (the machine is
// shared and noisy, so ratios mean more than milliseconds):
// - cold start, in a fresh process: module import, and the first detect (engine load included)
//   against a warm detect of the same picture in that process;
// - per picture: the full detect against (a) decoding the file alone and (b) one raw Human pass over
//   the whole picture (no tiles, crops or Azure mapping), interleaved so both see the same load;
// - accuracy against Azure's real outputs (reference-outputs.json): mean landmark error in pupil
//   distances and rectangle IoU, per reference face and detection model.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANDMARK_NAMES, type DetectOptions, type DetectionModel, type FaceLandmarks, type FaceRectangle } from '../src/core/contract';
import { createLocalProvider } from '../src/local';
import { decodeImage } from '../src/local/decode';
import { FaceEngine, resolveAssetPaths } from '../src/local/engine';

const IMAGES = path.resolve(__dirname, '../../shared/testdata/images');
const PICTURES = ['single_detection1.jpg', 'group6_faces.jpg', 'group4_small_bw_celebrities.jpg', 'single_2mp_amy.jpg'];
const RUNS = 5;
const OPTIONS: DetectOptions = {
  apiVersion: 'v1.2', detectionModel: 'detection_03', recognitionModel: 'recognition_04', returnFaceId: false,
  returnFaceLandmarks: true, returnFaceAttributes: ['headPose', 'blur', 'exposure', 'noise'], returnRecognitionModel: false,
};

/** Test photo -> the file name Azure's reference outputs use for it. */
const REFERENCE_NAMES: Record<string, string> = { 'single_detection1.jpg': 'Face/images/detection1.jpg', 'headturn_detection3.jpg': 'Face/images/detection3.jpg' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Import, cold detect and warm detect, measured inside a fresh Node process. */
function coldStart(): { importMs: number; coldMs: number; warmMs: number } {
  const script = `
    const t0 = performance.now();
    const { createLocalProvider } = require(${JSON.stringify(path.resolve(__dirname, '../src/local/index.ts'))});
    const importMs = performance.now() - t0;
    const bytes = require('node:fs').readFileSync(${JSON.stringify(path.join(IMAGES, 'Family1-Mom1.jpg'))});
    const options = ${JSON.stringify(OPTIONS)};
    (async () => {
      const provider = createLocalProvider();
      let t = performance.now(); await provider.detect({ kind: 'bytes', bytes }, options); const coldMs = performance.now() - t;
      const warm = [];
      for (let i = 0; i < 5; i++) { t = performance.now(); await provider.detect({ kind: 'bytes', bytes }, options); warm.push(performance.now() - t); }
      warm.sort((a, b) => a - b);
      process.stdout.write(JSON.stringify({ importMs, coldMs, warmMs: warm[2] }));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' }));
}

export default async function bench(): Promise<Array<{ name: string; value: number; unit: string; note?: string }>> {
  const rows: Array<{ name: string; value: number; unit: string; note?: string }> = [];
  const cold = coldStart();
  rows.push(
    { name: 'import src/local (fresh process)', value: cold.importMs, unit: 'ms', note: 'Human/TF.js not loaded yet' },
    { name: 'first detect, cold (Family1-Mom1)', value: cold.coldMs, unit: 'ms', note: 'engine load included' },
    { name: 'cold / warm detect', value: cold.coldMs / cold.warmMs, unit: 'x', note: `warm ${cold.warmMs.toFixed(0)} ms, same process` },
  );

  const provider = createLocalProvider();
  const engine = await FaceEngine.load(resolveAssetPaths());
  for (const name of PICTURES) {
    const bytes = new Uint8Array(readFileSync(path.join(IMAGES, name)));
    await provider.detect({ kind: 'bytes', bytes }, OPTIONS); // warm-up
    const detect: number[] = [];
    const decode: number[] = [];
    const rawPass: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      decode.push(await timed(() => decodeImage(bytes)));
      rawPass.push(await timed(async () => {
        const picture = decodeImage(bytes);
        await engine.withPicture(picture, (pass) => pass());
      }));
      detect.push(await timed(() => provider.detect({ kind: 'bytes', bytes }, OPTIONS)));
    }
    rows.push(
      { name: `detect ${name}`, value: median(detect), unit: 'ms', note: `median of ${RUNS}, landmarks + 4 attributes` },
      { name: `  / decode only`, value: median(detect) / median(decode), unit: 'x', note: `decode ${median(decode).toFixed(0)} ms` },
      { name: `  / one raw Human pass`, value: median(detect) / median(rawPass), unit: 'x', note: `raw pass ${median(rawPass).toFixed(0)} ms (decode + whole picture, no tiles/crops/mapping)` },
    );
  }
  rows.push(...await accuracy(provider));
  return rows;
}

interface ReferenceEntry { image: { repoPath: string; equivalentTo?: { repoPath: string } }; model: { detectionModel: string }; faces: Array<{ faceRectangle: FaceRectangle; faceLandmarks?: FaceLandmarks }> }

async function accuracy(provider: ReturnType<typeof createLocalProvider>) {
  const rows: Array<{ name: string; value: number; unit: string; note?: string }> = [];
  const entries = JSON.parse(readFileSync(path.resolve(IMAGES, '../../face-api/reference-outputs.json'), 'utf8')).entries as ReferenceEntry[];
  const seen = new Set<string>();
  for (const [picture, refName] of Object.entries(REFERENCE_NAMES)) {
    for (const entry of entries.filter((e) => e.image.repoPath === refName || e.image.equivalentTo?.repoPath === refName)) {
      const model = entry.model.detectionModel.slice(0, 12) as DetectionModel;
      const ref = entry.faces[0];
      // Several entries repeat the same rectangle (or landmarks): report each distinct one once.
      const rectKey = `${picture} ${model} ${JSON.stringify(ref.faceRectangle)}`;
      const landmarksKey = `${picture} ${model} ${JSON.stringify(ref.faceLandmarks)}`;
      const newRect = !seen.has(rectKey);
      const newLandmarks = ref.faceLandmarks !== undefined && !seen.has(landmarksKey);
      if (!newRect && !newLandmarks) continue;
      seen.add(rectKey).add(landmarksKey);
      const ours = (await provider.detect({ kind: 'bytes', bytes: new Uint8Array(readFileSync(path.join(IMAGES, picture))) }, { ...OPTIONS, detectionModel: model })).faces[0];
      if (newRect) rows.push({ name: `rect IoU ${picture} ${model}`, value: iou(ours.faceRectangle, ref.faceRectangle), unit: '', note: `ours ${JSON.stringify(ours.faceRectangle)} Azure ${JSON.stringify(ref.faceRectangle)}` });
      if (newLandmarks && ref.faceLandmarks && ours.faceLandmarks) {
        const theirs = ref.faceLandmarks;
        const ipd = Math.hypot(theirs.pupilRight.x - theirs.pupilLeft.x, theirs.pupilRight.y - theirs.pupilLeft.y);
        const errors = LANDMARK_NAMES.map((n) => Math.hypot(ours.faceLandmarks![n].x - theirs[n].x, ours.faceLandmarks![n].y - theirs[n].y));
        const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
        rows.push({ name: `landmark error ${picture} ${model}`, value: mean / ipd, unit: 'IPD', note: `mean ${mean.toFixed(1)} px over 27, pupil distance ${ipd.toFixed(0)} px` });
      }
    }
  }
  return rows;
}

function iou(a: FaceRectangle, b: FaceRectangle): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
}
