import assert from 'node:assert/strict';
import { FaultQueue } from '../../../src/emulator/faults';
import { callDetect, okFaces, useEmulator } from './helpers';

const ok = { query: 'returnFaceId=false' };

describe('emulator: fault queue', () => {
  it('hands out faults in order, each as many times as asked, then none', () => {
    const queue = new FaultQueue([{ kind: 'reset', times: 2 }, { kind: '5xx' }, { kind: 'html-502', times: 0 }]);
    assert.deepEqual([queue.next()?.kind, queue.next()?.kind, queue.next()?.kind, queue.next()], ['reset', 'reset', '5xx', undefined]);
  });
});

describe('emulator: 5xx fault', () => {
  const emulator = useEmulator({ faults: [{ kind: '5xx', times: 2 }, { kind: '5xx', status: 500 }] });

  it('answers 503 JSON twice, then the given status, then normally', async () => {
    for (const [status, code] of [[503, 'ServiceUnavailable'], [503, 'ServiceUnavailable'], [500, 'InternalServerError']] as const) {
      const response = await callDetect(emulator(), ok);
      assert.equal(response.status, status);
      assert.equal(response.headers.get('x-ms-error-code'), code);
      assert.equal(response.headers.get('x-face-emulator'), '1');
      assert.equal((await response.json()).error.code, code);
    }
    await okFaces(await callDetect(emulator(), ok));
  });
});

describe('emulator: faults come before normal handling', () => {
  const emulator = useEmulator({ faults: [{ kind: '5xx' }] });

  it('even a request with a bad key gets the fault', async () => {
    const response = await callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': 'wrong' } });
    assert.equal(response.status, 503);
    await response.arrayBuffer();
    assert.equal((await callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': 'wrong' } })).status, 401);
  });
});

describe('emulator: reset fault', () => {
  const emulator = useEmulator({ faults: [{ kind: 'reset' }] });

  it('closes the connection without a response', async () => {
    await assert.rejects(callDetect(emulator(), ok), TypeError); // fetch failed
    await okFaces(await callDetect(emulator(), ok));
  });
});

describe('emulator: malformed-json fault', () => {
  const emulator = useEmulator({ faults: [{ kind: 'malformed-json' }] });

  it('answers 200 application/json with a body that does not parse', async () => {
    const response = await callDetect(emulator(), ok);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    await assert.rejects(response.json(), SyntaxError);
  });
});

describe('emulator: slow-body fault', () => {
  const emulator = useEmulator({ faults: [{ kind: 'slow-body' }] });

  it('sends headers at once and trickles the body past a 1 s client timeout', async () => {
    const started = Date.now();
    const response = await fetch(`${emulator().url}/face/v1.2/detect?returnFaceId=false`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': 'emulator-key', 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(2000),
      signal: AbortSignal.timeout(1000),
    });
    assert.equal(response.status, 200);
    assert.ok(Date.now() - started < 800, 'headers should arrive quickly');
    await assert.rejects(response.text(), (error: Error) => error.name === 'TimeoutError' || error.name === 'AbortError');
    assert.ok(Date.now() - started >= 950);
  });

  it('eventually completes a valid empty array for a patient client', async function () {
    this.timeout(10_000);
    const response = await callDetect(emulator(), ok);
    const started = Date.now();
    assert.deepEqual(JSON.parse(await response.text()), []);
    assert.ok(Date.now() - started >= 2500);
  });
});

describe('emulator: html-502 fault', () => {
  const emulator = useEmulator({ faults: [{ kind: 'html-502' }] });

  it('answers 502 with a gateway HTML page', async () => {
    const response = await callDetect(emulator(), ok);
    assert.equal(response.status, 502);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(response.headers.get('x-ms-error-code'), null);
    assert.match(await response.text(), /<title>502 Bad Gateway<\/title>/);
  });
});

describe('emulator: faults in sequence', () => {
  const emulator = useEmulator({ faults: [{ kind: 'html-502' }, { kind: 'reset' }, { kind: '5xx', status: 504 }] });

  it('applies each to the next request in order', async () => {
    const first = await callDetect(emulator(), ok);
    assert.equal(first.status, 502);
    await first.arrayBuffer();
    await assert.rejects(callDetect(emulator(), ok));
    const third = await callDetect(emulator(), ok);
    assert.equal(third.status, 504);
    assert.equal(third.headers.get('x-ms-error-code'), 'GatewayTimeout');
    await third.arrayBuffer();
    await okFaces(await callDetect(emulator(), ok));
  });
});

describe('emulator: latency', () => {
  const emulator = useEmulator({ latencyMs: 300, faults: [{ kind: '5xx' }] });

  it('delays every response, faults and normal ones', async () => {
    for (const expected of [503, 200]) {
      const started = Date.now();
      const response = await callDetect(emulator(), ok);
      await response.arrayBuffer();
      assert.equal(response.status, expected);
      assert.ok(Date.now() - started >= 290, `${expected} took ${Date.now() - started} ms`);
    }
  });
});
