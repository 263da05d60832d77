import assert from 'node:assert/strict';
import { FaceApiError } from '../../../src/emulator/errors';
import { SlidingWindowLimiter } from '../../../src/emulator/rateLimit';
import { assertFaceError, callDetect, MESSAGES, okFaces, useEmulator } from './helpers';

const tinyBody = { body: Buffer.alloc(10) }; // cheap: throttling happens before the image is looked at

/** Sends n requests and returns their statuses. */
async function statuses(send: () => Promise<Response>, n: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < n; i++) {
    const response = await send();
    await response.arrayBuffer();
    result.push(response.status);
  }
  return result;
}

function rejection(limiter: SlidingWindowLimiter): FaceApiError {
  try {
    limiter.admit();
  } catch (error) {
    assert.ok(error instanceof FaceApiError);
    return error;
  }
  assert.fail('expected a 429');
}

describe('emulator: rate limit windows (fake clock)', () => {
  it('F0: 20 per minute, then the real wait until the oldest leaves the window', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter('F0', false, () => now);
    for (let i = 0; i < 20; i++, now += 500) limiter.admit();
    now = 15_000;
    const error = rejection(limiter);
    assert.equal(error.status, 429);
    assert.equal(error.code, '429');
    assert.equal(error.message, 'Rate limit is exceeded. Try again in 45 seconds.');
    assert.deepEqual(error.headers, {});
    now = 60_000; // the first request (t=0) has left the window
    limiter.admit();
    assert.equal(rejection(limiter).message, 'Rate limit is exceeded. Try again in 1 seconds.');
  });

  it('S0: 10 per second; Retry-After only when asked for', () => {
    let now = 1_000;
    const limiter = new SlidingWindowLimiter('S0', true, () => now);
    for (let i = 0; i < 10; i++) limiter.admit();
    now = 1_100;
    const error = rejection(limiter);
    assert.equal(error.message, 'Rate limit is exceeded. Try again in 1 seconds.');
    assert.deepEqual(error.headers, { 'retry-after': '1' });
    now = 2_000;
    limiter.admit();
  });

  it('does not count refused requests', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 5_000 }, false, () => now);
    limiter.admit();
    now = 1_000;
    rejection(limiter);
    now = 5_000;
    limiter.admit(); // the refused one at t=1000 would otherwise still block
  });
});

describe('emulator: F0 over HTTP', () => {
  const emulator = useEmulator({ rateLimit: 'F0' });

  it('lets 20 requests through and answers the 21st with the documented 429 (message only)', async () => {
    const first20 = await statuses(() => callDetect(emulator(), tinyBody), 20);
    assert.ok(first20.every((status) => status === 400), String(first20));
    const response = await callDetect(emulator(), tinyBody);
    assert.equal(response.headers.get('retry-after'), null);
    await assertFaceError(response, 429, '429', /^Rate limit is exceeded\. Try again in (59|60) seconds\.$/);
  });

  it('does not count requests refused with 401', async () => {
    await statuses(() => callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': 'wrong' } }), 25);
    assert.deepEqual(await statuses(() => callDetect(emulator(), tinyBody), 20), Array(20).fill(400));
  });
});

describe('emulator: S0 over HTTP', () => {
  const emulator = useEmulator({ rateLimit: 'S0' });

  it('of 11 simultaneous requests lets 10 through and refuses one with "Try again in 1 seconds."', async () => {
    const responses = await Promise.all(Array.from({ length: 11 }, () => callDetect(emulator(), tinyBody)));
    const refused = responses.filter((response) => response.status === 429);
    assert.deepEqual(responses.map((response) => response.status).sort(), [...Array(10).fill(400), 429]);
    await assertFaceError(refused[0]!, 429, '429', 'Rate limit is exceeded. Try again in 1 seconds.');
  });
});

describe('emulator: custom window with Retry-After', () => {
  const emulator = useEmulator({ rateLimit: { limit: 2, windowMs: 400 }, retryAfterHeader: true });

  it('refuses the third request with Retry-After equal to the message, and admits again after the window', async () => {
    await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
    await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
    const refused = await callDetect(emulator(), { query: 'returnFaceId=false' });
    assert.equal(refused.headers.get('retry-after'), '1');
    await assertFaceError(refused, 429, '429', 'Rate limit is exceeded. Try again in 1 seconds.');
    await new Promise((resolve) => setTimeout(resolve, 450));
    await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
  });

  it('still checks auth first', async () => {
    const response = await callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': 'wrong' } });
    await assertFaceError(response, 401, '401', MESSAGES.unauthorized);
  });
});
