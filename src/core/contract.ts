// The Face detect contract: the types of what goes over the wire, for every API version.
// Source of truth: ../shared/face-api/FACTS.md (sections 1, 3, 4). Enum-typed fields are
// `string` at run time: the service's casing varies (NoGlasses vs noGlasses), and unknown
// values are kept rather than dropped. Compare them with `sameEnum` (see enums.ts).

export const API_VERSIONS = ['v1.0', 'v1.1-preview.1', 'v1.2-preview.1', 'v1.2'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = 'v1.2';

export const DETECTION_MODELS = ['detection_01', 'detection_02', 'detection_03'] as const;
export type DetectionModel = (typeof DETECTION_MODELS)[number];

export const RECOGNITION_MODELS = ['recognition_01', 'recognition_02', 'recognition_03', 'recognition_04'] as const;
export type RecognitionModel = (typeof RECOGNITION_MODELS)[number];

/** Every attribute name any version has accepted in `returnFaceAttributes`. */
export const FACE_ATTRIBUTES = [
  'headPose', 'glasses', 'occlusion', 'accessories', 'blur', 'exposure', 'noise', 'mask',
  'qualityForRecognition', 'age', 'smile', 'facialHair', 'hair', 'gender', 'emotion', 'makeup',
] as const;
export type FaceAttributeName = (typeof FACE_ATTRIBUTES)[number];

/** The 27 landmarks, in the documented order. "Left" is image-left, as in Azure's samples. */
export const LANDMARK_NAMES = [
  'pupilLeft', 'pupilRight', 'noseTip', 'mouthLeft', 'mouthRight',
  'eyebrowLeftOuter', 'eyebrowLeftInner', 'eyeLeftOuter', 'eyeLeftTop', 'eyeLeftBottom', 'eyeLeftInner',
  'eyebrowRightInner', 'eyebrowRightOuter', 'eyeRightInner', 'eyeRightTop', 'eyeRightBottom', 'eyeRightOuter',
  'noseRootLeft', 'noseRootRight', 'noseLeftAlarTop', 'noseRightAlarTop', 'noseLeftAlarOutTip', 'noseRightAlarOutTip',
  'upperLipTop', 'upperLipBottom', 'underLipTop', 'underLipBottom',
] as const;
export type LandmarkName = (typeof LANDMARK_NAMES)[number];

export interface Point { x: number; y: number }
export type FaceLandmarks = Record<LandmarkName, Point>;

export interface FaceRectangle { top: number; left: number; width: number; height: number }

export interface HeadPose { pitch: number; roll: number; yaw: number }
export interface LevelValue<L extends string> { value: number; level: L }

export interface FaceAttributes {
  headPose?: HeadPose;
  /** noGlasses | readingGlasses | sunglasses | swimmingGoggles (any casing) */
  glasses?: string;
  occlusion?: { foreheadOccluded: boolean; eyeOccluded: boolean; mouthOccluded: boolean };
  /** type: headwear | glasses | mask (any casing) */
  accessories?: Array<{ type: string; confidence: number }>;
  /** blurLevel: low | medium | high */
  blur?: { blurLevel: string; value: number };
  /** exposureLevel: underExposure | goodExposure | overExposure */
  exposure?: { exposureLevel: string; value: number };
  /** noiseLevel: low | medium | high */
  noise?: { noiseLevel: string; value: number };
  /** type: faceMask | noMask | otherMaskOrOcclusion | uncertain */
  mask?: { noseAndMouthCovered: boolean; type: string };
  /** low | medium | high */
  qualityForRecognition?: string;
  // Limited-access / retired attributes (v1.0 and some v1.2 resources).
  age?: number;
  smile?: number;
  facialHair?: { moustache: number; beard: number; sideburns: number };
  hair?: { bald: number; invisible: boolean; hairColor: Array<{ color: string; confidence: number }> };
  gender?: string;
  emotion?: Record<string, number>;
  makeup?: { eyeMakeup: boolean; lipMakeup: boolean };
  /** Unknown attributes a newer service returns are kept as they came. */
  [other: string]: unknown;
}

export interface FaceDetectionResult {
  faceId?: string;
  recognitionModel?: string;
  faceRectangle: FaceRectangle;
  faceLandmarks?: FaceLandmarks;
  faceAttributes?: FaceAttributes;
}

/** The options of one detect call: one field per query parameter. */
export interface DetectOptions {
  apiVersion: ApiVersion;
  detectionModel: DetectionModel;
  recognitionModel: RecognitionModel;
  returnFaceId: boolean;
  returnFaceLandmarks: boolean;
  /** Empty = none requested. */
  returnFaceAttributes: FaceAttributeName[];
  returnRecognitionModel: boolean;
  /** Seconds, 60..86400; only sent when returnFaceId is true. */
  faceIdTimeToLive?: number;
}

/** Where an image comes from: its bytes (octet-stream body) or a URL the service fetches (JSON body). */
export type ImageSource =
  | { kind: 'bytes'; bytes: Uint8Array; name?: string }
  | { kind: 'url'; url: string };
