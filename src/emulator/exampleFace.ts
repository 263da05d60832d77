// The face of the official v1.2 detect example, verbatim: specification/ai/Face/examples/v1.2/Detect.json
// in Azure/azure-rest-api-specs (copy at ../shared/face-api/examples/tsp/v1.2/Detect.json; a test
// checks the two still agree). Kept in code so the emulator runs without the shared folder.
// Quirk kept on purpose: eyebrowRightInner/Outer have x = 4.8 / 5.5, far outside the rectangle.
import type { FaceDetectionResult } from '../core/contract';

export const EXAMPLE_FACE: Readonly<Required<Pick<FaceDetectionResult, 'faceRectangle' | 'faceLandmarks' | 'faceAttributes'>>> = {
  faceRectangle: { width: 78, height: 78, left: 394, top: 54 },
  faceLandmarks: {
    pupilLeft: { x: 412.7, y: 78.4 },
    pupilRight: { x: 446.8, y: 74.2 },
    noseTip: { x: 437.7, y: 92.4 },
    mouthLeft: { x: 417.8, y: 114.4 },
    mouthRight: { x: 451.3, y: 109.3 },
    eyebrowLeftOuter: { x: 397.9, y: 78.5 },
    eyebrowLeftInner: { x: 425.4, y: 70.5 },
    eyeLeftOuter: { x: 406.7, y: 80.6 },
    eyeLeftTop: { x: 412.2, y: 76.2 },
    eyeLeftBottom: { x: 413.0, y: 80.1 },
    eyeLeftInner: { x: 418.9, y: 78.0 },
    eyebrowRightInner: { x: 4.8, y: 69.7 },
    eyebrowRightOuter: { x: 5.5, y: 68.5 },
    eyeRightInner: { x: 441.5, y: 75.0 },
    eyeRightTop: { x: 446.4, y: 71.7 },
    eyeRightBottom: { x: 447.0, y: 75.3 },
    eyeRightOuter: { x: 451.7, y: 73.4 },
    noseRootLeft: { x: 428.0, y: 77.1 },
    noseRootRight: { x: 435.8, y: 75.6 },
    noseLeftAlarTop: { x: 428.3, y: 89.7 },
    noseRightAlarTop: { x: 442.2, y: 87.0 },
    noseLeftAlarOutTip: { x: 424.3, y: 96.4 },
    noseRightAlarOutTip: { x: 446.6, y: 92.5 },
    upperLipTop: { x: 437.6, y: 105.9 },
    upperLipBottom: { x: 437.6, y: 108.2 },
    underLipTop: { x: 436.8, y: 111.4 },
    underLipBottom: { x: 437.3, y: 114.5 },
  },
  faceAttributes: {
    glasses: 'sunglasses',
    headPose: { roll: 2.1, yaw: 3, pitch: 1.6 },
    occlusion: { foreheadOccluded: false, eyeOccluded: false, mouthOccluded: false },
    accessories: [
      { type: 'headwear', confidence: 0.99 },
      { type: 'glasses', confidence: 1.0 },
      { type: 'mask', confidence: 0.87 },
    ],
    blur: { blurLevel: 'medium', value: 0.51 },
    exposure: { exposureLevel: 'goodExposure', value: 0.55 },
    noise: { noiseLevel: 'low', value: 0.12 },
    qualityForRecognition: 'high',
  },
};
