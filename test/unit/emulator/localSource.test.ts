// The emulator with the local detection engine as its face source. This must load: a failure here
// means the emulator fell back to fixtures for the sandbox and the benchmarks.
import assert from 'node:assert/strict';
import { LANDMARK_NAMES } from '../../../src/core/contract';
import { localFaceSource, startEmulator, type FaceSource, type RunningEmulator } from '../../../src/emulator/server';
import { callDetect, image, okFaces } from './helpers';

describe('emulator: local detector as face source', function () {
  this.timeout(120_000); // loading the engine and its models takes a while on a cold machine
  let source: FaceSource;
  let emulator: RunningEmulator;

  before(async () => {
    source = await localFaceSource(); // rejects when the engine cannot be loaded
    emulator = await startEmulator({ faceSource: source, approvedForFaceId: true });
  });
  after(() => emulator?.close());

  it('loads', () => {
    assert.equal(source.name, 'local detector');
  });

  it('is the default source when it loads', async () => {
    const logged: string[] = [];
    const byDefault = await startEmulator({ log: (line) => logged.push(line) });
    try {
      assert.equal(byDefault.faceSourceName, 'local detector');
      assert.match(logged.join('\n'), /faces from local detector/);
    } finally {
      await byDefault.close();
    }
  });

  it('finds the faces of group6_faces.jpg, largest first, with 27 landmarks and only the requested attributes', async () => {
    const response = await callDetect(emulator, {
      body: image('group6_faces.jpg'),
      query: 'returnFaceId=false&detectionModel=detection_01&returnFaceLandmarks=true&returnFaceAttributes=headPose,blur,glasses',
    });
    const faces = await okFaces(response);
    assert.ok(faces.length >= 4 && faces.length <= 6, `found ${faces.length} faces`);
    const areas = faces.map((f) => f.faceRectangle.width * f.faceRectangle.height);
    assert.deepEqual(areas, [...areas].sort((a, b) => b - a));
    for (const face of faces) {
      assert.deepEqual(Object.keys(face), ['faceRectangle', 'faceLandmarks', 'faceAttributes']);
      assert.deepEqual(Object.keys(face.faceLandmarks ?? {}).sort(), [...LANDMARK_NAMES].sort());
      // glasses is not computed locally: left out, not invented.
      assert.deepEqual(Object.keys(face.faceAttributes ?? {}).sort(), ['blur', 'headPose']);
    }
  });

  it('answers a photo without people with an empty array', async () => {
    assert.deepEqual(await okFaces(await callDetect(emulator, { body: image('noface_house.jpg'), query: 'returnFaceId=false' })), []);
  });
});
