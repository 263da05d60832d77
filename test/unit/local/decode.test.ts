// Decoding: every format the service takes, EXIF orientation, and clear errors for bad files.
import assert from 'node:assert/strict';
import jpeg from 'jpeg-js';
import { createLocalProvider } from '../../../src/local';
import { applyExifOrientation, decodeImage, exifOrientation, type RgbImage } from '../../../src/local/decode';
import { detectOptions, iou, readImage } from './helpers';

const provider = createLocalProvider();

function meanAbsDiff(a: RgbImage, b: RgbImage): number {
  assert.deepEqual([a.width, a.height], [b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

/** The stored pixels of `upright` turned 90 degrees counter-clockwise: what a camera held sideways writes with EXIF orientation 6. */
function turnCounterClockwise(upright: RgbImage): RgbImage {
  // Orientation 8 is "turn counter-clockwise to display", so applying it turns the picture that way.
  return applyExifOrientation(upright, 8);
}

/** A minimal big-endian EXIF APP1 segment whose only tag is Orientation (0x0112). */
function exifOrientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  const length = body.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

function withSegmentAfterSoi(jpegBytes: Uint8Array, segment: Uint8Array): Uint8Array {
  return Uint8Array.from([...jpegBytes.subarray(0, 2), ...segment, ...jpegBytes.subarray(2)]);
}

describe('local detector: decoding', () => {
  it('reads PNG like the JPEG it was made from', () => {
    assert.ok(meanAbsDiff(decodeImage(readImage('fmt_group6_faces.png')), decodeImage(readImage('group6_faces.jpg'))) < 3);
  });

  it('reads BMP in the right channel order (bmp-js gives ABGR) and GIF\'s first frame', () => {
    const bmp = decodeImage(readImage('fmt_detection1.bmp'));
    const gif = decodeImage(readImage('fmt_detection1.gif'));
    const diff = meanAbsDiff(bmp, gif);
    // Same picture; GIF has 256 colours. Swapping red and blue would push this past 20 on this photo.
    assert.ok(diff < 8, `BMP vs GIF mean difference ${diff.toFixed(1)}`);
    const swapped = { ...bmp, data: bmp.data.map((_, i) => bmp.data[i - (i % 3) + (2 - (i % 3))]) };
    assert.ok(meanAbsDiff(swapped, gif) > diff * 2, 'the check above would not notice a red/blue swap');
  });

  it('applies EXIF orientation: a sideways-stored photo comes back upright, with upright coordinates', async () => {
    const originalBytes = readImage('single_detection1.jpg');
    const upright = decodeImage(originalBytes);
    const stored = turnCounterClockwise(upright);
    const sidewaysJpeg = jpeg.encode({ width: stored.width, height: stored.height, data: rgbToRgba(stored.data) }, 95).data;
    const tagged = withSegmentAfterSoi(sidewaysJpeg, exifOrientationSegment(6));
    assert.equal(exifOrientation(tagged), 6);
    assert.equal(exifOrientation(sidewaysJpeg), 1);

    const options = detectOptions({ detectionModel: 'detection_01' });
    const reference = await provider.detect({ kind: 'bytes', bytes: originalBytes }, options);
    const fromTagged = await provider.detect({ kind: 'bytes', bytes: tagged }, options);
    // Stored 664x1000; upright (and reported) 1000x664.
    assert.deepEqual([stored.width, stored.height], [664, 1000]);
    assert.deepEqual(fromTagged.imageSize, { width: 1000, height: 664 });
    assert.equal(fromTagged.faces.length, 1);
    const overlap = iou(fromTagged.faces[0].faceRectangle, reference.faces[0].faceRectangle);
    assert.ok(overlap > 0.8, `IoU with the upright original ${overlap.toFixed(2)}`);
    // Control: without the tag the same pixels are reported as stored, sideways.
    const untagged = await provider.detect({ kind: 'bytes', bytes: sidewaysJpeg }, options);
    assert.deepEqual(untagged.imageSize, { width: 664, height: 1000 });
  });

  it('undoes each of the 8 orientations', () => {
    const img: RgbImage = { width: 3, height: 2, data: Uint8Array.from({ length: 18 }, (_, i) => Math.floor(i / 3)) };
    // Pixel values 0..5 in reading order. For each orientation, what the stored picture must be for
    // the upright one to be `img`, built by hand from the EXIF spec's descriptions.
    const storedFor: Record<number, { w: number; h: number; px: number[] }> = {
      1: { w: 3, h: 2, px: [0, 1, 2, 3, 4, 5] },
      2: { w: 3, h: 2, px: [2, 1, 0, 5, 4, 3] }, // mirrored
      3: { w: 3, h: 2, px: [5, 4, 3, 2, 1, 0] }, // upside down
      4: { w: 3, h: 2, px: [3, 4, 5, 0, 1, 2] }, // flipped vertically
      5: { w: 2, h: 3, px: [0, 3, 1, 4, 2, 5] }, // transposed
      6: { w: 2, h: 3, px: [2, 5, 1, 4, 0, 3] }, // stored turned counter-clockwise
      7: { w: 2, h: 3, px: [5, 2, 4, 1, 3, 0] }, // transversed
      8: { w: 2, h: 3, px: [3, 0, 4, 1, 5, 2] }, // stored turned clockwise
    };
    for (const [orientation, s] of Object.entries(storedFor)) {
      const stored: RgbImage = { width: s.w, height: s.h, data: Uint8Array.from(s.px.flatMap((v) => [v, v, v])) };
      assert.deepEqual(applyExifOrientation(stored, Number(orientation)), img, `orientation ${orientation}`);
    }
  });
});

describe('local detector: bad input gives a clear error, not a crash', () => {
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['WebP', Uint8Array.from(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00', 'latin1')), /is WebP; the Face service takes JPEG, PNG, GIF or BMP: convert it/],
    ['HEIC', Uint8Array.from(Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1')), /is HEIC\/HEIF; .*convert it/],
    ['random bytes', Uint8Array.from({ length: 500 }, (_, i) => (i * 37 + 11) % 256), /not an image this detector recognises/],
    ['an empty file', new Uint8Array(0), /is empty \(0 bytes\)/],
    ['a truncated JPEG', readImage('single_detection1.jpg').subarray(0, 200_000), /could not be decoded as JPEG: the file is damaged or truncated/],
    ['a PNG with a broken body', Uint8Array.from([...readImage('fmt_group6_faces.png').subarray(0, 1000), ...new Uint8Array(1000)]), /could not be decoded as PNG: the file is damaged or truncated/],
  ];
  for (const [what, bytes, message] of cases) {
    it(`${what}`, async () => {
      await assert.rejects(provider.detect({ kind: 'bytes', bytes, name: 'photo.x' }, detectOptions()), (err: Error) => {
        assert.match(err.message, message);
        assert.match(err.message, /^"photo\.x" /);
        return true;
      });
    });
  }

  it('a URL: says the local detector reads files only', async () => {
    await assert.rejects(provider.detect({ kind: 'url', url: 'https://example.com/a.jpg' }, detectOptions()), /The local detector reads files only/);
  });

  it('an aborted signal stops it', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(provider.detect({ kind: 'bytes', bytes: readImage('Family1-Mom1.jpg') }, detectOptions(), controller.signal), (err: Error) => err.name === 'AbortError');
  });
});

function rgbToRgba(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgb.length / 3) * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    out[j] = rgb[i]; out[j + 1] = rgb[i + 1]; out[j + 2] = rgb[i + 2]; out[j + 3] = 255;
  }
  return out;
}
