// The local detector on real photos: face counts, placement against Azure's own outputs, head pose,
// determinism, the Azure result shape, and overlays to look at (test-results/local-overlay-*.png).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LANDMARK_NAMES, type DetectionModel, type LandmarkName } from '../../../src/core/contract';
import type { DetectOutcome } from '../../../src/core/provider';
import { createLocalProvider, LOCAL_SUPPORTED_ATTRIBUTES } from '../../../src/local';
import { detectOptions, expectedFaceCounts, iou, pupilDistance, readImage, referenceEntries, renderOverlay, RESULTS } from './helpers';

// One warm provider for the whole file: the engine's cold start happens once.
const provider = createLocalProvider();
const cache = new Map<string, Promise<DetectOutcome>>();
/** Detects once per (image, model) with landmarks and all local attributes. */
function detect(name: string, detectionModel: DetectionModel = 'detection_03'): Promise<DetectOutcome> {
  const key = `${name}|${detectionModel}`;
  if (!cache.has(key)) cache.set(key, provider.detect({ kind: 'bytes', bytes: readImage(name), name }, detectOptions({ detectionModel })));
  return cache.get(key)!;
}

describe('local detector: face counts on the shared test photos', () => {
  const expected = expectedFaceCounts();
  it('found the SOURCES.md table', () => assert.ok(expected.size >= 15, `only ${expected.size} rows parsed`));
  for (const [name, faces] of expected) {
    it(`${name}: ${faces} face(s)`, async () => {
      const outcome = await detect(name);
      // tinyfaces (~30 px faces) is below Azure's 36 px minimum, so SOURCES.md allows 0 for Azure; we aim
      // for, and require, all 6 found.
      assert.equal(outcome.faces.length, faces, `${name}: got ${outcome.faces.length}`);
    });
  }
});

const LEFT_RIGHT_PAIRS: Array<[LandmarkName, LandmarkName]> = [
  ['pupilLeft', 'pupilRight'], ['mouthLeft', 'mouthRight'], ['eyeLeftOuter', 'eyeRightOuter'], ['eyeLeftInner', 'eyeRightInner'],
  ['eyebrowLeftOuter', 'eyebrowRightOuter'], ['noseRootLeft', 'noseRootRight'], ['noseLeftAlarTop', 'noseRightAlarTop'],
];

