// Builds DetectOptions from loosely-typed input (VS Code settings, CLI flags). Unset values take our
// defaults; unset attributes take the defaults OF THE CHOSEN MODEL, so switching to detection_01
// doesn't keep detection_03's list. Unknown names pass through: validateDetectOptions reports them.
import type { ApiVersion, DetectOptions, DetectionModel, FaceAttributeName, RecognitionModel } from './contract';
import { defaultAttributesFor } from './models';
import { DEFAULT_DETECT_OPTIONS } from './request';

export interface DetectOptionsInput {
  apiVersion?: string;
  detectionModel?: string;
  recognitionModel?: string;
  returnFaceId?: boolean;
  returnFaceLandmarks?: boolean;
  /** Array, comma-separated string, "none"/"" for no attributes, or undefined/"default" for the model's defaults. */
  returnFaceAttributes?: readonly string[] | string | null;
  returnRecognitionModel?: boolean;
  faceIdTimeToLive?: number | null;
}

export function buildDetectOptions(input: DetectOptionsInput = {}): DetectOptions {
  const d = DEFAULT_DETECT_OPTIONS;
  const apiVersion = (input.apiVersion || d.apiVersion) as ApiVersion;
  const detectionModel = (input.detectionModel || d.detectionModel) as DetectionModel;
  const recognitionModel = (input.recognitionModel || d.recognitionModel) as RecognitionModel;
  const options: DetectOptions = {
    apiVersion,
    detectionModel,
    recognitionModel,
    returnFaceId: input.returnFaceId ?? d.returnFaceId,
    // detection_02 has no landmarks: only an explicit "true" asks for them (and validation explains).
    returnFaceLandmarks: input.returnFaceLandmarks ?? (detectionModel === 'detection_02' ? false : d.returnFaceLandmarks),
    returnFaceAttributes: parseAttributes(input.returnFaceAttributes) ?? defaultAttributesFor(detectionModel, apiVersion, recognitionModel),
    returnRecognitionModel: input.returnRecognitionModel ?? d.returnRecognitionModel,
  };
  if (input.faceIdTimeToLive !== undefined && input.faceIdTimeToLive !== null) options.faceIdTimeToLive = input.faceIdTimeToLive;
  return options;
}

/** undefined = "use the model's defaults"; [] = none. */
function parseAttributes(value: DetectOptionsInput['returnFaceAttributes']): FaceAttributeName[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? value.split(',') : [...value];
  const names = list.map((s) => s.trim()).filter(Boolean);
  if (names.length === 1 && names[0].toLowerCase() === 'default') return undefined;
  if (names.length === 1 && names[0].toLowerCase() === 'none') return [];
  return [...new Set(names)] as FaceAttributeName[];
}
