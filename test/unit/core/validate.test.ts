import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_DETECT_OPTIONS, buildDetectOptions, canonicalEnum, checkEndpoint, checkImageUrl, defaultAttributesFor,
  displayEnum, hasErrors, sameEnum, settingName, validateDetectOptions,
  type DetectOptions, type NameOf, type Problem,
} from '../../../src/core/index';

const opts = (over: Partial<DetectOptions> = {}): DetectOptions => ({ ...DEFAULT_DETECT_OPTIONS, ...over });
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === 'warning');
const flagName: NameOf = (f) => `--${f}`;

describe('enums', () => {
  it('sameEnum ignores case and rejects non-strings', () => {
    assert.ok(sameEnum('NoGlasses', 'noGlasses'));
    assert.ok(sameEnum('headWear', 'headwear'));
    assert.ok(!sameEnum('low', 'medium'));
    assert.ok(!sameEnum(undefined, 'low'));
  });
  it('canonicalEnum maps known values to the documented spelling and keeps unknown ones', () => {
    assert.equal(canonicalEnum('NoGlasses', ['noGlasses', 'sunglasses']), 'noGlasses');
    assert.equal(canonicalEnum('Monocle', ['noGlasses']), 'Monocle');
  });
  it('displayEnum makes any value readable', () => {
    assert.equal(displayEnum('NoGlasses'), 'No glasses');
    assert.equal(displayEnum('otherMaskOrOcclusion'), 'Other mask or occlusion');
    assert.equal(displayEnum('brandNewValue'), 'Brand new value');
  });
});

describe('model rules', () => {
  it('detection_03 defaults to the attributes all sources agree on', () => {
    assert.deepEqual(defaultAttributesFor('detection_03', 'v1.2'), ['headPose', 'blur', 'mask', 'qualityForRecognition']);
  });
  it('detection_01 defaults exclude mask and every limited/retired attribute', () => {
    const d = defaultAttributesFor('detection_01', 'v1.2');
    assert.deepEqual(d, ['headPose', 'glasses', 'occlusion', 'accessories', 'blur', 'exposure', 'noise', 'qualityForRecognition']);
  });
  it('detection_02 has no attributes; qualityForRecognition is dropped for recognition_01', () => {
    assert.deepEqual(defaultAttributesFor('detection_02', 'v1.2'), []);
    assert.ok(!defaultAttributesFor('detection_01', 'v1.2', 'recognition_01').includes('qualityForRecognition'));
  });
  it('DEFAULT_DETECT_OPTIONS: v1.2, detection_03, recognition_04, no faceId, landmarks on', () => {
    assert.equal(DEFAULT_DETECT_OPTIONS.apiVersion, 'v1.2');
    assert.equal(DEFAULT_DETECT_OPTIONS.detectionModel, 'detection_03');
    assert.equal(DEFAULT_DETECT_OPTIONS.recognitionModel, 'recognition_04');
    assert.equal(DEFAULT_DETECT_OPTIONS.returnFaceId, false);
    assert.equal(DEFAULT_DETECT_OPTIONS.returnFaceLandmarks, true);
    assert.deepEqual(DEFAULT_DETECT_OPTIONS.returnFaceAttributes, defaultAttributesFor('detection_03', 'v1.2'));
    assert.deepEqual(validateDetectOptions(opts()), []);
  });
});

describe('buildDetectOptions', () => {
  it('uses the chosen model defaults when attributes are unset', () => {
    assert.deepEqual(buildDetectOptions({ detectionModel: 'detection_01' }).returnFaceAttributes, defaultAttributesFor('detection_01', 'v1.2'));
  });
  it('parses csv, "none" and arrays', () => {
    assert.deepEqual(buildDetectOptions({ returnFaceAttributes: 'headPose, mask' }).returnFaceAttributes, ['headPose', 'mask']);
    assert.deepEqual(buildDetectOptions({ returnFaceAttributes: 'none' }).returnFaceAttributes, []);
    assert.deepEqual(buildDetectOptions({ returnFaceAttributes: ['blur'] }).returnFaceAttributes, ['blur']);
  });
  it('detection_02 gets no landmarks and no attributes by default, and validates clean', () => {
    const o = buildDetectOptions({ detectionModel: 'detection_02' });
    assert.equal(o.returnFaceLandmarks, false);
    assert.deepEqual(o.returnFaceAttributes, []);
    assert.deepEqual(validateDetectOptions(o), []);
  });
});

