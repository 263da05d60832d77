import assert from 'node:assert/strict';
import { parseServiceErrorBody, redactSecrets, serviceError, type FaceApiError, type NameOf } from '../../../src/core/index';

const KEY = 'k3y-SECRET-0123456789abcdef';
const err = (status: number, body: unknown, extra: { auth?: 'key' | 'token'; headers?: Record<string, string>; nameOf?: NameOf } = {}) =>
  serviceError({ status, bodyText: typeof body === 'string' ? body : JSON.stringify(body), secrets: [KEY], ...extra });

/** Asserts the one message names status, code, service message and contains the fix. */
function expectMessage(e: FaceApiError, parts: { status: number; code?: string; message?: string; fix: RegExp }) {
  assert.equal(e.kind, 'service');
  assert.equal(e.status, parts.status);
  assert.ok(e.message.includes(`HTTP ${parts.status}`), e.message);
  if (parts.code) { assert.equal(e.code, parts.code); assert.ok(e.message.includes(parts.code), e.message); }
  if (parts.message) { assert.equal(e.serviceMessage, parts.message); assert.ok(e.message.includes(parts.message), e.message); }
  assert.match(e.message, parts.fix);
  assert.ok(!e.message.includes(KEY));
  assert.ok(!e.message.includes('\n'), 'one line');
}

