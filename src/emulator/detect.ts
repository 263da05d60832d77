// The detect operation, rule by rule in the order the emulator applies them: auth, throttling,
// query, body, image, then the face source. Each broken rule throws its FaceApiError.
import type { IncomingHttpHeaders } from 'node:http';
import type { FaceDetectionResult } from '../core/contract';
import { checkAuth, type AuthPolicy } from './auth';
import { imageFromBody } from './body';
import type { FaceSource } from './faceSource';
import { checkImage } from './image';
import type { SlidingWindowLimiter } from './rateLimit';
import { shapeResponse } from './response';
import { detectRouteVersion } from './routes';
import { parseDetectQuery, type QueryPolicy } from './validation';

export interface DetectPolicy extends AuthPolicy, QueryPolicy {
  limiter?: SlidingWindowLimiter;
  faceSource: FaceSource;
}

export interface DetectRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function answerDetect(request: DetectRequest, policy: DetectPolicy): Promise<FaceDetectionResult[]> {
  const apiVersion = detectRouteVersion(request.method, request.url.pathname);
  checkAuth(request.headers, policy);
  policy.limiter?.admit(); // only authenticated calls count as transactions
  const options = parseDetectQuery(request.url.searchParams, apiVersion, policy);
  const image = await imageFromBody(request.headers['content-type'], request.body, apiVersion);
  const dimensions = checkImage(image);
  const faces = await policy.faceSource.detect(image, {
    detectionModel: options.detectionModel,
    landmarks: options.returnFaceLandmarks,
    attributes: options.returnFaceAttributes,
    recognitionModel: options.recognitionModel,
  });
  return shapeResponse(faces, options, dimensions);
}
