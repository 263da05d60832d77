// The Azure provider end to end against the Face contract emulator (src/emulator, another team's code).
import assert from 'node:assert/strict';
import { startEmulator, fixtureFaceSource, type RunningEmulator } from '../../../src/emulator/server';
import {
  COGNITIVE_SERVICES_SCOPE, DEFAULT_DETECT_OPTIONS, FaceApiError, buildDetectOptions, createAzureProvider, describeRequest,
  buildDetectRequest, type AzureProviderOptions, type DetectOptions, type ImageSource,
} from '../../../src/core/index';
import { TEST_KEY, photo, recordingLogger, recordingSleep } from './helpers';

const image = (name?: string): ImageSource => ({ kind: 'bytes', bytes: photo(name), name: name ?? 'single_detection1.jpg' });

describe('Azure provider against the emulator', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => { await emulator?.close(); emulator = undefined; });

  async function start(opts: Parameters<typeof startEmulator>[0] = {}) {
    emulator = await startEmulator({ keys: [TEST_KEY], faceSource: fixtureFaceSource, ...opts });
    return emulator;
  }
  const provider = (over: Partial<AzureProviderOptions> = {}) =>
    createAzureProvider({ endpoint: emulator!.url, auth: { kind: 'key', key: TEST_KEY }, timeoutMs: 5000, maxRetries: 2, sleep: recordingSleep(), ...over });
  async function detectError(options: DetectOptions = DEFAULT_DETECT_OPTIONS, over: Partial<AzureProviderOptions> = {}, img = image()): Promise<FaceApiError> {
    const p = provider(over);
    try { await p.detect(img, options); } catch (e) { assert.ok(e instanceof FaceApiError, String(e)); return e; } finally { await p.close(); }
    throw new Error('expected an error');
  }

  it('detects with the defaults and fills the outcome', async () => {
    await start();
    const p = provider();
    const outcome = await p.detect(image(), DEFAULT_DETECT_OPTIONS);
    await p.close();
    assert.equal(outcome.provider, 'azure');
    assert.ok(outcome.faces.length >= 1);
    assert.match(outcome.providerLabel, /127\.0\.0\.1:\d+/);
    // The emulator marks its answers; the label must never present it as Azure.
    assert.match(outcome.providerLabel, /^Face API contract emulator, a local test server, not Azure/);
    assert.deepEqual(outcome.imageSize, { width: 1000, height: 664 });
    assert.deepEqual(outcome.unsupportedAttributes, []);
    assert.match(outcome.requestId ?? '', /^[0-9a-f-]{36}$/);
    const sent = emulator!.requests[0];
    assert.equal(sent.headers['client-request-id'], outcome.requestId);
    assert.match(sent.url, /returnFaceId=false/);
  });

  it('sends a URL image as JSON', async () => {
    await start();
    const p = provider();
    await p.detect({ kind: 'url', url: 'https://example.com/face.jpg' }, DEFAULT_DETECT_OPTIONS).catch(() => undefined);
    await p.close();
    assert.equal(emulator!.requests[0].headers['content-type'], 'application/json');
  });

  it('uploads nothing when validation fails (options, endpoint, image)', async () => {
    await start();
    const bad = await detectError(buildDetectOptions({ detectionModel: 'detection_02', returnFaceAttributes: 'headPose' }));
    assert.equal(bad.kind, 'validation');
    assert.match(bad.message, /detection_02 returns no attributes/);
    const webp = new Uint8Array(4096); webp.set(new TextEncoder().encode('RIFF\0\0\0\0WEBP'));
    assert.match((await detectError(DEFAULT_DETECT_OPTIONS, {}, { kind: 'bytes', bytes: webp, name: 'a.webp' })).message, /a\.webp is a WebP image/);
    assert.match((await detectError(DEFAULT_DETECT_OPTIONS, { endpoint: 'http://example.com' })).message, /use https:\/\/example\.com/);
    assert.equal(emulator!.requests.length, 0);
  });

  it('403 for faceId without approval: one message with the fix, never the key', async () => {
    await start();
    const logger = recordingLogger();
    const e = await detectError({ ...DEFAULT_DETECT_OPTIONS, returnFaceId: true }, { logger });
    assert.equal(e.kind, 'service');
    assert.equal(e.status, 403);
    assert.match(e.message, /UnsupportedFeature.*turn off faceInspector\.returnFaceId.*aka\.ms\/facerecognition/);
    for (const line of [e.message, ...logger.lines]) assert.ok(!line.includes(TEST_KEY), line);
  });

  it('401 for a wrong key: names status and fix, never the wrong key', async () => {
    await start();
    const wrong = 'wrong-key-abcdef123456';
    const e = await detectError(DEFAULT_DETECT_OPTIONS, { auth: { kind: 'key', key: wrong } });
    assert.equal(e.status, 401);
    assert.match(e.message, /HTTP 401.*Check the Face API key/);
    assert.ok(!e.message.includes(wrong));
  });

  it('bearer token: asks for the Cognitive Services scope and sends Authorization', async () => {
    await start();
    const scopes: string[] = [];
    const p = provider({ auth: { kind: 'token', getToken: async (scope) => { scopes.push(scope); return 'tok-xyz-123'; } } });
    await p.detect(image(), DEFAULT_DETECT_OPTIONS);
    await p.close();
    assert.deepEqual(scopes, [COGNITIVE_SERVICES_SCOPE]);
    assert.equal(emulator!.requests[0].headers.authorization, 'Bearer tok-xyz-123');
  });

  it('retries the rate limit (429) and then succeeds', async () => {
    await start({ rateLimit: { limit: 1, windowMs: 300 }, retryAfterHeader: true });
    const sleep = async (ms: number) => { await new Promise((r) => setTimeout(r, Math.min(ms, 400))); };
    const p = provider({ sleep, maxRetries: 3 });
    await p.detect(image(), DEFAULT_DETECT_OPTIONS);
    const outcome = await p.detect(image(), DEFAULT_DETECT_OPTIONS);
    await p.close();
    assert.ok(outcome.faces.length >= 1);
    assert.ok(emulator!.requests.length >= 3, `expected a retried 429, saw ${emulator!.requests.length} requests`);
  });

  it('503 fault is retried; reset fault is retried', async () => {
    await start({ faults: [{ kind: '5xx', times: 1 }, { kind: 'reset', times: 1 }] });
    const p = provider();
    const outcome = await p.detect(image(), DEFAULT_DETECT_OPTIONS);
    await p.close();
    assert.ok(outcome.faces.length >= 1);
    assert.equal(emulator!.requests.length, 3);
  });

  it('HTML 502 page after all retries: says non-JSON, short, attempts counted', async () => {
    await start({ faults: [{ kind: 'html-502', times: 5 }] });
    const e = await detectError(DEFAULT_DETECT_OPTIONS, { maxRetries: 1 });
    assert.equal(e.status, 502);
    assert.match(e.message, /HTTP 502 and a non-JSON body/);
    assert.match(e.message, /Gave up after 2 attempts/);
    assert.doesNotMatch(e.message, /<\w+/);
  });

  it('malformed JSON in a 200 becomes a response error', async () => {
    await start({ faults: [{ kind: 'malformed-json', times: 1 }] });
    const e = await detectError();
    assert.equal(e.kind, 'response');
    assert.match(e.message, /not valid JSON/);
  });

  it('slow body hits the timeout', async () => {
    await start({ faults: [{ kind: 'slow-body', times: 1 }] });
    const e = await detectError(DEFAULT_DETECT_OPTIONS, { timeoutMs: 300 });
    assert.equal(e.kind, 'timeout');
  });

  it('describeRequest redacts the key and the token', () => {
    const opts = { endpoint: 'https://x.cognitiveservices.azure.com', options: DEFAULT_DETECT_OPTIONS, body: { kind: 'url', url: 'https://e.com/a.jpg' } as const };
    const withKey = describeRequest(buildDetectRequest({ ...opts, credential: { kind: 'key', key: TEST_KEY } }));
    assert.ok(!withKey.includes(TEST_KEY));
    assert.match(withKey, /ocp-apim-subscription-key: \*\*\*/);
    assert.match(withKey, /POST https:\/\/x\.cognitiveservices\.azure\.com\/face\/v1\.2\/detect\?detectionModel=detection_03&recognitionModel=recognition_04&returnFaceId=false&returnFaceAttributes=headPose,blur,mask,qualityForRecognition&returnFaceLandmarks=true/);
    const withToken = describeRequest(buildDetectRequest({ ...opts, credential: { kind: 'bearer', token: 'eyJ-secret-token' } }));
    assert.ok(!withToken.includes('eyJ-secret-token'));
  });

  it('faceIdTimeToLive and returnRecognitionModel only when they apply', () => {
    const url = (o: Partial<DetectOptions>) => buildDetectRequest({ endpoint: 'https://x', options: { ...DEFAULT_DETECT_OPTIONS, ...o }, body: { kind: 'url', url: 'https://e/a.jpg' }, credential: { kind: 'key', key: 'k' } }).url;
    assert.doesNotMatch(url({ faceIdTimeToLive: 120 }), /faceIdTimeToLive/);
    assert.match(url({ returnFaceId: true, faceIdTimeToLive: 120 }), /returnFaceId=true.*faceIdTimeToLive=120/);
    assert.doesNotMatch(url({}), /returnRecognitionModel/);
    assert.match(url({ returnRecognitionModel: true }), /returnRecognitionModel=true/);
    assert.doesNotMatch(url({ returnFaceAttributes: [] }), /returnFaceAttributes/);
  });
});
