// Query-parameter rules of detect (FACTS §1.3, §4.2, §4.3, §5.2).
import {
  DETECTION_MODELS,
  RECOGNITION_MODELS,
  type ApiVersion,
  type DetectionModel,
  type DetectOptions,
  type FaceAttributeName,
  type RecognitionModel,
} from '../core/contract';
import { faceErrors } from './errors';
import { isOneOf } from './guards';

/**
 * Retired (emotion, gender) and limited-access (age, smile, facialHair, hair, makeup) attributes.
 * Decision: refused with the documented 403 in every version, v1.0 included. The v1.0 spec still
 * lists them, but the retirement is a service-wide policy (FACTS §3.4), not a per-version one.
 */
const DEPRECATED_ATTRIBUTES: ReadonlySet<string> = new Set(['emotion', 'gender', 'age', 'smile', 'facialHair', 'hair', 'makeup']);

/**
 * What each detection model computes. Sources disagree for detection_03 (FACTS §4.2); this follows
 * the newest docs table (specify-detection-model.md, 2026-01-30). detection_02 computes none and has
 * its own documented message. Asking for one a model lacks is 400 "Invalid argument
 * returnFaceAttributes." (inferred: the documented generic message).
 */
const ATTRIBUTES_BY_MODEL: Record<Exclude<DetectionModel, 'detection_02'>, ReadonlySet<FaceAttributeName>> = {
  detection_01: new Set(['accessories', 'blur', 'exposure', 'glasses', 'headPose', 'noise', 'occlusion', 'qualityForRecognition']),
  detection_03: new Set(['blur', 'exposure', 'glasses', 'headPose', 'mask', 'occlusion', 'qualityForRecognition']),
};
const KNOWN_ATTRIBUTES: ReadonlySet<string> = new Set([...ATTRIBUTES_BY_MODEL.detection_01, ...ATTRIBUTES_BY_MODEL.detection_03]);

/** qualityForRecognition needs recognition_03 or _04 (FACTS §4.2); otherwise 400 (inferred). */
const QUALITY_RECOGNITION_MODELS: ReadonlySet<RecognitionModel> = new Set(['recognition_03', 'recognition_04']);

const FACE_ID_TTL_RANGE = { min: 60, max: 86400 };

export interface QueryPolicy {
  approvedForFaceId: boolean;
}

/**
 * Parses and checks the query of a detect request; throws the contract's error for the first rule
 * broken. Values are case-sensitive as the spec lists them (`detection_03`), booleans excepted.
 * A parameter given twice is refused (inferred): the documented wire form is one value, and for
 * returnFaceAttributes one comma-separated value, not a repeated (exploded) parameter.
 */
export function parseDetectQuery(query: URLSearchParams, apiVersion: ApiVersion, policy: QueryPolicy): DetectOptions {
  const single = (name: string): string | undefined => {
    const values = query.getAll(name);
    if (values.length > 1) throw faceErrors.invalidArgument(name);
    return values[0];
  };

  const detectionModel = oneOf(single('detectionModel') ?? 'detection_01', DETECTION_MODELS, faceErrors.invalidDetectionModel);
  const recognitionModel = oneOf(single('recognitionModel') ?? 'recognition_01', RECOGNITION_MODELS, faceErrors.invalidRecognitionModel);
  const returnFaceId = parseBoolean('returnFaceId', single('returnFaceId'), true); // the service's default is true
  const returnFaceLandmarks = parseBoolean('returnFaceLandmarks', single('returnFaceLandmarks'), false);
  const returnRecognitionModel = parseBoolean('returnRecognitionModel', single('returnRecognitionModel'), false);
  const faceIdTimeToLive = parseTimeToLive(single('faceIdTimeToLive'));
  const returnFaceAttributes = parseAttributes(single('returnFaceAttributes'), detectionModel, recognitionModel);

  if (detectionModel === 'detection_02' && returnFaceLandmarks) throw faceErrors.landmarksWithDetection02();
  // Because returnFaceId defaults to true, an unapproved resource that omits it is refused too.
  if (returnFaceId && !policy.approvedForFaceId) throw faceErrors.faceIdNotApproved();

  return {
    apiVersion,
    detectionModel,
    recognitionModel,
    returnFaceId,
    returnFaceLandmarks,
    returnFaceAttributes,
    returnRecognitionModel,
    faceIdTimeToLive,
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], error: () => Error): T {
  if (!isOneOf(value, allowed)) throw error();
  return value;
}

/** `true`/`false` in any casing (the SDKs send lower case); anything else is 400 (inferred). */
function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw faceErrors.invalidArgument(name);
  return lower === 'true';
}

/** Whole seconds within 60..86400 (spec min/max); outside is 400 (inferred, no documented message). */
function parseTimeToLive(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= FACE_ID_TTL_RANGE.min && seconds <= FACE_ID_TTL_RANGE.max)) throw faceErrors.invalidArgument('faceIdTimeToLive');
  return seconds;
}

/**
 * `returnFaceAttributes` is one csv value. URLSearchParams has already URL-decoded it, so both
 * `headPose,mask` and `headPose%2Cmask` (older JS core) arrive as the same string. An empty value
 * means none. Names are not trimmed: `headPose, mask` is a client bug, answered like an unknown name.
 */
function parseAttributes(
  value: string | undefined,
  detectionModel: DetectionModel,
  recognitionModel: RecognitionModel,
): FaceAttributeName[] {
  if (!value) return [];
  const names = value.split(',');
  if (names.some((name) => !KNOWN_ATTRIBUTES.has(name) && !DEPRECATED_ATTRIBUTES.has(name))) throw faceErrors.invalidAttributes();
  if (names.some((name) => DEPRECATED_ATTRIBUTES.has(name))) throw faceErrors.deprecatedAttributes();
  if (detectionModel === 'detection_02') throw faceErrors.attributesWithDetection02();
  const supported = ATTRIBUTES_BY_MODEL[detectionModel];
  if (names.some((name) => !supported.has(name as FaceAttributeName))) throw faceErrors.invalidAttributes();
  if (names.includes('qualityForRecognition') && !QUALITY_RECOGNITION_MODELS.has(recognitionModel)) throw faceErrors.invalidAttributes();
  return [...new Set(names)] as FaceAttributeName[];
}