describe('local detector: placement against real Azure outputs', () => {
  for (const [image, model] of [['single_detection1.jpg', 'detection_03'], ['headturn_detection3.jpg', 'detection_03'], ['headturn_detection3.jpg', 'detection_01']] as const) {
    it(`${image} ${model}: landmarks within 0.2 pupil distances on average, none on a wrong feature`, async () => {
      const ours = (await detect(image, model)).faces[0].faceLandmarks!;
      const theirs = referenceEntries(image, model).find((e) => e.faces[0].faceLandmarks)!.faces[0].faceLandmarks!;
      const ipd = pupilDistance(theirs);
      const errors = LANDMARK_NAMES.map((n) => Math.hypot(ours[n].x - theirs[n].x, ours[n].y - theirs[n].y) / ipd);
      const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
      // 0.2 IPD: adjacent features (eye corner to pupil, nostril to nose tip) are ~0.25-0.5 IPD apart,
      // so a mean below 0.2 means the points sit on the right features; measured 0.07 (detection1),
      // 0.14/0.17 (detection3, turned head). A left/right swap costs >= 1 IPD, hence the 0.8 cap per point (the far eyebrow of the
      // turned head is the worst, 0.61 IPD: Azure's own two models place it 9 px = 0.18 IPD apart).
      assert.ok(mean < 0.2, `mean error ${mean.toFixed(3)} IPD`);
      assert.ok(Math.max(...errors) < 0.8, `worst ${LANDMARK_NAMES[errors.indexOf(Math.max(...errors))]} ${Math.max(...errors).toFixed(2)} IPD`);
    });
  }

  it('names image-left points "Left", like Azure', async () => {
    for (const image of ['single_detection1.jpg', 'headturn_detection3.jpg']) {
      const ours = (await detect(image)).faces[0].faceLandmarks!;
      const theirs = referenceEntries(image, 'detection_03')[0].faces[0].faceLandmarks!;
      for (const [left, right] of LEFT_RIGHT_PAIRS) {
        const l = ours[left];
        const r = ours[right];
        assert.ok(l.x < r.x, `${image}: ${left} (${l.x}) should be left of ${right} (${r.x})`);
        const refL = theirs[left];
        const refR = theirs[right];
        assert.ok(Math.hypot(l.x - refL.x, l.y - refL.y) < Math.hypot(l.x - refR.x, l.y - refR.y), `${image}: ${left} is nearer Azure's ${right}`);
      }
    }
  });

  for (const [image, model] of [['single_detection1.jpg', 'detection_03'], ['single_detection1.jpg', 'detection_01'], ['headturn_detection3.jpg', 'detection_03'], ['headturn_detection3.jpg', 'detection_01']] as const) {
    it(`${image} ${model}: rectangle IoU with Azure's > 0.85`, async () => {
      const ours = (await detect(image, model)).faces[0].faceRectangle;
      const theirs = referenceEntries(image, model)[0].faces[0].faceRectangle;
      // Constants were fitted to these boxes (IoU 0.92-0.97); 0.85 leaves room for engine noise but
      // fails if a model's shape (square vs tall) or centre rule breaks.
      assert.ok(iou(ours, theirs) > 0.85, `IoU ${iou(ours, theirs).toFixed(3)}: ours ${JSON.stringify(ours)}, Azure ${JSON.stringify(theirs)}`);
    });
  }

  it('detection_01 boxes are square, detection_03 boxes taller', async () => {
    const square = (await detect('group6_faces.jpg', 'detection_01')).faces;
    for (const f of square) assert.equal(f.faceRectangle.width, f.faceRectangle.height, JSON.stringify(f.faceRectangle));
    for (const f of (await detect('group6_faces.jpg', 'detection_03')).faces) assert.ok(f.faceRectangle.height > f.faceRectangle.width * 1.15, JSON.stringify(f.faceRectangle));
  });
});

describe('local detector: head pose', () => {
  it("has Azure's signs on detection1.jpg (roll -16.9, yaw 12.3, pitch -17.1) and detection3.jpg (yaw > 0)", async () => {
    const d1 = (await detect('single_detection1.jpg')).faces[0].faceAttributes!.headPose!;
    assert.ok(d1.roll < -5 && d1.yaw > 0 && d1.pitch < 0, JSON.stringify(d1));
    const d3 = (await detect('headturn_detection3.jpg')).faces[0].faceAttributes!.headPose!;
    assert.ok(d3.yaw > 10, JSON.stringify(d3));
  });

  it('roll follows the picture: detection1 turned 35 degrees clockwise adds 35 (±8)', async () => {
    const upright = (await detect('single_detection1.jpg')).faces[0].faceAttributes!.headPose!.roll;
    const turned = (await detect('rotated35_detection1.jpg')).faces[0].faceAttributes!.headPose!.roll;
    assert.ok(Math.abs(turned - upright - 35) <= 8, `roll ${upright} -> ${turned}`);
  });
});

