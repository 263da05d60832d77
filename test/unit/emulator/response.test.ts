import assert from 'node:assert/strict';
import { LANDMARK_NAMES, type FaceDetectionResult } from '../../../src/core/contract';
import type { FaceSource, FaceSourceOptions } from '../../../src/emulator/server';
import { callDetect, image, okFaces, useEmulator } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A source that returns the given faces, with every attribute it was asked for, and records its calls. */
function scriptedSource(faces: FaceDetectionResult[]): FaceSource & { calls: FaceSourceOptions[] } {
  const calls: FaceSourceOptions[] = [];
  return {
    calls,
    async detect(_bytes, opts) {
      calls.push(opts);
      return structuredClone(faces);
    },
  };
}

const square = (left: number, size: number, extra: Partial<FaceDetectionResult> = {}): FaceDetectionResult => ({
  faceRectangle: { top: 10, left, width: size, height: size },
  ...extra,
});

describe('emulator: response fields (fixture source)', () => {
  const emulator = useEmulator();

  it('returns only faceRectangle when nothing else is asked for', async () => {
    const [face, ...rest] = await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
    assert.equal(rest.length, 0);
    assert.deepEqual(Object.keys(face!), ['faceRectangle']);
    assert.deepEqual(face!.faceRectangle, { top: 54, left: 394, width: 78, height: 78 });
  });

  it('adds a fresh UUID faceId when returnFaceId=true, and when it is absent', async () => {
    const ids = new Set<string>();
    for (const q of ['returnFaceId=true', '']) {
      const [face] = await okFaces(await callDetect(emulator(), { query: q }));
      const faceId = face?.faceId ?? '';
      assert.match(faceId, UUID);
      ids.add(faceId);
    }
    assert.equal(ids.size, 2);
  });

  it('returns recognitionModel only with returnRecognitionModel=true', async () => {
    const [without] = await okFaces(await callDetect(emulator(), { query: 'recognitionModel=recognition_04' }));
    assert.equal('recognitionModel' in without!, false);
    const [withIt] = await okFaces(await callDetect(emulator(), { query: 'recognitionModel=recognition_04&returnRecognitionModel=true' }));
    assert.equal(withIt!.recognitionModel, 'recognition_04');
  });

  it('reports the default recognition_01 when no model is named', async () => {
    const [face] = await okFaces(await callDetect(emulator(), { query: 'returnRecognitionModel=true' }));
    assert.equal(face!.recognitionModel, 'recognition_01');
  });

  it('in v1.2 returns recognitionModel only together with a faceId; earlier versions regardless', async () => {
    const q = 'returnFaceId=false&returnRecognitionModel=true';
    const [v12] = await okFaces(await callDetect(emulator(), { version: 'v1.2', query: q }));
    assert.equal('recognitionModel' in v12!, false);
    for (const version of ['v1.0', 'v1.1-preview.1', 'v1.2-preview.1']) {
      const [face] = await okFaces(await callDetect(emulator(), { version, query: q }));
      assert.equal(face!.recognitionModel, 'recognition_01', version);
    }
  });

  it('returns the 27 landmarks only with returnFaceLandmarks=true', async () => {
    const [without] = await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
    assert.equal('faceLandmarks' in without!, false);
    const [face] = await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false&returnFaceLandmarks=true' }));
    assert.deepEqual(Object.keys(face?.faceLandmarks ?? {}).sort(), [...LANDMARK_NAMES].sort());
  });

  it('returns exactly the requested attributes, in the official example key order for the face', async () => {
    const [face] = await okFaces(
      await callDetect(emulator(), { query: 'returnFaceAttributes=blur,headPose&returnFaceLandmarks=true&returnRecognitionModel=true' }),
    );
    assert.deepEqual(Object.keys(face!), ['faceId', 'recognitionModel', 'faceRectangle', 'faceLandmarks', 'faceAttributes']);
    assert.deepEqual(face!.faceAttributes, { blur: { blurLevel: 'medium', value: 0.51 }, headPose: { roll: 2.1, yaw: 3, pitch: 1.6 } });
  });

  it('leaves out attributes the source cannot compute (the fixture has no mask) rather than inventing them', async () => {
    const [face] = await okFaces(await callDetect(emulator(), { query: 'detectionModel=detection_03&returnFaceAttributes=mask,headPose' }));
    assert.deepEqual(Object.keys(face?.faceAttributes ?? {}), ['headPose']);
  });

  it('uses the spec camelCase enum values', async () => {
    const [face] = await okFaces(await callDetect(emulator(), { query: 'recognitionModel=recognition_04&returnFaceAttributes=glasses,exposure,noise,accessories,qualityForRecognition' }));
    const attributes = face?.faceAttributes;
    assert.equal(attributes?.glasses, 'sunglasses');
    assert.equal(attributes?.exposure?.exposureLevel, 'goodExposure');
    assert.equal(attributes?.noise?.noiseLevel, 'low');
    assert.deepEqual(attributes?.accessories?.map((a) => a.type), ['headwear', 'glasses', 'mask']);
    assert.equal(attributes?.qualityForRecognition, 'high');
  });

  it('keeps the example face where it is when it fits in the image (PNG 600x462, GIF 500x332)', async () => {
    for (const name of ['fmt_group6_faces.png', 'fmt_detection1.gif']) {
      const [face] = await okFaces(await callDetect(emulator(), { body: image(name), query: 'returnFaceId=false' }));
      assert.deepEqual(face!.faceRectangle, { top: 54, left: 394, width: 78, height: 78 }, name);
    }
  });

  it('scales the fixture face down when the image is narrower than the example position', async () => {
    // 150x116: the example face (x up to 472) is scaled by 150/472, to ~25 px, below the 36 px
    // minimum the service detects, so the answer is no face, as Azure may answer for this photo.
    assert.deepEqual(await okFaces(await callDetect(emulator(), { body: image('tinyfaces_group6_150px.jpg'), query: 'returnFaceId=false' })), []);
  });
});

