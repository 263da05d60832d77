// Image bytes -> upright RGB pixels, in pure JavaScript (no native modules, no canvas).
// The Face service takes JPEG, PNG, GIF and BMP, and applies a JPEG's EXIF orientation before it
// detects, so coordinates refer to the picture as a person sees it. We do the same.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import bmp from 'bmp-js';
import { GifReader } from 'omggif';
import { imageSize } from 'image-size';

/** 8-bit RGB, row-major, 3 bytes per pixel, upright (EXIF orientation applied). */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'bmp';

/** Large enough for any photo the service accepts (4096 x 4096) with room to spare; beyond it we refuse rather than exhaust memory. */
const MAX_PIXELS = 50_000_000;

const SUPPORTED = 'the Face service takes JPEG, PNG, GIF or BMP';

/** Tells the format from the first bytes, or says what the file is when it's one we can't read. */
export function sniffFormat(bytes: Uint8Array, name = 'The image'): ImageFormat {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length === 0) throw new Error(`${name} is empty (0 bytes): choose a JPEG, PNG, GIF or BMP file.`);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 2) === 'BM') return 'bmp';
  const other =
    ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP' ? 'WebP'
      : ascii(4, 8) === 'ftyp' ? (/avi[fs]/.test(ascii(8, 12)) ? 'AVIF' : 'HEIC/HEIF')
        : ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*' ? 'TIFF'
          : ascii(0, 5) === '<?xml' || ascii(0, 4) === '<svg' ? 'SVG'
            : undefined;
  if (other) throw new Error(`${name} is ${other}; ${SUPPORTED}: convert it to one of those first.`);
  throw new Error(`${name} is not an image this detector recognises (it doesn't start like a JPEG, PNG, GIF or BMP file). Check that the file isn't damaged, or convert it to JPEG or PNG.`);
}

/** Decodes the bytes and applies EXIF orientation. Throws an Error that says what's wrong with the file and what to do. */
export function decodeImage(bytes: Uint8Array, name = 'The image'): RgbImage {
  const format = sniffFormat(bytes, name);
  let decoded: RgbImage;
  try {
    decoded = decodeFormat(format, bytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${name} could not be decoded as ${format.toUpperCase()}: the file is damaged or truncated (${reason}). Re-export or re-download it.`);
  }
  if (decoded.width < 1 || decoded.height < 1) throw new Error(`${name} has no pixels (${decoded.width}x${decoded.height}).`);
  return format === 'jpeg' ? applyExifOrientation(decoded, exifOrientation(bytes)) : decoded;
}

function decodeFormat(format: ImageFormat, bytes: Uint8Array): RgbImage {
  switch (format) {
    case 'jpeg': {
      const img = jpeg.decode(bytes, {
        useTArray: true, formatAsRGBA: false, tolerantDecoding: false,
        maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 1024,
      });
      return { width: img.width, height: img.height, data: img.data };
    }
    case 'png': {
      // pngjs expands palette, grey and 16-bit images to 8-bit RGBA.
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      checkPixelCount(png.width, png.height);
      return { width: png.width, height: png.height, data: dropChannel(png.data, [0, 1, 2]) };
    }
    case 'gif': {
      // Like the service, use the first frame of an animation.
      const reader = new GifReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      checkPixelCount(reader.width, reader.height);
      const rgba = new Uint8Array(reader.width * reader.height * 4);
      reader.decodeAndBlitFrameRGBA(0, rgba);
      return { width: reader.width, height: reader.height, data: dropChannel(rgba, [0, 1, 2]) };
    }
    case 'bmp': {
      // bmp-js returns ABGR, not RGBA.
      const img = bmp.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      checkPixelCount(img.width, img.height);
      return { width: img.width, height: img.height, data: dropChannel(img.data, [3, 2, 1]) };
    }
  }
}

function checkPixelCount(width: number, height: number): void {
  if (width * height > MAX_PIXELS) throw new Error(`${width}x${height} is more than ${MAX_PIXELS / 1e6} megapixels; scale it down`);
}

/** 4-channel pixels -> RGB, picking the source channel offsets for R, G, B. */
function dropChannel(src: Uint8Array, rgbOffsets: [number, number, number]): Uint8Array {
  const pixels = src.length >> 2;
  const out = new Uint8Array(pixels * 3);
  const [r, g, b] = rgbOffsets;
  for (let i = 0; i < pixels; i++) {
    out[i * 3] = src[i * 4 + r];
    out[i * 3 + 1] = src[i * 4 + g];
    out[i * 3 + 2] = src[i * 4 + b];
  }
  return out;
}

/** EXIF orientation 1..8 of a JPEG (1 when absent or unreadable). */
export function exifOrientation(bytes: Uint8Array): number {
  try {
    const orientation = imageSize(bytes).orientation;
    return orientation && orientation >= 1 && orientation <= 8 ? orientation : 1;
  } catch {
    return 1;
  }
}

/**
 * Turns stored pixels into the upright picture for EXIF orientation 1..8.
 * For each upright pixel (x, y) we find the stored pixel it comes from.
 */
export function applyExifOrientation(img: RgbImage, orientation: number): RgbImage {
  if (orientation === 1) return img;
  const { width: w, height: h, data } = img;
  const swaps = orientation >= 5; // 5..8 turn the picture by 90 degrees
  const outW = swaps ? h : w;
  const outH = swaps ? w : h;
  const out = new Uint8Array(outW * outH * 3);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      let sx: number, sy: number;
      switch (orientation) {
        case 2: sx = w - 1 - x; sy = y; break; // mirrored
        case 3: sx = w - 1 - x; sy = h - 1 - y; break; // upside down
        case 4: sx = x; sy = h - 1 - y; break; // mirrored vertically
        case 5: sx = y; sy = x; break; // transposed
        case 6: sx = y; sy = h - 1 - x; break; // stored turned 90 degrees counter-clockwise: turn clockwise
        case 7: sx = w - 1 - y; sy = h - 1 - x; break; // transversed
        case 8: sx = w - 1 - y; sy = x; break; // stored turned 90 degrees clockwise: turn counter-clockwise
        default: sx = x; sy = y;
      }
      const s = (sy * w + sx) * 3;
      const d = (y * outW + x) * 3;
      out[d] = data[s];
      out[d + 1] = data[s + 1];
      out[d + 2] = data[s + 2];
    }
  }
  return { width: outW, height: outH, data: out };
}