describe('validateDetectOptions', () => {
  it('detection_02 with attributes: says to clear the setting or switch model', () => {
    const [p] = errors(validateDetectOptions(opts({ detectionModel: 'detection_02', returnFaceLandmarks: false, returnFaceAttributes: ['headPose'] })));
    assert.equal(p.message, 'detection_02 returns no attributes: clear faceInspector.returnFaceAttributes or set faceInspector.detectionModel to detection_01 or detection_03.');
  });
  it('detection_02 with landmarks is an error naming the landmarks setting', () => {
    const [p] = errors(validateDetectOptions(opts({ detectionModel: 'detection_02', returnFaceAttributes: [] })));
    assert.equal(p.field, 'returnFaceLandmarks');
    assert.match(p.message, /faceInspector\.returnFaceLandmarks/);
  });
  it('uses the nameOf function (CLI flags)', () => {
    const [p] = errors(validateDetectOptions(opts({ detectionModel: 'detection_02', returnFaceLandmarks: false, returnFaceAttributes: ['blur'] }), flagName));
    assert.match(p.message, /--returnFaceAttributes/);
    assert.doesNotMatch(p.message, /faceInspector\./);
  });
  it('mask needs detection_03', () => {
    const [p] = errors(validateDetectOptions(opts({ detectionModel: 'detection_01', returnFaceAttributes: ['mask'] })));
    assert.match(p.message, /detection_01 does not compute "mask".*detection_03/);
  });
  it('qualityForRecognition needs recognition_03/04', () => {
    const [p] = errors(validateDetectOptions(opts({ recognitionModel: 'recognition_02', returnFaceAttributes: ['qualityForRecognition'] })));
    assert.match(p.message, /recognition_03 or recognition_04/);
    assert.match(p.message, /faceInspector\.recognitionModel/);
  });
  it('retired attributes are errors; limited ones are warnings', () => {
    const retired = validateDetectOptions(opts({ apiVersion: 'v1.0', detectionModel: 'detection_01', returnFaceAttributes: ['emotion', 'gender'] }));
    assert.equal(errors(retired).length, 2);
    assert.match(errors(retired)[0].message, /retired/);
    const limited = validateDetectOptions(opts({ detectionModel: 'detection_01', returnFaceAttributes: ['age', 'smile'] }));
    assert.equal(errors(limited).length, 0);
    assert.equal(warnings(limited).length, 2);
    assert.match(warnings(limited)[0].message, /Limited Access/);
  });
  it('attributes the version does not accept', () => {
    const [p] = errors(validateDetectOptions(opts({ apiVersion: 'v1.1-preview.1', detectionModel: 'detection_01', returnFaceAttributes: ['age'] })));
    assert.match(p.message, /v1\.1-preview\.1 does not accept "age"/);
  });
  it('attributes the sources disagree on for detection_03 are warnings, not errors', () => {
    const problems = validateDetectOptions(opts({ returnFaceAttributes: ['exposure', 'glasses', 'occlusion'] }));
    assert.equal(errors(problems).length, 0);
    assert.equal(warnings(problems).length, 3);
  });
  it('noise and accessories are not computed by detection_03', () => {
    assert.equal(errors(validateDetectOptions(opts({ returnFaceAttributes: ['noise', 'accessories'] }))).length, 2);
  });
  it('unknown names and models are errors listing the allowed values', () => {
    const p1 = errors(validateDetectOptions(opts({ returnFaceAttributes: ['beauty' as never] })));
    assert.match(p1[0].message, /"beauty" is not a Face attribute/);
    const p2 = errors(validateDetectOptions(opts({ detectionModel: 'detection_04' as never })));
    assert.match(p2[0].message, /detection_01, detection_02, detection_03/);
  });
  for (const [ttl, ok] of [[59, false], [60, true], [86400, true], [86401, false], [120.5, false]] as const) {
    it(`faceIdTimeToLive ${ttl} is ${ok ? 'accepted' : 'rejected'}`, () => {
      const problems = validateDetectOptions(opts({ returnFaceId: true, faceIdTimeToLive: ttl }));
      assert.equal(hasErrors(problems), !ok);
      if (!ok) assert.match(problems[0].message, /faceInspector\.faceIdTimeToLive to a whole number of seconds from 60 to 86400/);
    });
  }
  it('flags the synthetic v1.1-preview.1 examples (mask with detection_01, quality with recognition_01)', () => {
    const file = path.resolve(__dirname, '../../../../shared/face-api/examples/tsp/v1.1-preview.1/FaceDetectionOperations_DetectFromStream.json');
    const p = JSON.parse(readFileSync(file, 'utf8')).parameters;
    const problems = errors(validateDetectOptions(opts({
      apiVersion: p.apiVersion, detectionModel: p.detectionModel, recognitionModel: p.recognitionModel,
      returnFaceAttributes: p.returnFaceAttributes.split(','),
    })));
    assert.ok(problems.some((x) => /"mask"/.test(x.message)));
    assert.ok(problems.some((x) => /qualityForRecognition/.test(x.message)));
  });
});

