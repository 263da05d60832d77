// Builds the HTTP request for one detect call (FACTS §1): POST {endpoint}/face/{version}/detect with
// query parameters in a stable order, the image as octet-stream bytes or a JSON {url} body.
import { randomUUID } from 'node:crypto';
import type { DetectOptions, ImageSource } from './contract';
import { DEFAULT_API_VERSION } from './contract';
import { defaultAttributesFor } from './models';
import { redactSecrets } from './errors';

/** Our defaults. returnFaceId is false (the service default is true and needs Limited Access approval). */
export const DEFAULT_DETECT_OPTIONS: Readonly<DetectOptions> = Object.freeze({
  apiVersion: DEFAULT_API_VERSION,
  detectionModel: 'detection_03',
  recognitionModel: 'recognition_04',
  returnFaceId: false,
  returnFaceLandmarks: true,
  returnFaceAttributes: defaultAttributesFor('detection_03', DEFAULT_API_VERSION, 'recognition_04'),
  returnRecognitionModel: false,
});

/** What the body can carry: an image, or (v1.2-preview.1+) a liveness session image id. */
export type DetectBody = ImageSource | { kind: 'sessionImageId'; sessionImageId: string };

/** The credential as it goes on the wire; a token has already been acquired. */
export type WireCredential = { kind: 'key'; key: string } | { kind: 'bearer'; token: string };

export interface DetectRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | string;
  /** The client-request-id header value, to quote to Azure support. */
  requestId: string;
}

/**
 * Query parameters in the v1.2 spec order. returnFaceId is always explicit (the service default
 * is true); the others are sent only when they differ from the service default or matter.
 */
export function detectQueryParams(options: DetectOptions): Array<[string, string]> {
  const params: Array<[string, string]> = [
    ['detectionModel', options.detectionModel],
    ['recognitionModel', options.recognitionModel],
    ['returnFaceId', String(options.returnFaceId)],
  ];
  const attributes = [...new Set(options.returnFaceAttributes)];
  if (attributes.length) params.push(['returnFaceAttributes', attributes.join(',')]);
  if (options.returnFaceLandmarks) params.push(['returnFaceLandmarks', 'true']);
  if (options.returnRecognitionModel) params.push(['returnRecognitionModel', 'true']);
  if (options.returnFaceId && options.faceIdTimeToLive !== undefined) {
    params.push(['faceIdTimeToLive', String(options.faceIdTimeToLive)]);
  }
  return params;
}

/** `{endpoint}/face/{version}/detect?...`; the attribute list keeps a literal comma (csv collection format). */
export function buildDetectUrl(endpoint: string, options: DetectOptions): string {
  const query = detectQueryParams(options)
    .map(([k, v]) => `${k}=${v.split(',').map(encodeURIComponent).join(',')}`)
    .join('&');
  return `${endpoint.replace(/\/+$/, '')}/face/${encodeURIComponent(options.apiVersion)}/detect?${query}`;
}

export function buildDetectRequest(args: {
  endpoint: string;
  options: DetectOptions;
  body: DetectBody;
  credential: WireCredential;
  requestId?: string;
}): DetectRequest {
  const requestId = args.requestId ?? randomUUID();
  const headers: Record<string, string> = {
    accept: 'application/json',
    'client-request-id': requestId,
  };
  if (args.credential.kind === 'key') headers['ocp-apim-subscription-key'] = args.credential.key;
  else headers.authorization = `Bearer ${args.credential.token}`;

  let body: Uint8Array | string;
  const source = args.body;
  if (source.kind === 'bytes') {
    headers['content-type'] = 'application/octet-stream';
    body = source.bytes;
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(source.kind === 'url' ? { url: source.url } : { sessionImageId: source.sessionImageId });
  }
  return { method: 'POST', url: buildDetectUrl(args.endpoint, args.options), headers, body, requestId };
}

/** The secrets a request carries, for redactSecrets. */
export function requestSecrets(request: DetectRequest): string[] {
  const key = request.headers['ocp-apim-subscription-key'];
  const token = request.headers.authorization?.replace(/^Bearer /, '');
  return [key, token].filter((s): s is string => !!s);
}

/** A log-safe description: method, URL, headers with the key/token shown as ***, and the body size. */
export function describeRequest(request: DetectRequest): string {
  const headers = Object.entries(request.headers)
    .map(([k, v]) => `${k}: ${k === 'ocp-apim-subscription-key' ? '***' : k === 'authorization' ? 'Bearer ***' : v}`)
    .join('; ');
  const body = typeof request.body === 'string' ? `JSON ${request.body}` : `${request.body.length} bytes`;
  return redactSecrets(`${request.method} ${request.url} [${headers}] body: ${body}`, requestSecrets(request));
}
