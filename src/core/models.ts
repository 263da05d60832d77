// Which attributes each API version accepts and each detection model computes (FACTS §1.3, §3.4, §4).
//
// FACTS §4.2 conflict — detection_03. The 2026 docs list blur, exposure, glasses, headPose, mask,
// occlusion, qualityForRecognition; the Python SDK helper enum lists only blur, headPose, mask
// (older docs: "mask and headPose only"). We split them in two tiers:
//   - `certain`: every recent source agrees  -> used for defaults, never warned about;
//   - `disputed`: only some sources list it  -> allowed (we don't block what the current docs
//     promise) but validation warns that the service may reject it.
// So detection_03 defaults to headPose, mask, blur, qualityForRecognition, a request that every
// source says will succeed.
import type { ApiVersion, DetectionModel, FaceAttributeName, RecognitionModel } from './contract';
import { FACE_ATTRIBUTES } from './contract';

/** Removed for everyone (FACTS §3.4): the service answers 403 UnsupportedFeature. */
export const RETIRED_ATTRIBUTES: readonly FaceAttributeName[] = ['emotion', 'gender'];
/** Need a separate Limited Access approval (FACTS §3.4, §4.3); 403 without it. */
export const LIMITED_ATTRIBUTES: readonly FaceAttributeName[] = ['age', 'smile', 'facialHair', 'hair', 'makeup'];

const V1_1_ATTRIBUTES: readonly FaceAttributeName[] = [
  'headPose', 'glasses', 'occlusion', 'accessories', 'blur', 'exposure', 'noise', 'mask', 'qualityForRecognition',
];
const V1_2_ATTRIBUTES: readonly FaceAttributeName[] = [...V1_1_ATTRIBUTES, 'age', 'smile', 'facialHair', 'hair'];

/** The `returnFaceAttributes` values each version's spec accepts. */
export const ATTRIBUTES_BY_VERSION: Record<ApiVersion, readonly FaceAttributeName[]> = {
  'v1.0': FACE_ATTRIBUTES, // legacy: all 16, including the now retired ones
  'v1.1-preview.1': V1_1_ATTRIBUTES,
  'v1.2-preview.1': V1_2_ATTRIBUTES,
  'v1.2': V1_2_ATTRIBUTES,
};

interface ModelSupport {
  landmarks: boolean;
  certain: readonly FaceAttributeName[];
  disputed: readonly FaceAttributeName[];
}

export const DETECTION_MODEL_SUPPORT: Record<DetectionModel, ModelSupport> = {
  // Everything except mask; the limited/retired ones were detection_01-only in v1.0.
  detection_01: {
    landmarks: true,
    certain: FACE_ATTRIBUTES.filter((a) => a !== 'mask'),
    disputed: [],
  },
  // Better at small/side faces, but returns neither attributes nor landmarks.
  detection_02: { landmarks: false, certain: [], disputed: [] },
  detection_03: {
    landmarks: true,
    certain: ['headPose', 'mask', 'blur', 'qualityForRecognition'],
    disputed: ['exposure', 'glasses', 'occlusion'],
  },
};

/** qualityForRecognition is only computed with these recognition models (FACTS §4.2). */
export const QUALITY_RECOGNITION_MODELS: readonly RecognitionModel[] = ['recognition_03', 'recognition_04'];

export type AttributeSupport = 'yes' | 'disputed' | 'no';

export function attributeSupport(model: DetectionModel, attribute: FaceAttributeName): AttributeSupport {
  const support = DETECTION_MODEL_SUPPORT[model];
  if (!support) return 'no';
  if (support.certain.includes(attribute)) return 'yes';
  return support.disputed.includes(attribute) ? 'disputed' : 'no';
}

export function versionAccepts(version: ApiVersion, attribute: FaceAttributeName): boolean {
  return (ATTRIBUTES_BY_VERSION[version] ?? []).includes(attribute);
}

export function isRestricted(attribute: string): boolean {
  return (RETIRED_ATTRIBUTES as readonly string[]).includes(attribute) ||
    (LIMITED_ATTRIBUTES as readonly string[]).includes(attribute);
}

/**
 * The attributes to request by default: what the model certainly computes and the version accepts,
 * minus limited/retired ones (which fail with 403 for most resources) and minus qualityForRecognition
 * when the recognition model can't produce it.
 */
export function defaultAttributesFor(
  detectionModel: DetectionModel,
  version: ApiVersion,
  recognitionModel: RecognitionModel = 'recognition_04',
): FaceAttributeName[] {
  return FACE_ATTRIBUTES.filter((a) =>
    attributeSupport(detectionModel, a) === 'yes' &&
    versionAccepts(version, a) &&
    !isRestricted(a) &&
    (a !== 'qualityForRecognition' || QUALITY_RECOGNITION_MODELS.includes(recognitionModel)),
  );
}
