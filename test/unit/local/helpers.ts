// Shared by the local detector's tests: test photos, their expected face counts, Azure's reference
// outputs, detect options, and an overlay renderer for looking at results.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { LANDMARK_NAMES, type DetectOptions, type DetectionModel, type FaceLandmarks, type FaceRectangle } from '../../../src/core/contract';
import type { DetectOutcome } from '../../../src/core/provider';
import { decodeImage } from '../../../src/local/decode';

export const SHARED = path.resolve(__dirname, '../../../../shared');
export const IMAGES = path.join(SHARED, 'testdata/images');
export const RESULTS = path.resolve(__dirname, '../../../test-results');

export function readImage(name: string): Uint8Array {
  return fs.readFileSync(path.join(IMAGES, name));
}

/** `file -> faces` from the table in SOURCES.md. */
export function expectedFaceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(IMAGES, 'SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length > 3 && /\.(jpe?g|png|gif|bmp)$/i.test(cells[1]) && /^\d+$/.test(cells[2])) counts.set(cells[1], Number(cells[2]));
  }
  return counts;
}

export interface ReferenceFace { faceRectangle: FaceRectangle; faceLandmarks?: FaceLandmarks; faceAttributes?: { headPose?: { pitch: number; roll: number; yaw: number } } }
export interface ReferenceEntry { image: { repoPath: string; equivalentTo?: { repoPath: string } }; model: { detectionModel: string }; faces: ReferenceFace[] }

/** Reference entries for a test photo (detection1.jpg = single_detection1.jpg, detection3.jpg = headturn_detection3.jpg). */
export function referenceEntries(testImage: string, model: DetectionModel): ReferenceEntry[] {
  const sourceName = { 'single_detection1.jpg': 'Face/images/detection1.jpg', 'headturn_detection3.jpg': 'Face/images/detection3.jpg' }[testImage];
  const all = JSON.parse(fs.readFileSync(path.join(SHARED, 'face-api/reference-outputs.json'), 'utf8')).entries as ReferenceEntry[];
  return all.filter((e) => (e.image.repoPath === sourceName || e.image.equivalentTo?.repoPath === sourceName) && e.model.detectionModel.startsWith(model));
}

export function detectOptions(overrides: Partial<DetectOptions> = {}): DetectOptions {
  return {
    apiVersion: 'v1.2', detectionModel: 'detection_03', recognitionModel: 'recognition_04', returnFaceId: false,
    returnFaceLandmarks: true, returnFaceAttributes: ['headPose', 'blur', 'exposure', 'noise'], returnRecognitionModel: false,
    ...overrides,
  };
}

export function iou(a: FaceRectangle, b: FaceRectangle): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
}

export function pupilDistance(l: FaceLandmarks): number {
  return Math.hypot(l.pupilRight.x - l.pupilLeft.x, l.pupilRight.y - l.pupilLeft.y);
}

/** Draws rectangles (green) and the 27 landmarks (red, pupils yellow, image-left points cyan ring) onto the picture; writes a PNG. */
export function renderOverlay(imageBytes: Uint8Array, outcome: DetectOutcome, file: string): void {
  const img = decodeImage(imageBytes);
  const png = new PNG({ width: img.width, height: img.height });
  for (let i = 0; i < img.width * img.height; i++) {
    png.data[i * 4] = img.data[i * 3];
    png.data[i * 4 + 1] = img.data[i * 3 + 1];
    png.data[i * 4 + 2] = img.data[i * 3 + 2];
    png.data[i * 4 + 3] = 255;
  }
  const put = (x: number, y: number, rgb: [number, number, number]) => {
    x = Math.round(x); y = Math.round(y);
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
    png.data.set(rgb, (y * img.width + x) * 4);
  };
  const thick = Math.max(1, Math.round(Math.max(img.width, img.height) / 500));
  for (const face of outcome.faces) {
    const r = face.faceRectangle;
    for (let t = 0; t < thick; t++) {
      for (let x = r.left; x < r.left + r.width; x++) { put(x, r.top + t, [0, 255, 0]); put(x, r.top + r.height - 1 - t, [0, 255, 0]); }
      for (let y = r.top; y < r.top + r.height; y++) { put(r.left + t, y, [0, 255, 0]); put(r.left + r.width - 1 - t, y, [0, 255, 0]); }
    }
    if (!face.faceLandmarks) continue;
    const radius = Math.max(1, Math.round(r.width / 80));
    for (const name of LANDMARK_NAMES) {
      const p = face.faceLandmarks[name];
      const colour: [number, number, number] = name.startsWith('pupil') ? [255, 255, 0] : [255, 0, 0];
      for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) put(p.x + dx, p.y + dy, colour);
      if (name.includes('Left')) for (let a = 0; a < 24; a++) put(p.x + (radius + 2) * Math.cos(a / 3.82), p.y + (radius + 2) * Math.sin(a / 3.82), [0, 255, 255]);
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, PNG.sync.write(png));
}
