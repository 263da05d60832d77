import assert from 'node:assert/strict';
import {
  DEFAULT_DETECT_OPTIONS, FaceApiError, backoffMs, buildDetectRequest, createTransport, serviceRetryHintMs,
  type TransportOptions,
} from '../../../src/core/index';
import { EXAMPLE_FACES, TEST_KEY, json, photo, recordingLogger, recordingSleep, serve, type TestServer } from './helpers';

const rateLimited = (message = 'Rate limit is exceeded.') => ({ error: { code: '429', message } });

describe('transport', () => {
  let server: TestServer | undefined;
  afterEach(async () => { await server?.close(); server = undefined; });

  const request = (url: string) => buildDetectRequest({
    endpoint: url, options: DEFAULT_DETECT_OPTIONS, body: { kind: 'bytes', bytes: photo() }, credential: { kind: 'key', key: TEST_KEY },
  });
  async function send(url: string, opts: Partial<TransportOptions> = {}, signal?: AbortSignal) {
    const transport = createTransport({ timeoutMs: 5000, maxRetries: 3, ...opts });
    try { return await transport.send(request(url), signal); } finally { await transport.close(); }
  }
  async function sendError(url: string, opts: Partial<TransportOptions> = {}, signal?: AbortSignal): Promise<FaceApiError> {
    try { await send(url, opts, signal); } catch (e) { assert.ok(e instanceof FaceApiError, String(e)); return e; }
    throw new Error('expected a FaceApiError');
  }

  const retryCases: Array<[string, Record<string, string>, unknown, number]> = [
    ['Retry-After seconds', { 'retry-after': '2' }, rateLimited(), 2000],
    ['retry-after-ms', { 'retry-after-ms': '150' }, rateLimited(), 150],
    ['x-ms-retry-after-ms', { 'x-ms-retry-after-ms': '75' }, rateLimited(), 75],
    ['"Try again in N seconds" in the body', {}, { error: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 3 seconds.' } }, 3000],
  ];
  for (const [name, headers, body, expectedWait] of retryCases) {
    it(`retries 429 honouring ${name}`, async () => {
      server = await serve((hit, _req, res) => (hit === 0 ? json(res, 429, body, headers) : json(res, 200, EXAMPLE_FACES)));
      const sleep = recordingSleep();
      const result = await send(server.url, { sleep });
      assert.equal(result.status, 200);
      assert.equal(result.attempts, 2);
      assert.deepEqual(sleep.waits, [expectedWait]);
      assert.equal(server.hits.length, 2);
    });
  }

  it('honours Retry-After as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(serviceRetryHintMs({ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }, '', now), 7000);
    assert.equal(serviceRetryHintMs({}, 'no hint here'), undefined);
  });

  it('backs off exponentially with jitter when there is no hint, capped', () => {
    assert.equal(backoffMs(1, 1000, 60000, () => 0), 500);
    assert.equal(backoffMs(1, 1000, 60000, () => 1), 1000);
    assert.equal(backoffMs(3, 1000, 60000, () => 1), 4000);
    assert.equal(backoffMs(20, 1000, 60000, () => 1), 60000);
  });

  it('gives up after maxRetries and returns the last response with the attempt count', async () => {
    server = await serve((_hit, _req, res) => json(res, 429, rateLimited()));
    const sleep = recordingSleep();
    const result = await send(server.url, { sleep, maxRetries: 2, baseDelayMs: 10, random: () => 1 });
    assert.equal(result.status, 429);
    assert.equal(result.attempts, 3);
    assert.equal(server.hits.length, 3);
    assert.deepEqual(sleep.waits, [10, 20]);
  });

  it('does not wait when the service asks for longer than the cap', async () => {
    server = await serve((_hit, _req, res) => json(res, 429, rateLimited('Rate limit is exceeded. Try again in 86400 seconds.')));
    const sleep = recordingSleep();
    const result = await send(server.url, { sleep, maxWaitMs: 60_000 });
    assert.equal(result.status, 429);
    assert.equal(server.hits.length, 1);
    assert.deepEqual(sleep.waits, []);
  });

  it('retries 503 but not 500', async () => {
    server = await serve((hit, _req, res) => (hit === 0 ? json(res, 503, { error: { code: 'ServiceUnavailable', message: 'busy' } }) : json(res, 200, [])));
    const ok = await send(server.url, { sleep: recordingSleep() });
    assert.equal(ok.status, 200);
    assert.equal(ok.attempts, 2);
    await server.close();
    server = await serve((_hit, _req, res) => json(res, 500, { error: { code: 'InternalServerError', message: 'boom' } }));
    const failed = await send(server.url, { sleep: recordingSleep() });
    assert.equal(failed.status, 500);
    assert.equal(server.hits.length, 1);
  });

  it('retries a connection reset', async () => {
    server = await serve((hit, req, res) => (hit === 0 ? req.socket.destroy() : json(res, 200, EXAMPLE_FACES)));
    const sleep = recordingSleep();
    const result = await send(server.url, { sleep });
    assert.equal(result.status, 200);
    assert.equal(result.attempts, 2);
    assert.equal(sleep.waits.length, 1);
  });

  it('gives up on repeated resets with a network error counting the attempts', async () => {
    server = await serve((_hit, req) => req.socket.destroy());
    const e = await sendError(server.url, { sleep: recordingSleep(), maxRetries: 2 });
    assert.equal(e.kind, 'network');
    assert.equal(e.attempts, 3);
    assert.match(e.message, /Gave up after 3 attempts/);
  });

  it('does not retry a refused connection and says to check the endpoint', async () => {
    server = await serve(() => {});
    const url = server.url;
    await server.close();
    server = undefined;
    const sleep = recordingSleep();
    const e = await sendError(url, { sleep });
    assert.equal(e.kind, 'network');
    assert.match(e.message, /Nothing accepts connections at 127\.0\.0\.1:\d+: check faceInspector\.endpoint/);
    assert.deepEqual(sleep.waits, []);
  });

  it('times out a silent server (timeout kind, no retry)', async () => {
    server = await serve(() => { /* never answers */ });
    const started = Date.now();
    const e = await sendError(server.url, { timeoutMs: 200, sleep: recordingSleep() });
    assert.equal(e.kind, 'timeout');
    assert.match(e.message, /within 0\.2 s .*faceInspector\.timeoutSeconds/);
    assert.ok(Date.now() - started < 3000);
    assert.equal(server.hits.length, 1);
  });

  it('times out a body that trickles too slowly', async () => {
    server = await serve((_hit, _req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.write('['); });
    const e = await sendError(server.url, { timeoutMs: 200 });
    assert.equal(e.kind, 'timeout');
  });

  it('cancels through AbortSignal without retrying', async () => {
    server = await serve(() => { /* never answers */ });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await sendError(server.url, { timeoutMs: 5000, sleep: recordingSleep() }, controller.signal);
    assert.equal(e.kind, 'cancelled');
    assert.equal(server.hits.length, 1);
  });

  it('cancels during a retry wait', async () => {
    server = await serve((_hit, _req, res) => json(res, 429, rateLimited(), { 'retry-after': '30' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await sendError(server.url, {}, controller.signal);
    assert.equal(e.kind, 'cancelled');
    assert.equal(server.hits.length, 1);
  });

  it('does not start when already cancelled', async () => {
    server = await serve((_hit, _req, res) => json(res, 200, []));
    const e = await sendError(server.url, {}, AbortSignal.abort());
    assert.equal(e.kind, 'cancelled');
    assert.equal(server.hits.length, 0);
  });

  it('logs method, URL, status, duration, attempt and client-request-id — never the key', async () => {
    server = await serve((hit, _req, res) => (hit === 0 ? json(res, 429, rateLimited(), { 'retry-after-ms': '1' }) : json(res, 200, [])));
    const logger = recordingLogger();
    await send(server.url, { logger, sleep: recordingSleep() });
    const all = logger.lines.join('\n');
    assert.match(all, /<- 429 in \d+ ms: POST http:\/\/127\.0\.0\.1:\d+\/face\/v1\.2\/detect\?detectionModel=detection_03.* \(attempt 1\/4, client-request-id [0-9a-f-]{36}\)/);
    assert.match(all, /<- 200 in \d+ ms: .*attempt 2\/4/);
    assert.ok(!all.includes(TEST_KEY));
  });

  it('sends the key header, accept, client-request-id and keeps connections alive', async () => {
    server = await serve((_hit, _req, res) => json(res, 200, []));
    const transport = createTransport({ timeoutMs: 5000, maxRetries: 0 });
    await transport.send(request(server.url));
    await transport.send(request(server.url));
    await transport.close();
    const [first, second] = server.hits;
    assert.equal(first.headers['ocp-apim-subscription-key'], TEST_KEY);
    assert.equal(first.headers.accept, 'application/json');
    assert.equal(first.headers['content-type'], 'application/octet-stream');
    assert.match(String(first.headers['client-request-id']), /^[0-9a-f-]{36}$/);
    assert.notEqual(first.headers['client-request-id'], second.headers['client-request-id']);
    assert.notEqual(String(first.headers.connection).toLowerCase(), 'close');
  });
});
