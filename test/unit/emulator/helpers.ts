// Shared by the emulator tests: start an emulator, call detect with plain fetch, check error bodies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FaceDetectionResult } from '../../../src/core/contract';
import { fixtureFaceSource, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/server';

export const SHARED_DIR = path.resolve(__dirname, '../../../../shared');
export const KEY = 'emulator-key';

// Cached and shared between tests: copy before changing bytes.
const imageCache = new Map<string, Uint8Array<ArrayBuffer>>();
export function image(name: string): Uint8Array<ArrayBuffer> {
  let bytes = imageCache.get(name);
  if (!bytes) imageCache.set(name, (bytes = new Uint8Array(readFileSync(path.join(SHARED_DIR, 'testdata/images', name)))));
  return bytes;
}

/** Starts an emulator per test (fixtures, approved for faceId unless said otherwise) and closes it after. */
export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeEach(async () => {
    emulator = await startEmulator({ faceSource: fixtureFaceSource, approvedForFaceId: true, ...options });
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return () => {
    assert.ok(emulator, 'emulator not started');
    return emulator;
  };
}

export interface DetectCall {
  version?: string;
  query?: string;
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string | null;
  headers?: Record<string, string>;
  path?: string;
  method?: string;
}

/** POST {url}/face/{version}/detect?{query}: key auth and an octet-stream single-face photo unless told otherwise. */
export function callDetect(emulator: RunningEmulator, call: DetectCall = {}): Promise<Response> {
  const pathname = call.path ?? `/face/${call.version ?? 'v1.2'}/detect`;
  const headers: Record<string, string> = { 'Ocp-Apim-Subscription-Key': KEY, ...call.headers };
  const contentType = call.contentType === undefined ? 'application/octet-stream' : call.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  const method = call.method ?? 'POST';
  return fetch(`${emulator.url}${pathname}${call.query ? `?${call.query}` : ''}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : (call.body ?? image('single_detection1.jpg')),
  });
}

/** A JSON 200 body (asserting the status first, with the body in the message when it is not 200). */
export async function okFaces(response: Response): Promise<FaceDetectionResult[]> {
  const text = await response.text();
  assert.equal(response.status, 200, text);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  return JSON.parse(text);
}

/** The documented error shape: status, {"error":{code,message}}, and the x-ms-error-code header. */
export async function assertFaceError(response: Response, status: number, code: string, message: string | RegExp): Promise<void> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(response.headers.get('x-ms-error-code'), code);
  assert.equal(response.headers.get('x-face-emulator'), '1');
  const body = JSON.parse(text);
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code);
  if (typeof message === 'string') assert.equal(body.error.message, message);
  else assert.match(body.error.message, message);
}

/** A tiny loopback HTTP server for URL bodies: serves `files` by path, 404 otherwise. */
export async function serveFiles(files: Record<string, Uint8Array>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export const MESSAGES = {
  unauthorized:
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  deprecated: 'Return Attributes (emotion, gender, age, smile, facial hair, hair and makeup) have been deprecated and are no longer supported.',
  faceIdNotApproved: 'Feature is not supported, missing approval for one or more of the following features: Identification, Verification.',
  download: 'Invalid image URL or error downloading from target server. Remote server error returned: "An error occurred while sending the request."',
};
