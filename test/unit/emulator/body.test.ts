import assert from 'node:assert/strict';
import { isLoopbackHost } from '../../../src/emulator/body';
import { assertFaceError, callDetect, image, MESSAGES, okFaces, serveFiles, useEmulator } from './helpers';

const jsonBody = (value: unknown) => ({ contentType: 'application/json', body: JSON.stringify(value) });

describe('emulator: request bodies', () => {
  const emulator = useEmulator();
  let imageServer: Awaited<ReturnType<typeof serveFiles>>;
  before(async () => {
    imageServer = await serveFiles({ '/group6.jpg': image('group6_faces.jpg'), '/tiny.jpg': Buffer.alloc(500, 0xff) });
  });
  after(() => imageServer.close());

  describe('content type', () => {
    it('takes image bytes as application/octet-stream', async () => {
      assert.equal((await okFaces(await callDetect(emulator()))).length, 1);
    });

    it('ignores media type parameters and case', async () => {
      await okFaces(await callDetect(emulator(), { contentType: 'Application/Octet-Stream; foo=bar' }));
    });

    for (const contentType of ['image/jpeg', 'text/plain', 'multipart/form-data; boundary=x', null]) {
      it(`answers Content-Type ${contentType ?? '(none)'} with 415`, async () => {
        await assertFaceError(await callDetect(emulator(), { contentType }), 415, 'BadArgument', 'Invalid Media Type.');
      });
    }
  });

  describe('JSON bodies', () => {
    it('downloads a loopback image URL', async () => {
      const response = await callDetect(emulator(), jsonBody({ url: `${imageServer.url}/group6.jpg` }));
      const [face] = await okFaces(response);
      assert.ok(face?.faceRectangle);
    });

    it('accepts a JSON body with a charset parameter', async () => {
      const call = { ...jsonBody({ url: `${imageServer.url}/group6.jpg` }), contentType: 'application/json; charset=utf-8' };
      await okFaces(await callDetect(emulator(), call));
    });

    it('applies the image rules to the downloaded image', async () => {
      const response = await callDetect(emulator(), jsonBody({ url: `${imageServer.url}/tiny.jpg` }));
      await assertFaceError(response, 400, 'InvalidImageSize', 'Image size is too small.');
    });

    it('answers a download failure (404 from the image server) with InvalidURL', async () => {
      const response = await callDetect(emulator(), jsonBody({ url: `${imageServer.url}/missing.jpg` }));
      await assertFaceError(response, 400, 'InvalidURL', MESSAGES.download);
    });

    it('answers an unreachable loopback port with InvalidURL', async () => {
      const response = await callDetect(emulator(), jsonBody({ url: 'http://127.0.0.1:1/x.jpg' }));
      await assertFaceError(response, 400, 'InvalidURL', MESSAGES.download);
    });

    it('does not fetch non-loopback URLs: answered as a failed download', async () => {
      for (const url of ['https://microsoft.com/example.jpg', 'http://10.0.0.1/x.jpg', 'http://127.0.0.1.example.com/x.jpg']) {
        await assertFaceError(await callDetect(emulator(), jsonBody({ url })), 400, 'InvalidURL', MESSAGES.download);
      }
    });

    it('counts only 127.0.0.0/8, localhost and [::1] as loopback', () => {
      for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', '[::1]']) assert.equal(isLoopbackHost(host), true, host);
      for (const host of ['microsoft.com', '10.0.0.1', '128.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', '[::2]', '0.0.0.0']) {
        assert.equal(isLoopbackHost(host), false, host);
      }
    });

    it('answers a URL that is not absolute http(s) with "Invalid image URL."', async () => {
      for (const url of ['not a url', 'file:///etc/passwd', 'ftp://127.0.0.1/x.jpg']) {
        await assertFaceError(await callDetect(emulator(), jsonBody({ url })), 400, 'InvalidURL', 'Invalid image URL.');
      }
    });

    it('answers malformed JSON with "JSON parsing error."', async () => {
      const response = await callDetect(emulator(), { contentType: 'application/json', body: '{"url": ' });
      await assertFaceError(response, 400, 'BadArgument', 'JSON parsing error.');
    });

    it('answers JSON without a url with "Request body is invalid."', async () => {
      for (const value of [{}, { uri: 'http://127.0.0.1/x' }, { url: 42 }, ['http://127.0.0.1/x'], 'http://127.0.0.1/x', null]) {
        await assertFaceError(await callDetect(emulator(), jsonBody(value)), 400, 'BadArgument', 'Request body is invalid.');
      }
    });

    for (const version of ['v1.2-preview.1', 'v1.2']) {
      it(`answers sessionImageId (${version}) with a clear "not supported by this emulator"`, async () => {
        const response = await callDetect(emulator(), { version, ...jsonBody({ sessionImageId: 'aa93ce80-9a9b-48bd-ae1a-1c7543841e92' }) });
        await assertFaceError(response, 400, 'BadArgument', /sessionImageId is not supported by this emulator/);
      });
    }

    for (const version of ['v1.0', 'v1.1-preview.1']) {
      it(`answers sessionImageId before v1.2-preview.1 (${version}) as an invalid body`, async () => {
        const response = await callDetect(emulator(), { version, ...jsonBody({ sessionImageId: 'aa93ce80' }) });
        await assertFaceError(response, 400, 'BadArgument', 'Request body is invalid.');
      });
    }
  });

  describe('image rules', () => {
    /** The start of a real JPEG, zero-padded (or cut) to `size` bytes. */
    const jpegOfSize = (size: number): Uint8Array<ArrayBuffer> => {
      const bytes = new Uint8Array(size);
      bytes.set(image('single_detection1.jpg').subarray(0, size));
      return bytes;
    };

    it('answers fewer than 1024 bytes with "Image size is too small."', async () => {
      await assertFaceError(await callDetect(emulator(), { body: jpegOfSize(1023) }), 400, 'InvalidImageSize', 'Image size is too small.');
      await assertFaceError(await callDetect(emulator(), { body: new Uint8Array(0) }), 400, 'InvalidImageSize', 'Image size is too small.');
    });

    it('answers more than 6 MB with "Image size is too big."', async () => {
      await assertFaceError(await callDetect(emulator(), { body: jpegOfSize(6 * 1024 * 1024 + 1) }), 400, 'InvalidImageSize', 'Image size is too big.');
    });

    it('accepts exactly 6 MB (a JPEG padded after its end)', async () => {
      await okFaces(await callDetect(emulator(), { body: jpegOfSize(6 * 1024 * 1024) }));
    });

    it('accepts JPEG, PNG, GIF and BMP', async () => {
      for (const name of ['group6_faces.jpg', 'fmt_group6_faces.png', 'fmt_detection1.gif', 'fmt_detection1.bmp']) {
        await okFaces(await callDetect(emulator(), { body: image(name) }));
      }
    });

    it('answers other formats and garbage with "Decoding error, image format unsupported."', async () => {
      const webp = Buffer.concat([Buffer.from('RIFF\x00\x10\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(2000)]);
      const garbage = Buffer.alloc(4096, 7);
      const truncatedPng = Buffer.from(image('fmt_group6_faces.png').subarray(0, 1024)).fill(0, 16); // a copy: signature kept, header zeroed
      for (const body of [webp, garbage, truncatedPng]) {
        await assertFaceError(await callDetect(emulator(), { body }), 400, 'InvalidImage', 'Decoding error, image format unsupported.');
      }
    });
  });
});
