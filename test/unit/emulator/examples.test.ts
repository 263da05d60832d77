// Replays the official example requests (../shared/face-api/examples) against the emulator: each is
// accepted with a body shaped like the example's 200, or refused with the documented error.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FaceDetectionResult } from '../../../src/core/contract';
import { EXAMPLE_FACE } from '../../../src/emulator/exampleFace';
import { assertFaceError, callDetect, image, MESSAGES, okFaces, serveFiles, SHARED_DIR, useEmulator } from './helpers';

const EXAMPLES_DIR = path.join(SHARED_DIR, 'face-api/examples');

interface ExampleParameters {
  apiVersion?: string;
  body?: { url?: string; sessionImageId?: string };
  ImageUrl?: string;
  sessionImageId?: string;
  [queryParameter: string]: unknown;
}

interface ExampleFile {
  parameters: ExampleParameters;
  responses: Record<string, { body?: unknown }>;
}

type ErrorBody = { error: { code: string; message: string } };

const readExample = (relativePath: string): ExampleFile => JSON.parse(readFileSync(path.join(EXAMPLES_DIR, relativePath), 'utf8'));

function listExamples(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listExamples(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

const QUERY_PARAMETERS = ['detectionModel', 'recognitionModel', 'returnFaceId', 'returnFaceLandmarks', 'returnFaceAttributes', 'returnRecognitionModel', 'faceIdTimeToLive'];

/** The query string an SDK would send for an example's parameters (arrays csv-joined, like the JS client). */
function queryOf(parameters: ExampleParameters): string {
  return QUERY_PARAMETERS.filter((name) => parameters[name] !== undefined)
    .map((name) => `${name}=${[parameters[name]].flat().join(',')}`)
    .join('&');
}

type Expectation = { status: 200 } | { status: number; code: string; message: string | RegExp };

/** What the contract says about an example's request (FACTS §4.2, §3.4, §6). */
function expectationFor(relativePath: string, version: string): Expectation {
  if (version === 'v1.3-preview.1') return { status: 404, code: 'NotFound', message: 'Resource not found.' }; // stray, unconfirmed version
  if (relativePath.startsWith('legacy-v1.0')) return { status: 403, code: 'UnsupportedFeature', message: MESSAGES.deprecated }; // age, gender, emotion...
  // The synthetic v1.1-preview.1 examples ask for mask with detection_01 and qualityForRecognition with recognition_01.
  if (path.basename(relativePath).startsWith('FaceDetectionOperations_')) {
    return { status: 400, code: 'BadArgument', message: 'Invalid argument returnFaceAttributes.' };
  }
  if (relativePath.includes('SessionImageId')) return { status: 400, code: 'BadArgument', message: /sessionImageId is not supported by this emulator/ };
  return { status: 200 };
}

describe('emulator: official examples replayed', () => {
  const emulator = useEmulator();
  let imageServer: Awaited<ReturnType<typeof serveFiles>>;
  before(async () => {
    imageServer = await serveFiles({ '/example.jpg': image('single_detection1.jpg') });
  });
  after(() => imageServer.close());

  const files = listExamples(EXAMPLES_DIR);
  it('finds the 16 example files', () => assert.equal(files.length, 16));

  for (const file of files) {
    const relativePath = path.relative(EXAMPLES_DIR, file);
    const example = readExample(relativePath);
    const { parameters } = example;
    const version: string = parameters.apiVersion ?? 'v1.0';
    const expected = expectationFor(relativePath, version);

    it(`${relativePath}: ${expected.status}`, async () => {
      const urlInExample: string | undefined = parameters.body?.url ?? parameters.ImageUrl;
      const sessionImageId: string | undefined = parameters.body?.sessionImageId ?? parameters.sessionImageId;
      // URL examples point at microsoft.com; the emulator only fetches loopback, so the photo is served locally.
      const body =
        urlInExample !== undefined
          ? { contentType: 'application/json', body: JSON.stringify({ url: `${imageServer.url}/example.jpg` }) }
          : sessionImageId !== undefined
            ? { contentType: 'application/json', body: JSON.stringify({ sessionImageId }) }
            : { contentType: 'application/octet-stream', body: image('single_detection1.jpg') };
      const response = await callDetect(emulator(), { version, query: queryOf(parameters), ...body });

      if (!('code' in expected)) {
        const actual = await okFaces(response);
        const documented = example.responses['200']!.body as FaceDetectionResult[];
        assert.equal(actual.length, documented.length);
        const [face] = actual;
        const { faceId, ...rest } = face!;
        const { faceId: _documentedId, ...documentedRest } = documented[0]!;
        assert.match(faceId ?? '', /^[0-9a-f-]{36}$/);
        assert.deepEqual(rest, documentedRest); // the fixture is that face: same fields, same values
      } else {
        await assertFaceError(response, expected.status, expected.code, expected.message);
      }
    });
  }

  it('an example URL off this machine is answered as a failed download (the real service would fetch it)', async () => {
    const response = await callDetect(emulator(), { contentType: 'application/json', body: JSON.stringify({ url: 'https://microsoft.com/example.jpg' }) });
    await assertFaceError(response, 400, 'InvalidURL', MESSAGES.download);
  });

  it('gives the example error responses it can reproduce the same status and code (400, 415)', async () => {
    const example = readExample('tsp/v1.1-preview.1/Detect.json');
    const tooSmall = await callDetect(emulator(), { version: 'v1.1-preview.1', body: Buffer.alloc(100) });
    await assertFaceError(tooSmall, 400, (example.responses['400']!.body as ErrorBody).error.code, /^Image size is too small\./);
    const wrongType = await callDetect(emulator(), { version: 'v1.1-preview.1', contentType: 'image/jpeg' });
    const documented415 = (example.responses['415']!.body as ErrorBody).error;
    await assertFaceError(wrongType, 415, documented415.code, documented415.message);
  });

  it('the fixture face is the v1.2 example face, verbatim', () => {
    const [face] = readExample('tsp/v1.2/Detect.json').responses['200']!.body as FaceDetectionResult[];
    const { faceRectangle, faceLandmarks, faceAttributes } = face!;
    assert.deepEqual(EXAMPLE_FACE, { faceRectangle, faceLandmarks, faceAttributes });
  });
});
