import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_LIMITS, sniffImage } from '../../../src/core/index';

const IMAGES = path.resolve(__dirname, '../../../../shared/testdata/images');
const photo = (name: string) => new Uint8Array(readFileSync(path.join(IMAGES, name)));

/** A minimal valid PNG header (signature + IHDR) padded to `size` bytes, ending with IEND. */
function png(width: number, height: number, size = 2048): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b.set(new TextEncoder().encode('IEND'), size - 8);
  return b;
}

/** A JPEG whose EXIF says orientation 6 (rotate 90°): SOI, APP1 Exif (TIFF big-endian, 1 IFD entry), SOF0, EOI. */
function jpegWithOrientation(width: number, height: number, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0, 0, 0];
  const app1Payload = [...new TextEncoder().encode('Exif'), 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (app1Payload.length + 2) >> 8, (app1Payload.length + 2) & 0xff, ...app1Payload];
  const sof = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const head = [0xff, 0xd8, ...app1, ...sof];
  const b = new Uint8Array(2048);
  b.set(head);
  b.set([0xff, 0xd9], b.length - 2);
  return b;
}

describe('sniffImage', () => {
  const cases: Array<[string, string, number, number]> = [
    ['single_detection1.jpg', 'jpeg', 1000, 664],
    ['fmt_group6_faces.png', 'png', 600, 462],
    ['fmt_detection1.gif', 'gif', 500, 332],
    ['fmt_detection1.bmp', 'bmp', 500, 332],
  ];
  for (const [file, format, width, height] of cases) {
    it(`reads ${file} as ${format} ${width}x${height}`, () => {
      const r = sniffImage(photo(file), file);
      assert.deepEqual(r.problems, []);
      assert.equal(r.info?.format, format);
      assert.deepEqual(r.info?.upright, { width, height });
      assert.equal(r.info?.byteLength, photo(file).length);
    });
  }

  it('accepts every real test photo', () => {
    for (const file of ['Family1-Dad1.jpg', 'group6_faces.jpg', 'single_2mp_amy.jpg', 'tinyfaces_group6_150px.jpg', 'noface_dog.jpg']) {
      assert.deepEqual(sniffImage(photo(file)).problems.filter((p) => p.severity === 'error'), [], file);
    }
  });

  it('swaps width and height for EXIF orientation 6', () => {
    const r = sniffImage(jpegWithOrientation(400, 300, 6));
    assert.equal(r.info?.orientation, 6);
    assert.deepEqual({ w: r.info?.width, h: r.info?.height }, { w: 400, h: 300 });
    assert.deepEqual(r.info?.upright, { width: 300, height: 400 });
  });

  it('names WebP, HEIC, TIFF and PDF files and says what to do', () => {
    const pad = (head: string | number[]) => {
      const b = new Uint8Array(4096);
      b.set(typeof head === 'string' ? new TextEncoder().encode(head) : head);
      return b;
    };
    const cases: Array<[Uint8Array, RegExp]> = [
      [pad('RIFF\u0000\u0010\u0000\u0000WEBPVP8 '), /is a WebP image; Azure Face accepts only JPEG, PNG, GIF or BMP: convert it/],
      [pad([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypheic')]), /HEIC\/HEIF image/],
      [pad([0x49, 0x49, 0x2a, 0x00]), /TIFF image/],
      [pad('%PDF-1.7'), /PDF document/],
      [pad('hello world'), /not a JPEG, PNG, GIF or BMP image/],
    ];
    for (const [bytes, pattern] of cases) {
      const r = sniffImage(bytes, 'photo.x');
      assert.equal(r.info, undefined);
      assert.match(r.problems[0].message, pattern);
    }
  });

  it('rejects empty, too small and too big files with the limits', () => {
    assert.match(sniffImage(new Uint8Array(0)).problems[0].message, /empty/);
    const small = photo('single_detection1.jpg').subarray(0, IMAGE_LIMITS.minBytes - 1);
    assert.match(sniffImage(small).problems[0].message, /1023 bytes; Azure Face needs at least 1 KB/);
    const big = new Uint8Array(IMAGE_LIMITS.maxBytes + 1);
    big.set(photo('single_detection1.jpg'));
    assert.match(sniffImage(big).problems[0].message, /6\.0 MB; Azure Face accepts at most 6 MB: resize it/);
    // exactly at the limits is fine
    assert.ok(!sniffImage(png(100, 100, IMAGE_LIMITS.minBytes)).problems.some((p) => p.severity === 'error'));
    assert.ok(!sniffImage(png(100, 100, IMAGE_LIMITS.maxBytes)).problems.some((p) => p.severity === 'error'));
  });

  it('rejects images smaller than the 36 px minimum face', () => {
    const r = sniffImage(png(35, 200));
    assert.match(r.problems[0].message, /35x200 px; the smallest face Azure Face detects is 36x36 px/);
    assert.deepEqual(sniffImage(png(36, 36)).problems, []);
  });

  it('reports a corrupt header instead of throwing', () => {
    const b = new Uint8Array(3000);
    b.set([0xff, 0xd8, 0xff, 0xe0]);
    const r = sniffImage(b);
    assert.match(r.problems[0].message, /looks like JPEG but its header is corrupt/);
  });

  it('warns (does not block) when a JPEG looks cut off', () => {
    const full = photo('single_detection1.jpg');
    const r = sniffImage(full.subarray(0, full.length / 2));
    assert.equal(r.info?.format, 'jpeg');
    assert.equal(r.problems[0].severity, 'warning');
    assert.match(r.problems[0].message, /cut off/);
  });
});
