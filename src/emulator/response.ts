// Shaping a 200 body (FACTS §3, §4.4-4.5): which fields a face carries, which faces, in what order.
import { randomUUID } from 'node:crypto';
import type { DetectOptions, FaceAttributes, FaceDetectionResult } from '../core/contract';
import type { ImageDimensions } from './image';

export const MAX_FACES = 100;
const MIN_FACE_PX = 36; // in an image no larger than 1920x1080; proportionally more in larger ones
const MAX_FACE_PX = 4096;

/**
 * The response faces: only those within the documented face-size limits, largest rectangle
 * first, at most 100, each with exactly the fields the request asked for. Attributes a source did
 * not compute are left out of the face rather than invented.
 */
export function shapeResponse(sourceFaces: FaceDetectionResult[], options: DetectOptions, image: ImageDimensions): FaceDetectionResult[] {
  const minFace = MIN_FACE_PX * Math.max(1, image.width / 1920, image.height / 1080);
  return sourceFaces
    .map((face) => ({ ...face, faceRectangle: integerRectangle(face.faceRectangle) }))
    .filter(({ faceRectangle: { width, height } }) => Math.max(width, height) >= minFace && Math.max(width, height) <= MAX_FACE_PX)
    .sort((a, b) => area(b) - area(a))
    .slice(0, MAX_FACES)
    .map((face) => shapeFace(face, options));
}

function shapeFace(face: FaceDetectionResult, options: DetectOptions): FaceDetectionResult {
  // Built in the official examples' key order: faceId, recognitionModel, faceRectangle, ...
  const shaped: Partial<FaceDetectionResult> = {};
  if (options.returnFaceId) shaped.faceId = randomUUID();
  // v1.2 documents returnRecognitionModel as "only applicable when returnFaceId = true".
  const recognitionModelApplies = options.apiVersion !== 'v1.2' || options.returnFaceId;
  if (options.returnRecognitionModel && recognitionModelApplies) shaped.recognitionModel = options.recognitionModel;
  shaped.faceRectangle = face.faceRectangle;
  if (options.returnFaceLandmarks && face.faceLandmarks) shaped.faceLandmarks = face.faceLandmarks;
  if (options.returnFaceAttributes.length > 0) shaped.faceAttributes = pickAttributes(face.faceAttributes ?? {}, options.returnFaceAttributes);
  return shaped as FaceDetectionResult;
}

function pickAttributes(computed: FaceAttributes, requested: readonly string[]): FaceAttributes {
  return Object.fromEntries(requested.filter((name) => computed[name] !== undefined).map((name) => [name, computed[name]]));
}

const area = (face: FaceDetectionResult): number => face.faceRectangle.width * face.faceRectangle.height;

/** Rectangles are int32 in the contract, whatever a source computed. */
function integerRectangle({ top, left, width, height }: FaceDetectionResult['faceRectangle']): FaceDetectionResult['faceRectangle'] {
  return { top: Math.round(top), left: Math.round(left), width: Math.round(width), height: Math.round(height) };
}