describe('emulator: ordering, count and size limits', () => {
  const faces = [square(0, 40), square(100, 300), square(500, 36), square(900, 120)];
  const source = scriptedSource(faces);
  const emulator = useEmulator({ faceSource: source });

  it('sorts faces by rectangle area, largest first', async () => {
    const result = await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
    assert.deepEqual(result.map((f) => f.faceRectangle.width), [300, 120, 40, 36]);
  });

  it('passes the request options to the source', async () => {
    await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false&detectionModel=detection_03&returnFaceLandmarks=true&returnFaceAttributes=mask,headPose&recognitionModel=recognition_04' }));
    assert.deepEqual(source.calls.at(-1), { detectionModel: 'detection_03', landmarks: true, attributes: ['mask', 'headPose'], recognitionModel: 'recognition_04' });
  });
});

describe('emulator: at most 100 faces, integer rectangles', () => {
  // 150 faces of sizes 40..189 in shuffled order, with fractional coordinates.
  const many = Array.from({ length: 150 }, (_, i) => ({ faceRectangle: { top: 1.4, left: i * 2.6, width: 40 + ((i * 37) % 150), height: 40 + ((i * 37) % 150) } }));
  const emulator = useEmulator({ faceSource: scriptedSource(many) });

  it('returns the 100 largest of 150, largest first, with int32 rectangles', async () => {
    const result = await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
    assert.equal(result.length, 100);
    const widths = result.map((f) => f.faceRectangle.width);
    assert.deepEqual(widths, [...widths].sort((a, b) => b - a));
    assert.equal(widths[0], 189);
    assert.equal(widths[99], 90);
    for (const { faceRectangle } of result) for (const value of Object.values(faceRectangle)) assert.ok(Number.isInteger(value));
  });
});

describe('emulator: documented detectable face sizes (36..4096 px)', () => {
  const emulator = useEmulator({ faceSource: scriptedSource([square(0, 35), square(50, 4097), square(10, 36), square(20, 4096)]) });

  it('drops faces below 36 px and above 4096 px', async () => {
    const result = await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
    assert.deepEqual(result.map((f) => f.faceRectangle.width), [4096, 36]);
  });
});

describe('emulator: minimum face size grows with images above 1920x1080', () => {
  // single_2mp_amy.jpg is 1600x1200: 1200/1080 scales the 36 px minimum to 40 px.
  const emulator = useEmulator({ faceSource: scriptedSource([square(0, 39), square(100, 40)]) });

  it('keeps a 40 px face and drops a 39 px one', async () => {
    const result = await okFaces(await callDetect(emulator(), { body: image('single_2mp_amy.jpg'), query: 'returnFaceId=false' }));
    assert.deepEqual(result.map((f) => f.faceRectangle.width), [40]);
  });
});

describe('emulator: no faces', () => {
  const emulator = useEmulator({ faceSource: scriptedSource([]) });

  it('answers 200 with an empty array', async () => {
    assert.deepEqual(await okFaces(await callDetect(emulator(), { body: image('noface_dog.jpg') })), []);
  });
});

describe('emulator: a failing face source', () => {
  const emulator = useEmulator({ faceSource: { detect: () => Promise.reject(new Error('engine broke')) } });

  it('answers 500 naming the emulator, not a contract error', async () => {
    const response = await callDetect(emulator(), { query: 'returnFaceId=false' });
    assert.equal(response.status, 500);
    const body = await response.json();
    assert.equal(body.error.code, 'InternalServerError');
    assert.match(body.error.message, /emulator.*engine broke/);
  });
});
