// Replays every official x-ms-examples file through the request builder and the response parser.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  buildDetectRequest, parseDetectBody, serviceError,
  type ApiVersion, type DetectBody, type DetectOptions, type FaceAttributeName,
} from '../../../src/core/index';

const EXAMPLES = path.resolve(__dirname, '../../../../shared/face-api/examples');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.json') ? [full] : [];
  });
}

/** The service's own defaults (FACTS §1.3): what an omitted parameter means. */
const SERVICE_DEFAULTS: Record<string, string> = {
  detectionModel: 'detection_01',
  recognitionModel: 'recognition_01',
  returnFaceId: 'true',
  returnFaceLandmarks: 'false',
  returnRecognitionModel: 'false',
  faceIdTimeToLive: '86400',
};
const QUERY_NAMES = ['detectionModel', 'recognitionModel', 'returnFaceId', 'returnFaceAttributes', 'returnFaceLandmarks', 'returnRecognitionModel', 'faceIdTimeToLive'];

type ExampleParams = Record<string, unknown> & { body?: { url?: string; sessionImageId?: string } };

/** The example's query parameters as wire strings (arrays csv-joined, booleans lower case). */
function exampleQuery(p: ExampleParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of QUERY_NAMES) {
    const v = p[name];
    if (v !== undefined) out[name] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}

function optionsFrom(p: ExampleParams): DetectOptions {
  const q = { ...SERVICE_DEFAULTS, ...exampleQuery(p) };
  return {
    apiVersion: (p.apiVersion ?? 'v1.0') as ApiVersion,
    detectionModel: q.detectionModel as DetectOptions['detectionModel'],
    recognitionModel: q.recognitionModel as DetectOptions['recognitionModel'],
    returnFaceId: q.returnFaceId === 'true',
    returnFaceLandmarks: q.returnFaceLandmarks === 'true',
    returnRecognitionModel: q.returnRecognitionModel === 'true',
    returnFaceAttributes: (q.returnFaceAttributes ? q.returnFaceAttributes.split(',') : []) as FaceAttributeName[],
    faceIdTimeToLive: p.faceIdTimeToLive === undefined ? undefined : Number(p.faceIdTimeToLive),
  };
}

function bodyFrom(p: ExampleParams): DetectBody {
  if (p.body?.url || p.ImageUrl) return { kind: 'url', url: p.body?.url ?? String(p.ImageUrl) };
  const session = p.sessionImageId ?? p.body?.sessionImageId;
  if (session) return { kind: 'sessionImageId', sessionImageId: String(session) };
  return { kind: 'bytes', bytes: new TextEncoder().encode(String(p.imageContent ?? p.Image)) };
}

function parseQuery(url: string): Record<string, string> {
  const query = new URL(url).search.slice(1);
  return Object.fromEntries(query.split('&').map((pair) => {
    const [k, v] = pair.split('=');
    return [decodeURIComponent(k), decodeURIComponent(v)];
  }));
}

const files = walk(EXAMPLES);

describe('official examples replay', () => {
  it('finds every example file', () => {
    assert.ok(files.length >= 16, `expected the 16 saved examples, found ${files.length}`);
  });

  for (const file of files) {
    const name = path.relative(EXAMPLES, file);
    const example = JSON.parse(readFileSync(file, 'utf8')) as { parameters: ExampleParams; responses: Record<string, { body: unknown }> };
    const params = example.parameters;

    describe(name, () => {
      it('request: path, query parameters, content type and body match the example', () => {
        const options = optionsFrom(params);
        const body = bodyFrom(params);
        const req = buildDetectRequest({ endpoint: 'https://res.cognitiveservices.azure.com/', options, body, credential: { kind: 'key', key: 'k-123456' } });
        assert.equal(new URL(req.url).pathname, `/face/${options.apiVersion}/detect`);

        const sent = parseQuery(req.url);
        const expected = exampleQuery(params);
        for (const [k, v] of Object.entries(expected)) assert.equal(sent[k], v, `query ${k}`);
        // Anything we add that the example omitted must mean the same as the service default.
        for (const [k, v] of Object.entries(sent)) {
          if (!(k in expected)) assert.equal(v, SERVICE_DEFAULTS[k], `extra query ${k}=${v} changes the meaning`);
        }
        assert.equal(req.headers['content-type'], body.kind === 'bytes' ? 'application/octet-stream' : 'application/json');
        if (body.kind === 'url') assert.deepEqual(JSON.parse(req.body as string), { url: body.url });
        if (body.kind === 'sessionImageId') assert.deepEqual(JSON.parse(req.body as string), { sessionImageId: body.sessionImageId });
        if (body.kind === 'bytes') assert.deepEqual(req.body, body.bytes);
      });

      for (const [status, response] of Object.entries(example.responses)) {
        if (status === '200') {
          it('200 body parses and is kept intact (unknown attributes and enum casing included)', () => {
            const faces = parseDetectBody(JSON.stringify(response.body));
            assert.deepEqual(faces, response.body);
            assert.ok(faces.length > 0);
          });
        } else {
          it(`${status} error body yields its code and message`, () => {
            const error = (response.body as { error: { code?: string; statusCode?: number; message: string } }).error;
            const err = serviceError({ status: Number(status), bodyText: JSON.stringify(response.body) });
            assert.equal(err.kind, 'service');
            assert.equal(err.status, Number(status));
            assert.equal(err.code, error.code ?? String(error.statusCode));
            assert.equal(err.serviceMessage, error.message);
            assert.ok(err.message.includes(`HTTP ${status}`), err.message);
            assert.ok(err.message.includes(error.message), err.message);
          });
        }
      }
    });
  }
});
