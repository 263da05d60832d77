import assert from 'node:assert/strict';
import { API_VERSIONS } from '../../../src/core/contract';
import { assertFaceError, callDetect, MESSAGES, okFaces, useEmulator } from './helpers';

describe('emulator: routes and auth', () => {
  const emulator = useEmulator();

  for (const version of API_VERSIONS) {
    it(`answers POST /face/${version}/detect`, async () => {
      const faces = await okFaces(await callDetect(emulator(), { version, query: 'returnFaceId=false' }));
      assert.equal(faces.length, 1);
    });
  }

  it('ignores the _overload query parameter of the OpenAPI files', async () => {
    await okFaces(await callDetect(emulator(), { query: '_overload=detect&returnFaceId=false' }));
  });

  for (const [what, path] of [
    ['an unknown version', '/face/v1.3-preview.1/detect'],
    ['another operation', '/face/v1.2/verify'],
    ['a doubled slash (endpoint with a trailing slash)', '//face/v1.2/detect'],
    ['a trailing slash', '/face/v1.2/detect/'],
    ['a wrong case', '/face/v1.2/Detect'],
    ['the root', '/'],
  ] as const) {
    it(`answers ${what} with 404 NotFound`, async () => {
      await assertFaceError(await callDetect(emulator(), { path }), 404, 'NotFound', 'Resource not found.');
    });
  }

  it('answers GET on the detect path with 404', async () => {
    await assertFaceError(await callDetect(emulator(), { method: 'GET' }), 404, 'NotFound', 'Resource not found.');
  });

  it('accepts a bearer token', async () => {
    const response = await callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': '', Authorization: 'Bearer some.jwt.token' } });
    await okFaces(response);
  });

  it('answers a missing key with the documented 401', async () => {
    await assertFaceError(await callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': '' } }), 401, '401', MESSAGES.unauthorized);
  });

  it('answers a wrong key with the documented 401', async () => {
    await assertFaceError(await callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': 'wrong' } }), 401, '401', MESSAGES.unauthorized);
  });

  it('answers an empty bearer token or another scheme with 401', async () => {
    for (const authorization of ['Bearer ', 'Basic abc', 'some.jwt.token']) {
      const response = await callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': '', Authorization: authorization } });
      await assertFaceError(response, 401, '401', MESSAGES.unauthorized);
    }
  });

  it('records every request it receives', async () => {
    await callDetect(emulator(), { query: 'returnFaceId=false' });
    await callDetect(emulator(), { path: '/nope' });
    const [first, second] = emulator().requests;
    assert.equal(emulator().requests.length, 2);
    assert.equal(first?.method, 'POST');
    assert.equal(first?.url, '/face/v1.2/detect?returnFaceId=false');
    assert.equal(first?.headers['ocp-apim-subscription-key'], 'emulator-key');
    assert.ok((first?.bodyLength ?? 0) > 400_000);
    assert.equal(second?.url, '/nope');
  });

  it('marks every response with x-face-emulator: 1', async () => {
    const response = await callDetect(emulator(), { query: 'returnFaceId=false' });
    assert.equal(response.headers.get('x-face-emulator'), '1');
  });
});

describe('emulator: custom keys and token check', () => {
  const emulator = useEmulator({ keys: ['k1', 'k2'], acceptToken: (token) => token === 'good-token' });

  it('accepts each configured key and no other', async () => {
    for (const key of ['k1', 'k2']) await okFaces(await callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': key } }));
    await assertFaceError(await callDetect(emulator()), 401, '401', MESSAGES.unauthorized); // the default key is not among them
  });

  it('asks acceptToken about bearer tokens', async () => {
    const withToken = (token: string) => callDetect(emulator(), { headers: { 'Ocp-Apim-Subscription-Key': '', Authorization: `Bearer ${token}` } });
    await okFaces(await withToken('good-token'));
    await assertFaceError(await withToken('bad-token'), 401, '401', MESSAGES.unauthorized);
  });
});