describe('service errors: one message with status, code, message and fix', () => {
  it('401 with key auth: check key and endpoint', () => {
    const message = 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';
    expectMessage(err(401, { error: { code: '401', message } }), { status: 401, code: '401', message, fix: /Check the Face API key .* faceInspector\.endpoint/ });
  });
  it('401 with Entra ID: role and custom subdomain', () => {
    expectMessage(err(401, { error: { code: 'PermissionDenied', message: 'Principal does not have access.' } }, { auth: 'token' }),
      { status: 401, code: 'PermissionDenied', fix: /Cognitive Services User.*custom-subdomain/ });
  });
  it('403 UnsupportedFeature (faceId without approval): turn off returnFaceId or apply', () => {
    const message = 'Feature is not supported, missing approval for one or more of the following features: Identification, Verification.';
    expectMessage(err(403, { error: { code: 'UnsupportedFeature', message } }),
      { status: 403, code: 'UnsupportedFeature', message, fix: /turn off faceInspector\.returnFaceId .*https:\/\/aka\.ms\/facerecognition/ });
  });
  it('403 nested innererror: uses the inner code and message', () => {
    const body = { error: { code: 'InvalidRequest', message: 'Invalid request has been sent.', innererror: { code: 'UnsupportedFeature', message: 'Feature is not supported, missing approval for one or more of the following features: Identification,Verification. Please apply for access at https://aka.ms/facerecognition' } } };
    const e = err(403, body);
    expectMessage(e, { status: 403, code: 'UnsupportedFeature', message: body.error.innererror.message, fix: /faceInspector\.returnFaceId/ });
    assert.match(e.message, /InvalidRequest/);
  });
  it('403 deprecated attributes: remove them', () => {
    const message = 'Return Attributes (emotion, gender, age, smile, facial hair, hair and makeup) have been deprecated and are no longer supported.';
    expectMessage(err(403, { error: { code: 'UnsupportedFeature', message } }), { status: 403, code: 'UnsupportedFeature', message, fix: /Remove emotion, gender.*faceInspector\.returnFaceAttributes/ });
  });
  it('403 quota with statusCode instead of code', () => {
    const message = 'Out of call volume quota. Quota will be replenished in 2 days.';
    expectMessage(err(403, { error: { statusCode: 403, message } }), { status: 403, code: '403', message, fix: /used up its call quota/ });
  });
  it('400 InvalidImageSize, InvalidImage, InvalidURL, detection_02', () => {
    expectMessage(err(400, { error: { code: 'InvalidImageSize', message: 'Image size is too small.' } }), { status: 400, code: 'InvalidImageSize', message: 'Image size is too small.', fix: /between 1 KB and 6 MB/ });
    expectMessage(err(400, { error: { code: 'InvalidImage', message: 'Decoding error, image format unsupported.' } }), { status: 400, code: 'InvalidImage', fix: /JPEG, PNG, GIF or BMP/ });
    expectMessage(err(400, { error: { code: 'InvalidURL', message: 'Invalid image URL.' } }), { status: 400, code: 'InvalidURL', fix: /URL is public/ });
    expectMessage(err(400, { error: { code: 'BadArgument', message: "'returnFaceAttributes' is not supported by detection_02." } }), { status: 400, code: 'BadArgument', fix: /clear faceInspector\.returnFaceAttributes/ });
  });
  it('415, 408, 404, 500', () => {
    expectMessage(err(415, { error: { code: 'BadArgument', message: 'Invalid Media Type.' } }), { status: 415, code: 'BadArgument', message: 'Invalid Media Type.', fix: /content type/ });
    expectMessage(err(408, { error: { code: 'OperationTimeOut', message: 'Request Timeout.' } }), { status: 408, code: 'OperationTimeOut', fix: /timed out.*smaller image/ });
    expectMessage(err(404, { error: { code: 'NotFound', message: 'Resource not found' } }), { status: 404, code: 'NotFound', fix: /faceInspector\.endpoint.*faceInspector\.apiVersion/ });
    expectMessage(err(500, { error: { code: 'InternalServerError', message: 'Oops' } }), { status: 500, code: 'InternalServerError', fix: /try again/ });
  });
  it('429: rate limits named, wait and retry', () => {
    const message = 'Rate limit is exceeded. Try again in 26 seconds.';
    expectMessage(err(429, { error: { statusCode: 429, message } }), { status: 429, code: '429', message, fix: /F0 tier: 20 calls per minute; S0: 10 per second.*wait/ });
  });
  it('HTML 502 page: says so, short excerpt, no HTML', () => {
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head><body><h1>Bad Gateway</h1>${'<p>filler</p>'.repeat(500)}</body></html>`;
    const e = err(502, html);
    expectMessage(e, { status: 502, fix: /try again/ });
    assert.match(e.message, /non-JSON body .*"502 Bad Gateway"/);
    assert.doesNotMatch(e.message, /<|>/);
    assert.ok(e.message.length < 500, `${e.message.length} chars`);
  });
  it('falls back to the x-ms-error-code header', () => {
    const e = err(400, { error: { message: 'Something.' } }, { headers: { 'x-ms-error-code': 'BadArgument' } });
    assert.equal(e.code, 'BadArgument');
  });
  it('adds attempts and client-request-id; redacts a key echoed by a proxy', () => {
    const e = serviceError({ status: 503, bodyText: `upstream rejected key ${KEY}`, attempts: 4, requestId: 'rid-1', secrets: [KEY] });
    assert.match(e.message, /Gave up after 4 attempts/);
    assert.match(e.message, /client-request-id rid-1/);
    assert.ok(!e.message.includes(KEY));
    assert.equal(e.attempts, 4);
  });
  it('CLI naming: the fix names flags', () => {
    const e = err(403, { error: { code: 'UnsupportedFeature', message: 'Feature is not supported, missing approval for one or more of the following features: Identification, Verification.' } }, { nameOf: (f) => (f === 'returnFaceId' ? '--face-id' : f) });
    assert.match(e.message, /turn off --face-id/);
  });
});

describe('parseServiceErrorBody and redactSecrets', () => {
  it('parses every documented shape', () => {
    assert.deepEqual(parseServiceErrorBody('{"error":{"code":"429","message":"Rate limit is exceeded."}}'), { code: '429', message: 'Rate limit is exceeded.' });
    assert.deepEqual(parseServiceErrorBody('{"error":{"statusCode":429,"message":"m"}}'), { code: '429', message: 'm' });
    assert.equal(parseServiceErrorBody('{"message":"plain"}').message, 'plain');
    assert.equal(parseServiceErrorBody('').nonJsonExcerpt, '');
  });
  it('redactSecrets replaces every occurrence and ignores empty secrets', () => {
    assert.equal(redactSecrets('a KEY123 b KEY123', ['KEY123', undefined, '']), 'a *** b ***');
  });
});
