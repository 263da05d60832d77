import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FaceApiError, interpretResponse, isUnexpected, parseDetectBody } from '../../../src/core/index';

const example = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../shared/face-api/examples/tsp/v1.2/Detect.json'), 'utf8'));
const face = () => structuredClone(example.responses['200'].body[0]);

function rejects(body: unknown, pattern: RegExp) {
  assert.throws(() => parseDetectBody(JSON.stringify(body)), (e: unknown) => {
    assert.ok(e instanceof FaceApiError);
    assert.equal(e.kind, 'response');
    assert.match(e.message, pattern);
    return true;
  });
}

describe('response parsing', () => {
  it('accepts [] (no faces)', () => {
    assert.deepEqual(parseDetectBody('[]'), []);
  });
  it('must be an array', () => {
    rejects({ faces: [] }, /the body is \{"faces":\[\]\}, expected a JSON array of faces/);
  });
  it('names the field of a non-numeric rectangle value', () => {
    const f = face();
    f.faceRectangle.width = 'abc';
    rejects([face(), face(), f], /faces\[2\]\.faceRectangle\.width is "abc", expected a number/);
  });
  it('rejects a missing rectangle and non-numeric landmark points', () => {
    const a = face(); delete a.faceRectangle;
    rejects([a], /faces\[0\]\.faceRectangle is missing, expected an object/);
    const b = face(); b.faceLandmarks.noseTip.y = null;
    rejects([b], /faces\[0\]\.faceLandmarks\.noseTip\.y is null, expected a number/);
  });
  it('shape-checks known attributes', () => {
    const a = face(); a.faceAttributes.headPose.yaw = '3';
    rejects([a], /faceAttributes\.headPose\.yaw is "3"/);
    const b = face(); b.faceAttributes.accessories[1].confidence = 'high';
    rejects([b], /faceAttributes\.accessories\[1\]\.confidence/);
    const c = face(); c.faceAttributes.occlusion.eyeOccluded = 'no';
    rejects([c], /occlusion\.eyeOccluded is "no", expected a boolean/);
  });
  it('keeps unknown attributes and unknown enum values', () => {
    const f = face();
    f.faceAttributes.glasses = 'Monocle';
    f.faceAttributes.sparkle = { level: 'extreme' };
    f.faceAttributes.blur.blurLevel = 'Extreme';
    assert.deepEqual(parseDetectBody(JSON.stringify([f])), [f]);
  });
  it('malformed JSON in a 200 is a response error naming the problem', () => {
    assert.throws(() => parseDetectBody('[{"faceRectangle": '), /HTTP 200 but the body is not valid JSON/);
  });
  it('interpretResponse + isUnexpected narrow like the Azure REST client', () => {
    const ok = interpretResponse({ status: 200, headers: {}, bodyText: JSON.stringify([face()]) });
    assert.equal(isUnexpected(ok), false);
    if (!isUnexpected(ok)) assert.equal(ok.faces.length, 1);
    const bad = interpretResponse({ status: 429, headers: {}, bodyText: '{"error":{"code":"429","message":"Rate limit is exceeded."}}' });
    assert.equal(isUnexpected(bad), true);
    if (isUnexpected(bad)) assert.equal(bad.error.code, '429');
    const garbled = interpretResponse({ status: 200, headers: {}, bodyText: 'nope' }, { requestId: 'r1' });
    assert.ok(isUnexpected(garbled));
    if (isUnexpected(garbled)) { assert.equal(garbled.error.kind, 'response'); assert.match(garbled.error.message, /r1/); }
  });
});
