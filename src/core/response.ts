// Turns a detect response into FaceDetectionResult[] or a FaceApiError. A 200 body is checked face by
// face: a malformed face is never passed on (views would draw garbage), while unknown attributes and
// unknown enum values are kept (newer services add them; FACTS §3.5).
import type { FaceDetectionResult } from './contract';
import { LANDMARK_NAMES } from './contract';
import { FaceApiError, serviceError, type ServiceErrorInput } from './errors';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
}

/** Like the Azure REST client: one typed union, narrowed with isUnexpected. */
export type DetectResponse =
  | { status: 200; faces: FaceDetectionResult[] }
  | { status: number; error: FaceApiError };

export function isUnexpected(response: DetectResponse): response is { status: number; error: FaceApiError } {
  return response.status !== 200 || 'error' in response;
}

export function interpretResponse(raw: RawResponse, context: Omit<ServiceErrorInput, 'status' | 'headers' | 'bodyText'> = {}): DetectResponse {
  if (raw.status !== 200) {
    return { status: raw.status, error: serviceError({ ...context, status: raw.status, headers: raw.headers, bodyText: raw.bodyText }) };
  }
  try {
    return { status: 200, faces: parseDetectBody(raw.bodyText) };
  } catch (e) {
    const error = e as FaceApiError;
    const id = context.requestId ? ` (client-request-id ${context.requestId})` : '';
    return { status: 200, error: new FaceApiError('response', `${error.message}${id}`, { status: 200, requestId: context.requestId }) };
  }
}

/** Parses a 200 body; throws FaceApiError('response') naming the first malformed field. */
export function parseDetectBody(bodyText: string): FaceDetectionResult[] {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    const start = bodyText.slice(0, 60).replace(/\s+/g, ' ');
    throw new FaceApiError('response', `Azure Face returned HTTP 200 but the body is not valid JSON (starts with "${start}"): try again; if it persists, a proxy may be altering responses.`);
  }
  return validateFaces(json);
}

export function validateFaces(json: unknown): FaceDetectionResult[] {
  if (!Array.isArray(json)) {
    throw malformed('the body', json, 'a JSON array of faces');
  }
  return json.map((face, i) => validateFace(face, `faces[${i}]`));
}

// --- shape checking -----------------------------------------------------------------------------

/** A tiny schema language: primitive names, nested objects, arrays and string-keyed records. */
type Shape = 'number' | 'boolean' | 'string' | { [key: string]: Shape } | { arrayOf: Shape } | { recordOf: Shape };

const LEVEL = (levelKey: string): Shape => ({ [levelKey]: 'string', value: 'number' });

/** Known attribute shapes (FACTS §3.4). Attributes not listed here are kept unchecked. */
const ATTRIBUTE_SHAPES: Record<string, Shape> = {
  headPose: { pitch: 'number', roll: 'number', yaw: 'number' },
  glasses: 'string',
  occlusion: { foreheadOccluded: 'boolean', eyeOccluded: 'boolean', mouthOccluded: 'boolean' },
  accessories: { arrayOf: { type: 'string', confidence: 'number' } },
  blur: LEVEL('blurLevel'),
  exposure: LEVEL('exposureLevel'),
  noise: LEVEL('noiseLevel'),
  mask: { noseAndMouthCovered: 'boolean', type: 'string' },
  qualityForRecognition: 'string',
  age: 'number',
  smile: 'number',
  facialHair: { moustache: 'number', beard: 'number', sideburns: 'number' },
  hair: { bald: 'number', invisible: 'boolean', hairColor: { arrayOf: { color: 'string', confidence: 'number' } } },
  gender: 'string',
  emotion: { recordOf: 'number' },
  makeup: { eyeMakeup: 'boolean', lipMakeup: 'boolean' },
};

const POINT: Shape = { x: 'number', y: 'number' };
const RECTANGLE: Shape = { top: 'number', left: 'number', width: 'number', height: 'number' };

function validateFace(face: unknown, path: string): FaceDetectionResult {
  if (!isObject(face)) throw malformed(path, face, 'an object');
  check(face.faceRectangle, RECTANGLE, `${path}.faceRectangle`);
  for (const key of ['faceId', 'recognitionModel'] as const) {
    if (face[key] !== undefined) check(face[key], 'string', `${path}.${key}`);
  }
  if (face.faceLandmarks !== undefined) {
    const landmarks = face.faceLandmarks;
    if (!isObject(landmarks)) throw malformed(`${path}.faceLandmarks`, landmarks, 'an object');
    for (const name of LANDMARK_NAMES) check(landmarks[name], POINT, `${path}.faceLandmarks.${name}`);
  }
  if (face.faceAttributes !== undefined) {
    const attributes = face.faceAttributes;
    if (!isObject(attributes)) throw malformed(`${path}.faceAttributes`, attributes, 'an object');
    for (const [name, value] of Object.entries(attributes)) {
      const shape = ATTRIBUTE_SHAPES[name];
      if (shape) check(value, shape, `${path}.faceAttributes.${name}`);
    }
  }
  return face as unknown as FaceDetectionResult;
}

function check(value: unknown, shape: Shape, path: string): void {
  if (typeof shape === 'string') {
    const ok = shape === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === shape;
    if (!ok) throw malformed(path, value, `a ${shape}`);
  } else if ('arrayOf' in shape && Object.keys(shape).length === 1) {
    if (!Array.isArray(value)) throw malformed(path, value, 'an array');
    value.forEach((item, i) => check(item, shape.arrayOf as Shape, `${path}[${i}]`));
  } else if ('recordOf' in shape && Object.keys(shape).length === 1) {
    if (!isObject(value)) throw malformed(path, value, 'an object');
    for (const [k, v] of Object.entries(value)) check(v, shape.recordOf as Shape, `${path}.${k}`);
  } else {
    if (!isObject(value)) throw malformed(path, value, 'an object');
    for (const [k, s] of Object.entries(shape as Record<string, Shape>)) check(value[k], s, `${path}.${k}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value) ?? String(value);
  return `${json.length > 40 ? `${json.slice(0, 37)}...` : json}`;
}

function malformed(path: string, value: unknown, expected: string): FaceApiError {
  const got = value === undefined ? 'is missing' : `is ${describe(value)}`;
  return new FaceApiError('response', `Azure Face returned a malformed result: ${path} ${got}, expected ${expected}. The faces were not shown; try again, and report it if it persists.`);
}
