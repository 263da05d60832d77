// Checks an image file before upload, so a wrong file fails here with a clear message instead of
// costing a call (and quota) to get a 400 back. Limits are the service's (FACTS §4.4).
import { imageSize } from 'image-size';
import type { Problem } from './validate';

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'bmp';

export const IMAGE_LIMITS = {
  minBytes: 1024, // "Image size is too small" below 1 KB
  maxBytes: 6 * 1024 * 1024, // "Image size is too big" above 6 MB
  /** Faces smaller than 36x36 px are never detected, so a smaller image cannot contain a detectable face. */
  minSidePx: 36,
} as const;

export interface ImageInfo {
  format: ImageFormat;
  byteLength: number;
  /** As stored in the file. */
  width: number;
  height: number;
  /** EXIF orientation 1..8 when present (JPEG). The service rotates before detecting. */
  orientation?: number;
  /** Size after applying EXIF orientation: the frame face coordinates refer to. */
  upright: { width: number; height: number };
}

export interface SniffResult {
  info?: ImageInfo;
  problems: Problem[];
}

const ACCEPTED = 'JPEG, PNG, GIF or BMP';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** Formats the service accepts, from magic bytes. */
function acceptedFormat(b: Uint8Array): ImageFormat | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(b, 0, 2) === 'BM') return 'bmp';
  return undefined;
}

/** Names common formats the service rejects, so the message can say what the file really is. */
function otherFormat(b: Uint8Array): string | undefined {
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'a WebP image';
  if (ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12).toLowerCase();
    if (brand.startsWith('avi')) return 'an AVIF image';
    if (['heic', 'heix', 'hevc', 'mif1', 'msf1', 'heim', 'heis'].includes(brand)) return 'a HEIC/HEIF image';
    return 'an MP4/QuickTime-family file';
  }
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'a TIFF image';
  if (ascii(b, 0, 5) === '%PDF-') return 'a PDF document';
  if (ascii(b, 0, 4) === '8BPS') return 'a Photoshop (PSD) file';
  if (startsWith(b, [0x00, 0x00, 0x01, 0x00])) return 'an ICO icon';
  if (startsWith(b, [0xff, 0x0a]) || ascii(b, 4, 8) === 'JXL ') return 'a JPEG XL image';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive';
  const head = ascii(b, 0, Math.min(b.length, 256)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'an SVG drawing';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'an HTML page';
  return undefined;
}

/** JPEG data should end with the EOI marker (FF D9); a missing one usually means a cut-off download. */
function looksTruncated(b: Uint8Array, format: ImageFormat): boolean {
  const tail = b.subarray(Math.max(0, b.length - 1024));
  if (format === 'jpeg') return !tail.some((v, i) => v === 0xff && tail[i + 1] === 0xd9);
  if (format === 'png') return !ascii(tail, 0, tail.length).includes('IEND');
  return false;
}

const kb = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function sniffImage(bytes: Uint8Array, name = 'The image'): SniffResult {
  const error = (message: string): SniffResult => ({ problems: [{ severity: 'error', message }] });

  if (bytes.length === 0) return error(`${name} is empty (0 bytes): choose a ${ACCEPTED} file.`);
  const format = acceptedFormat(bytes);
  if (!format) {
    const actual = otherFormat(bytes);
    return error(actual
      ? `${name} is ${actual}; Azure Face accepts only ${ACCEPTED}: convert it (e.g. export as JPEG) and try again.`
      : `${name} is not a ${ACCEPTED} image (unrecognised file header): choose or convert to one of those formats.`);
  }
  if (bytes.length < IMAGE_LIMITS.minBytes) {
    return error(`${name} is ${bytes.length} bytes; Azure Face needs at least 1 KB (1024 bytes): use a larger image.`);
  }
  if (bytes.length > IMAGE_LIMITS.maxBytes) {
    return error(`${name} is ${kb(bytes.length)}; Azure Face accepts at most 6 MB: resize it or save it with more compression.`);
  }

  let dims: ReturnType<typeof imageSize>;
  try {
    dims = imageSize(bytes);
  } catch (e) {
    return error(`${name} looks like ${format.toUpperCase()} but its header is corrupt (${(e as Error).message}): re-export or re-download it.`);
  }
  const { width, height } = dims;
  const rotated = dims.orientation !== undefined && dims.orientation >= 5; // 5..8 swap the axes
  const info: ImageInfo = {
    format, byteLength: bytes.length, width, height,
    ...(dims.orientation !== undefined ? { orientation: dims.orientation } : {}),
    upright: rotated ? { width: height, height: width } : { width, height },
  };

  const problems: Problem[] = [];
  const min = IMAGE_LIMITS.minSidePx;
  if (width < min || height < min) {
    problems.push({ severity: 'error', message: `${name} is ${width}x${height} px; the smallest face Azure Face detects is ${min}x${min} px, so nothing can be found: use a larger image.` });
  }
  if (looksTruncated(bytes, format)) {
    problems.push({ severity: 'warning', message: `${name} seems to be cut off (no end-of-image marker); if the service says "Decoding error", re-download or re-export it.` });
  }
  return { info, problems };
}