describe('checkEndpoint', () => {
  const ok = (raw: string, expected: string, auth: 'key' | 'token' = 'key') => {
    const r = checkEndpoint(raw, auth);
    assert.equal(r.endpoint, expected, JSON.stringify(r.problems));
    return r;
  };
  const bad = (raw: string | undefined, pattern: RegExp, auth: 'key' | 'token' = 'key') => {
    const r = checkEndpoint(raw, auth);
    assert.equal(r.endpoint, undefined);
    assert.match(r.problems[0].message, pattern);
  };
  it('accepts https and strips a trailing slash', () => {
    assert.deepEqual(ok('https://myres.cognitiveservices.azure.com/', 'https://myres.cognitiveservices.azure.com').problems, []);
  });
  it('strips a pasted /face/v1.2 or /face/v1.2/detect with a warning', () => {
    for (const suffix of ['/face/v1.2', '/face/v1.2/detect', '/face/v1.2/detect/']) {
      const r = ok(`https://myres.cognitiveservices.azure.com${suffix}`, 'https://myres.cognitiveservices.azure.com');
      assert.equal(r.problems[0].severity, 'warning');
      assert.match(r.problems[0].message, /faceInspector\.apiVersion/);
    }
  });
  it('allows http only on loopback', () => {
    ok('http://127.0.0.1:8080', 'http://127.0.0.1:8080');
    ok('http://127.1.2.3:1', 'http://127.1.2.3:1');
    ok('http://localhost:3000/', 'http://localhost:3000');
    ok('http://[::1]:3000', 'http://[::1]:3000');
    bad('http://myres.cognitiveservices.azure.com', /unencrypted: use https:\/\/myres/);
    bad('http://127.example.com', /unencrypted/);
  });
  it('rejects empty, malformed, other schemes, other paths, queries and credentials', () => {
    bad('', /No endpoint is set: set faceInspector\.endpoint/);
    bad(undefined, /No endpoint/);
    bad('myres.cognitiveservices.azure.com', /not a valid URL/);
    bad('ftp://x.com', /must start with https/);
    bad('https://x.cognitiveservices.azure.com/vision/v3.2', /without the path "\/vision\/v3\.2"/);
    bad('https://x.cognitiveservices.azure.com/?subscription-key=SECRET', /query string/);
    bad('https://u:p@x.cognitiveservices.azure.com', /user name or password/);
  });
  it('never echoes a query string (it may hold a key)', () => {
    const r = checkEndpoint('https://x.cognitiveservices.azure.com/?subscription-key=SECRETKEY1');
    assert.doesNotMatch(r.problems[0].message, /SECRETKEY1/);
  });
  it('rejects a regional endpoint with Entra ID and asks for the custom subdomain', () => {
    ok('https://westeurope.api.cognitive.microsoft.com', 'https://westeurope.api.cognitive.microsoft.com', 'key');
    bad('https://westeurope.api.cognitive.microsoft.com', /custom-subdomain endpoint \(https:\/\/<resource>\.cognitiveservices\.azure\.com\)/, 'token');
  });
  it('checkImageUrl accepts http(s) only', () => {
    assert.deepEqual(checkImageUrl('https://example.com/a.jpg'), []);
    assert.equal(checkImageUrl('file:///tmp/a.jpg').length, 1);
    assert.equal(checkImageUrl('not a url').length, 1);
  });
  it('settingName prefixes faceInspector.', () => {
    assert.equal(settingName('detectionModel'), 'faceInspector.detectionModel');
  });
});
