// Image limits of detect (FACTS §4.4): 1 KB to 6 MB, JPEG / PNG / GIF / BMP.
import { imageSize } from 'image-size';
import { faceErrors } from './errors';

export const MIN_IMAGE_BYTES = 1024;
export const MAX_IMAGE_BYTES = 6 * 1024 * 1024;

export interface ImageDimensions {
  width: number;
  height: number;
}

const SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0xff, 0xd8, 0xff], // JPEG
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8(7|9)a
  [0x42, 0x4d], // BMP
];

/**
 * Checks size and format, and returns the upright dimensions (EXIF orientations 5-8 swap width
 * and height: the service applies EXIF rotation before detecting). No maximum pixel dimension is
 * documented for detect, so none is enforced.
 */
export function checkImage(bytes: Uint8Array): ImageDimensions {
  if (bytes.length < MIN_IMAGE_BYTES) throw faceErrors.imageTooSmall();
  if (bytes.length > MAX_IMAGE_BYTES) throw faceErrors.imageTooBig();
  if (!SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte))) throw faceErrors.undecodableImage();
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw faceErrors.undecodableImage();
  }
  if (!size.width || !size.height) throw faceErrors.undecodableImage();
  const rotated = (size.orientation ?? 1) >= 5;
  return rotated ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}
