// Blur, exposure and noise of a face, from its pixels. Each is a simple measure mapped to [0, 1]
// and given Azure's level names by Azure's documented thresholds (FACTS.md section 3.4). They are
// explainable estimates, not Azure's models: expect the same level on clear cases, not equal values.
import type { FaceRectangle } from '../core/contract';
import type { RgbImage } from './decode';

export interface FaceQuality {
  blur: { blurLevel: string; value: number };
  exposure: { exposureLevel: string; value: number };
  noise: { noiseLevel: string; value: number };
}

/** The face is resampled to this many pixels square so blur doesn't depend on face size. */
const SAMPLE_SIZE = 96;
/** Laplacian variance of a crisp face at SAMPLE_SIZE (a sharp portrait gives several hundred). */
const SHARP_LAPLACIAN_VARIANCE = 400;
/** Noise sigma (grey levels) that counts as fully noisy. */
const NOISY_SIGMA = 8;

export function faceQuality(image: RgbImage, face: FaceRectangle): FaceQuality {
  const grey = greyCrop(image, face);
  const sample = resample(grey, SAMPLE_SIZE);

  // Blur: variance of the Laplacian (edge energy). Sharp = high variance. Log scale, since it spans
  // orders of magnitude; 0 = at least as crisp as SHARP_LAPLACIAN_VARIANCE, 1 = no edges at all.
  const lapVariance = laplacianVariance(sample);
  const blur = clamp01(1 - Math.log1p(lapVariance) / Math.log1p(SHARP_LAPLACIAN_VARIANCE));

  // Exposure: mean luminance of the face, 0 = black, 1 = white (a well-lit face sits near the middle).
  const exposure = mean(sample.data) / 255;

  // Noise: robust standard deviation (1.4826 x median absolute value) of the high-frequency residual,
  // pixel minus its 3x3 neighbourhood mean, at the face's own resolution (resampling would hide grain).
  // The median ignores edges and texture, which touch few pixels.
  const noise = clamp01(residualSigma(grey) / NOISY_SIGMA);

  return {
    blur: { blurLevel: blur < 0.25 ? 'low' : blur < 0.75 ? 'medium' : 'high', value: round2(blur) },
    exposure: { exposureLevel: exposure < 0.25 ? 'underExposure' : exposure < 0.75 ? 'goodExposure' : 'overExposure', value: round2(exposure) },
    noise: { noiseLevel: noise < 0.3 ? 'low' : noise < 0.7 ? 'medium' : 'high', value: round2(noise) },
  };
}

interface Grey { width: number; height: number; data: Float32Array }

function greyCrop(image: RgbImage, r: FaceRectangle): Grey {
  const width = Math.max(1, Math.min(r.width, image.width - r.left));
  const height = Math.max(1, Math.min(r.height, image.height - r.top));
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = ((r.top + y) * image.width + r.left + x) * 3;
      data[y * width + x] = 0.299 * image.data[s] + 0.587 * image.data[s + 1] + 0.114 * image.data[s + 2]; // Rec. 601 luma
    }
  }
  return { width, height, data };
}

/** Bilinear resample to size x size. */
function resample(src: Grey, size: number): Grey {
  const data = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    const sy = Math.min(src.height - 1, ((y + 0.5) * src.height) / size - 0.5);
    const y0 = Math.max(0, Math.floor(sy));
    const y1 = Math.min(src.height - 1, y0 + 1);
    const fy = Math.max(0, sy - y0);
    for (let x = 0; x < size; x++) {
      const sx = Math.min(src.width - 1, ((x + 0.5) * src.width) / size - 0.5);
      const x0 = Math.max(0, Math.floor(sx));
      const x1 = Math.min(src.width - 1, x0 + 1);
      const fx = Math.max(0, sx - x0);
      const top = src.data[y0 * src.width + x0] * (1 - fx) + src.data[y0 * src.width + x1] * fx;
      const bottom = src.data[y1 * src.width + x0] * (1 - fx) + src.data[y1 * src.width + x1] * fx;
      data[y * size + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width: size, height: size, data };
}

function laplacianVariance(g: Grey): number {
  const values: number[] = [];
  for (let y = 1; y < g.height - 1; y++) {
    for (let x = 1; x < g.width - 1; x++) {
      const i = y * g.width + x;
      values.push(g.data[i - 1] + g.data[i + 1] + g.data[i - g.width] + g.data[i + g.width] - 4 * g.data[i]);
    }
  }
  const m = mean(values);
  return mean(values.map((v) => (v - m) ** 2));
}

function residualSigma(g: Grey): number {
  const residuals: number[] = [];
  for (let y = 1; y < g.height - 1; y++) {
    for (let x = 1; x < g.width - 1; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += g.data[(y + dy) * g.width + x + dx];
      residuals.push(Math.abs(g.data[y * g.width + x] - sum / 9));
    }
  }
  if (residuals.length === 0) return 0;
  residuals.sort((a, b) => a - b);
  return 1.4826 * residuals[residuals.length >> 1];
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length ? sum / values.length : 0;
}
function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
