// Error responses of the Face detect contract (FACTS §5). Every documented message is quoted
// verbatim; the ones marked "inferred" have no documented wording for that exact condition.
import type { ServerResponse } from 'node:http';

export const EMULATOR_HEADER = 'x-face-emulator';

/** A contract error: thrown anywhere in request handling, answered by `sendError`. */
export class FaceApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const badArgument = (message: string): FaceApiError => new FaceApiError(400, 'BadArgument', message);

export const faceErrors = {
  // Inferred: the gateway's answer to an unknown path; no Face document quotes it.
  notFound: () => new FaceApiError(404, 'NotFound', 'Resource not found.'),
  unauthorized: () =>
    new FaceApiError(
      401,
      '401',
      'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    ),
  rateLimited: (waitSeconds: number, headers: Record<string, string>) =>
    new FaceApiError(429, '429', `Rate limit is exceeded. Try again in ${waitSeconds} seconds.`, headers),
  invalidMediaType: () => new FaceApiError(415, 'BadArgument', 'Invalid Media Type.'),
  jsonParsing: () => badArgument('JSON parsing error.'),
  invalidBody: () => badArgument('Request body is invalid.'),
  // Inferred wording: the real service accepts sessionImageId (liveness sessions) from v1.2-preview.1 on.
  sessionImageIdUnsupported: () =>
    badArgument('sessionImageId is not supported by this emulator (Face API contract emulator, not Azure).'),
  invalidUrl: () => new FaceApiError(400, 'InvalidURL', 'Invalid image URL.'),
  downloadFailed: () =>
    new FaceApiError(
      400,
      'InvalidURL',
      'Invalid image URL or error downloading from target server. Remote server error returned: "An error occurred while sending the request."',
    ),
  imageTooSmall: () => new FaceApiError(400, 'InvalidImageSize', 'Image size is too small.'),
  imageTooBig: () => new FaceApiError(400, 'InvalidImageSize', 'Image size is too big.'),
  undecodableImage: () => new FaceApiError(400, 'InvalidImage', 'Decoding error, image format unsupported.'),
  invalidDetectionModel: () => badArgument("'detectionModel' is invalid."),
  invalidRecognitionModel: () => badArgument("'recognitionModel' is invalid."),
  invalidAttributes: () => badArgument('Invalid argument returnFaceAttributes.'),
  // Inferred: booleans and faceIdTimeToLive have no documented message; this mirrors the attribute one.
  invalidArgument: (parameter: string) => badArgument(`Invalid argument ${parameter}.`),
  attributesWithDetection02: () => badArgument("'returnFaceAttributes' is not supported by detection_02."),
  // (sic) the documented message says returnLandmarks although the parameter is returnFaceLandmarks.
  landmarksWithDetection02: () => badArgument("'returnLandmarks' is not supported by detection_02."),
  deprecatedAttributes: () =>
    new FaceApiError(
      403,
      'UnsupportedFeature',
      'Return Attributes (emotion, gender, age, smile, facial hair, hair and makeup) have been deprecated and are no longer supported.',
    ),
  faceIdNotApproved: () =>
    new FaceApiError(
      403,
      'UnsupportedFeature',
      'Feature is not supported, missing approval for one or more of the following features: Identification, Verification.',
    ),
  // The emulator's own failures (not part of the Face contract).
  internal: (detail: string) =>
    new FaceApiError(500, 'InternalServerError', `Face API contract emulator internal error: ${detail}`),
};

/** The `code` a 5xx error body carries (inferred: Face documents no 5xx bodies). */
export function serverErrorCode(status: number): string {
  return status === 503 ? 'ServiceUnavailable' : status === 504 ? 'GatewayTimeout' : 'InternalServerError';
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** `{"error":{"code","message"}}` plus the `x-ms-error-code` header the v1.1+ spec declares. */
export function sendError(res: ServerResponse, error: FaceApiError): void {
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message } },
    { 'x-ms-error-code': error.code, ...error.headers },
  );
}