describe('local detector: Azure result shape', () => {
  it('integer rectangles, landmarks to 0.1 px in the documented order, largest face first', async () => {
    const { faces, imageSize, provider: kind, providerLabel } = await detect('group6_faces.jpg');
    assert.equal(kind, 'local');
    assert.match(providerLabel, /^Local detector \(Human 3\.3, offline\)$/);
    assert.deepEqual(imageSize, { width: 600, height: 462 });
    for (const f of faces) {
      for (const v of Object.values(f.faceRectangle)) assert.ok(Number.isInteger(v));
      assert.deepEqual(Object.keys(f.faceLandmarks!), [...LANDMARK_NAMES]);
      for (const p of Object.values(f.faceLandmarks!)) assert.equal(Math.round(p.x * 10) / 10, p.x);
      assert.equal(f.faceId, undefined);
    }
    const areas = faces.map((f) => f.faceRectangle.width * f.faceRectangle.height);
    assert.deepEqual(areas, [...areas].sort((a, b) => b - a));
  });

  it('returns only what was asked; lists what it cannot compute', async () => {
    const bytes = readImage('Family1-Mom1.jpg');
    const bare = await provider.detect({ kind: 'bytes', bytes }, detectOptions({ returnFaceLandmarks: false, returnFaceAttributes: [] }));
    assert.deepEqual(Object.keys(bare.faces[0]), ['faceRectangle']);
    assert.deepEqual(bare.unsupportedAttributes, []);
    const mixed = await provider.detect({ kind: 'bytes', bytes }, detectOptions({ returnFaceId: true, returnFaceLandmarks: false, returnFaceAttributes: ['exposure', 'glasses', 'mask', 'qualityForRecognition'] }));
    assert.deepEqual(Object.keys(mixed.faces[0].faceAttributes!), ['exposure']);
    assert.deepEqual(mixed.unsupportedAttributes, ['faceId', 'glasses', 'mask', 'qualityForRecognition']);
    assert.deepEqual([...LOCAL_SUPPORTED_ATTRIBUTES], ['headPose', 'blur', 'exposure', 'noise']);
  });

  it('quality levels follow the documented thresholds and agree with Azure on detection3.jpg', async () => {
    for (const name of ['group6_faces.jpg', 'headturn_detection3.jpg', 'group3_profile_detection4.jpg']) {
      for (const f of (await detect(name)).faces) {
        const { blur, exposure, noise } = f.faceAttributes!;
        for (const a of [blur!.value, exposure!.value, noise!.value]) assert.ok(a >= 0 && a <= 1);
        assert.equal(exposure!.exposureLevel, exposure!.value < 0.25 ? 'underExposure' : exposure!.value < 0.75 ? 'goodExposure' : 'overExposure');
        assert.equal(noise!.noiseLevel, noise!.value < 0.3 ? 'low' : noise!.value < 0.7 ? 'medium' : 'high');
        assert.equal(blur!.blurLevel, blur!.value < 0.25 ? 'low' : blur!.value < 0.75 ? 'medium' : 'high');
      }
    }
    // Azure on detection3.jpg: blur low (0.0), exposure good (0.34), noise medium (0.43).
    const d3 = (await detect('headturn_detection3.jpg')).faces[0].faceAttributes!;
    assert.deepEqual([d3.blur!.blurLevel, d3.exposure!.exposureLevel, d3.noise!.noiseLevel], ['low', 'goodExposure', 'medium']);
    // The foreground face of detection4.jpg is strongly blurred; the two behind it are sharp.
    const d4 = (await detect('group3_profile_detection4.jpg')).faces;
    assert.ok(d4[0].faceAttributes!.blur!.value > d4[1].faceAttributes!.blur!.value + 0.15, JSON.stringify(d4.map((f) => f.faceAttributes!.blur)));
  });
});

describe('local detector: determinism', () => {
  it('the same picture gives identical results twice (tiling included)', async () => {
    for (const name of ['group4_small_bw_celebrities.jpg', 'single_detection1.jpg']) {
      const options = detectOptions();
      const first = await provider.detect({ kind: 'bytes', bytes: readImage(name) }, options);
      const second = await provider.detect({ kind: 'bytes', bytes: readImage(name) }, options);
      assert.deepEqual(second.faces, first.faces);
      assert.deepEqual(second.imageSize, first.imageSize);
    }
  });
});

describe('local detector: overlays (look at test-results/local-overlay-*.png)', () => {
  for (const name of ['single_detection1.jpg', 'group6_faces.jpg', 'headturn_detection3.jpg', 'group4_small_bw_celebrities.jpg']) {
    it(`renders ${name}`, async () => {
      const outcome = await detect(name);
      const file = path.join(RESULTS, `local-overlay-${name.replace(/\.\w+$/, '')}.png`);
      renderOverlay(readImage(name), outcome, file);
      // Every landmark must fall inside its face's detection_03 box (give or take 10% of its width for
      // the far eyebrow of a turned head), or the overlay would show it astray.
      for (const f of outcome.faces) {
        const r = f.faceRectangle;
        const m = r.width * 0.1;
        for (const p of Object.values(f.faceLandmarks!)) assert.ok(p.x >= r.left - m && p.x <= r.left + r.width + m && p.y >= r.top - m && p.y <= r.top + r.height + m, `${name}: ${JSON.stringify(p)} outside ${JSON.stringify(r)}`);
      }
    });
  }
});
