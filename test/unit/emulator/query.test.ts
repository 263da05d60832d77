import { assertFaceError, callDetect, MESSAGES, okFaces, useEmulator } from './helpers';

const INVALID_ATTRIBUTES = 'Invalid argument returnFaceAttributes.';

describe('emulator: query parameters', () => {
  const emulator = useEmulator();
  const query = (q: string) => callDetect(emulator(), { query: `returnFaceId=false&${q}` });

  it('answers an unknown detectionModel', async () => {
    for (const model of ['detection_04', 'Detection_03', 'detection03', '']) {
      await assertFaceError(await query(`detectionModel=${model}`), 400, 'BadArgument', "'detectionModel' is invalid.");
    }
  });

  it('answers an unknown recognitionModel', async () => {
    for (const model of ['recognition_05', 'RECOGNITION_04', '']) {
      await assertFaceError(await query(`recognitionModel=${model}`), 400, 'BadArgument', "'recognitionModel' is invalid.");
    }
  });

  it('accepts every documented model pair', async () => {
    for (const detectionModel of ['detection_01', 'detection_02', 'detection_03']) {
      for (const recognitionModel of ['recognition_01', 'recognition_02', 'recognition_03', 'recognition_04']) {
        await okFaces(await query(`detectionModel=${detectionModel}&recognitionModel=${recognitionModel}`));
      }
    }
  });

  describe('returnFaceAttributes', () => {
    it('accepts the comma-joined form and the %2C-encoded form', async () => {
      for (const value of ['headPose,glasses', 'headPose%2Cglasses']) {
        const [face] = await okFaces(await query(`returnFaceAttributes=${value}`));
        if (!face?.faceAttributes?.headPose || !face.faceAttributes.glasses) throw new Error(`attributes missing for ${value}`);
      }
    });

    it('treats an empty value as none requested', async () => {
      const [face] = await okFaces(await query('returnFaceAttributes='));
      if (face && 'faceAttributes' in face) throw new Error('faceAttributes present');
    });

    for (const value of ['headpose', 'foo', 'headPose,', 'headPose, glasses', 'headPose;glasses']) {
      it(`answers the unknown attribute list "${value}"`, async () => {
        await assertFaceError(await query(`returnFaceAttributes=${encodeURIComponent(value)}`), 400, 'BadArgument', INVALID_ATTRIBUTES);
      });
    }

    it('answers a repeated (exploded) returnFaceAttributes parameter', async () => {
      await assertFaceError(await query('returnFaceAttributes=headPose&returnFaceAttributes=glasses'), 400, 'BadArgument', INVALID_ATTRIBUTES);
    });

    for (const retired of ['emotion', 'gender', 'age', 'smile', 'facialHair', 'hair', 'makeup']) {
      it(`answers the retired/limited attribute ${retired} with 403 in v1.2 and v1.0`, async () => {
        for (const version of ['v1.2', 'v1.0']) {
          const response = await callDetect(emulator(), { version, query: `returnFaceId=false&returnFaceAttributes=headPose,${retired}` });
          await assertFaceError(response, 403, 'UnsupportedFeature', MESSAGES.deprecated);
        }
      });
    }

    it('answers attributes with detection_02', async () => {
      const response = await query('detectionModel=detection_02&returnFaceAttributes=headPose');
      await assertFaceError(response, 400, 'BadArgument', "'returnFaceAttributes' is not supported by detection_02.");
    });

    it('answers mask with detection_01 and accessories/noise with detection_03', async () => {
      for (const q of [
        'detectionModel=detection_01&returnFaceAttributes=mask',
        'returnFaceAttributes=mask', // detection_01 is the default
        'detectionModel=detection_03&returnFaceAttributes=accessories',
        'detectionModel=detection_03&returnFaceAttributes=noise',
      ]) {
        await assertFaceError(await query(q), 400, 'BadArgument', INVALID_ATTRIBUTES);
      }
    });

    it('accepts every attribute its model supports', async () => {
      await okFaces(await query('detectionModel=detection_01&recognitionModel=recognition_04&returnFaceAttributes=accessories,blur,exposure,glasses,headPose,noise,occlusion,qualityForRecognition'));
      await okFaces(await query('detectionModel=detection_03&recognitionModel=recognition_03&returnFaceAttributes=blur,exposure,glasses,headPose,mask,occlusion,qualityForRecognition'));
    });

    it('answers qualityForRecognition with recognition_01/02', async () => {
      for (const model of ['recognition_01', 'recognition_02']) {
        await assertFaceError(await query(`recognitionModel=${model}&returnFaceAttributes=qualityForRecognition`), 400, 'BadArgument', INVALID_ATTRIBUTES);
      }
    });
  });

  it('answers landmarks with detection_02', async () => {
    await assertFaceError(await query('detectionModel=detection_02&returnFaceLandmarks=true'), 400, 'BadArgument', "'returnLandmarks' is not supported by detection_02.");
  });

  it('accepts detection_02 with returnFaceLandmarks=false', async () => {
    await okFaces(await query('detectionModel=detection_02&returnFaceLandmarks=false'));
  });

  describe('booleans', () => {
    it('accepts true/false in any casing', async () => {
      for (const value of ['true', 'True', 'TRUE', 'false', 'False']) await okFaces(await query(`returnFaceLandmarks=${value}`));
    });

    for (const name of ['returnFaceId', 'returnFaceLandmarks', 'returnRecognitionModel']) {
      it(`answers a non-boolean ${name}`, async () => {
        for (const value of ['1', 'yes', '']) {
          const response = await callDetect(emulator(), { query: `${name}=${value}` });
          await assertFaceError(response, 400, 'BadArgument', `Invalid argument ${name}.`);
        }
      });
    }
  });

  describe('faceIdTimeToLive', () => {
    it('accepts 60 and 86400', async () => {
      for (const ttl of [60, 86400]) await okFaces(await query(`faceIdTimeToLive=${ttl}`));
    });

    it('answers values outside 60..86400 or not whole numbers', async () => {
      for (const ttl of ['59', '86401', '0', '-60', '600.5', 'abc', '']) {
        await assertFaceError(await query(`faceIdTimeToLive=${ttl}`), 400, 'BadArgument', 'Invalid argument faceIdTimeToLive.');
      }
    });
  });
});

describe('emulator: faceId approval', () => {
  const emulator = useEmulator({ approvedForFaceId: false });

  it('refuses returnFaceId=true and an absent returnFaceId (the service default is true)', async () => {
    for (const q of ['returnFaceId=true', '', 'detectionModel=detection_03']) {
      await assertFaceError(await callDetect(emulator(), { query: q }), 403, 'UnsupportedFeature', MESSAGES.faceIdNotApproved);
    }
  });

  it('refuses it in every version', async () => {
    for (const version of ['v1.0', 'v1.1-preview.1', 'v1.2-preview.1', 'v1.2']) {
      await assertFaceError(await callDetect(emulator(), { version }), 403, 'UnsupportedFeature', MESSAGES.faceIdNotApproved);
    }
  });

  it('answers returnFaceId=false', async () => {
    await okFaces(await callDetect(emulator(), { query: 'returnFaceId=false' }));
  });
});
