// Every failure the core reports is a FaceApiError carrying ONE user-facing message: what happened
// (HTTP status, the service's code and message) and what to do about it. Secrets never get in.
import type { Problem } from './validate';
import { settingName, type NameOf } from './settings';

export type FaceApiErrorKind = 'validation' | 'service' | 'network' | 'timeout' | 'cancelled' | 'response';

export interface FaceApiErrorDetails {
  status?: number;
  /** The service's error code (inner code when the body nests one). */
  code?: string;
  serviceMessage?: string;
  requestId?: string;
  /** How many HTTP attempts were made before giving up. */
  attempts?: number;
  /** Validation problems, when kind is 'validation'. */
  problems?: Problem[];
}

export class FaceApiError extends Error implements FaceApiErrorDetails {
  readonly status?: number;
  readonly code?: string;
  readonly serviceMessage?: string;
  readonly requestId?: string;
  readonly attempts?: number;
  readonly problems?: Problem[];

  constructor(readonly kind: FaceApiErrorKind, message: string, details: FaceApiErrorDetails = {}) {
    super(message);
    this.name = 'FaceApiError';
    Object.assign(this, details);
  }
}

/** Replaces every occurrence of each secret (key, token) with ***. Apply to anything shown or logged. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

/** One line for any thrown value; FaceApiError messages are already user-ready. */
export function errorMessage(err: unknown, secrets: ReadonlyArray<string | undefined> = []): string {
  const text = err instanceof Error ? err.message : String(err);
  return redactSecrets(text, secrets);
}

/** Builds the 'validation' error for a list of problems (only errors; warnings don't block). */
export function validationError(problems: Problem[]): FaceApiError {
  const errors = problems.filter((p) => p.severity === 'error');
  const message = errors.length === 1
    ? errors[0].message
    : `${errors.length} problems: ${errors.map((p, i) => `(${i + 1}) ${p.message}`).join(' ')}`;
  return new FaceApiError('validation', message, { problems });
}

// ---------------------------------------------------------------------------------------------
// Service error bodies (FACTS §5.1). Tolerated shapes:
//   {error:{code,message}}            code may be a numeric string ("401", "429")
//   {error:{statusCode,message}}      older gateway
//   {error:{code,message,innererror:{code,message}}}
//   anything non-JSON (an HTML 502 page from a proxy or gateway)

export interface ServiceErrorBody {
  code?: string;
  message?: string;
  /** Outer code when an innererror carried the specific one, e.g. InvalidRequest. */
  outerCode?: string;
  /** Set when the body wasn't a JSON error object: a short plain-text excerpt. */
  nonJsonExcerpt?: string;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** A short, tag-free excerpt of an HTML or text body: the <title> if any, else the first words. */
function excerpt(text: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 120 ? `${plain.slice(0, 117)}...` : plain;
}

export function parseServiceErrorBody(bodyText: string): ServiceErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return { nonJsonExcerpt: excerpt(bodyText) };
  }
  const error = (json as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') {
    // e.g. {"message": "..."} from some gateways
    const message = str((json as { message?: unknown } | null)?.message);
    return message ? { message } : { nonJsonExcerpt: excerpt(bodyText) };
  }
  const e = error as Record<string, unknown>;
  const code = str(e.code) ?? str(e.statusCode);
  const message = str(e.message);
  const inner = e.innererror as Record<string, unknown> | undefined;
  const innerCode = inner && typeof inner === 'object' ? str(inner.code) : undefined;
  if (innerCode) {
    return { code: innerCode, message: str(inner!.message) ?? message, outerCode: code };
  }
  return { code, message };
}

export interface ServiceErrorInput {
  status: number;
  headers?: Record<string, string | string[] | undefined>;
  bodyText: string;
  requestId?: string;
  attempts?: number;
  auth?: 'key' | 'token';
  nameOf?: NameOf;
  secrets?: ReadonlyArray<string | undefined>;
}

/** Ends a quoted service message with punctuation so the fix reads as a new sentence. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

const header = (headers: ServiceErrorInput['headers'], name: string): string | undefined => {
  const v = headers?.[name] ?? headers?.[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/** Turns a non-200 response into one FaceApiError whose message names status, code, message and fix. */
export function serviceError(input: ServiceErrorInput): FaceApiError {
  const { status, attempts, requestId } = input;
  const nameOf = input.nameOf ?? settingName;
  const body = parseServiceErrorBody(input.bodyText);
  const code = body.code ?? header(input.headers, 'x-ms-error-code');
  const serviceMessage = body.message;

  const what = body.nonJsonExcerpt !== undefined
    ? `Azure Face request failed with HTTP ${status} and a non-JSON body (probably a proxy or gateway page, not the Face service)${body.nonJsonExcerpt ? `: "${body.nonJsonExcerpt}"` : ''}.`
    : `Azure Face returned HTTP ${status}${code && code !== String(status) ? ` ${code}` : ''}${body.outerCode ? ` (inside ${body.outerCode})` : ''}${serviceMessage ? `: ${sentence(serviceMessage)}` : '.'}`;
  const fix = fixFor(status, code ?? '', serviceMessage ?? '', nameOf, input.auth ?? 'key');
  const tries = attempts && attempts > 1 ? ` Gave up after ${attempts} attempts.` : '';
  const id = requestId ? ` (client-request-id ${requestId})` : '';
  const message = redactSecrets(`${what}${fix ? ` ${fix}` : ''}${tries}${id}`, input.secrets ?? []);
  return new FaceApiError('service', message, { status, code, serviceMessage, requestId, attempts });
}

/** The "what to do" sentence for a documented error (FACTS §5.2). */
export function fixFor(status: number, code: string, message: string, nameOf: NameOf, auth: 'key' | 'token'): string {
  const m = message.toLowerCase();
  const is = (c: string) => code.toLowerCase() === c.toLowerCase();
  switch (status) {
    case 400:
      if (is('InvalidImageSize')) return 'Use an image between 1 KB and 6 MB: resize it or save it with more compression.';
      if (is('InvalidImage')) return 'Use a JPEG, PNG, GIF or BMP file that opens in an image viewer; re-export it if it is damaged.';
      if (is('InvalidURL')) return 'The service could not download the image: make sure the URL is public and points to a JPEG, PNG, GIF or BMP file, or use a local file instead.';
      if (m.includes('detection_02')) return `detection_02 returns no attributes or landmarks: clear ${nameOf('returnFaceAttributes')} and turn off ${nameOf('returnFaceLandmarks')}, or set ${nameOf('detectionModel')} to detection_03.`;
      if (m.includes('returnfaceattributes')) return `Remove attributes your detection model does not compute from ${nameOf('returnFaceAttributes')}, or change ${nameOf('detectionModel')}.`;
      if (m.includes('detectionmodel')) return `Set ${nameOf('detectionModel')} to detection_01, detection_02 or detection_03.`;
      if (m.includes('recognitionmodel')) return `Set ${nameOf('recognitionModel')} to recognition_01 .. recognition_04.`;
      if (m.includes('facetimetolive') || m.includes('faceidtimetolive')) return `Set ${nameOf('faceIdTimeToLive')} to 60..86400 seconds.`;
      return `Check ${nameOf('apiVersion')}, ${nameOf('detectionModel')} and ${nameOf('returnFaceAttributes')}.`;
    case 401:
      return auth === 'token'
        ? `Check that your Microsoft Entra identity has the "Cognitive Services User" role on the Face resource and that ${nameOf('endpoint')} is its custom-subdomain endpoint (https://<resource>.cognitiveservices.azure.com).`
        : `Check ${nameOf('key')} and that ${nameOf('endpoint')} is the endpoint of the same Face resource (Azure portal > Keys and Endpoint).`;
    case 403:
      if (m.includes('quota')) return 'The resource has used up its call quota: wait until it is replenished (see the message) or move the resource to a paid tier (S0).';
      if (m.includes('deprecated') || m.includes('attribute')) return `Remove emotion, gender, age, smile, facialHair, hair and makeup from ${nameOf('returnFaceAttributes')}; age, smile, facialHair, hair and makeup need separate approval from Microsoft.`;
      if (is('UnsupportedFeature') || m.includes('approval')) return `Face ID needs Limited Access approval: turn off ${nameOf('returnFaceId')} (detection works without it), or apply at https://aka.ms/facerecognition.`;
      return `The resource is not allowed to use this feature: check its Limited Access approval (https://aka.ms/facerecognition) and ${nameOf('endpoint')}.`;
    case 404:
      return `Check ${nameOf('endpoint')} (only https://<host>) and ${nameOf('apiVersion')}: nothing answers /face/<version>/detect there.`;
    case 408:
      return 'The service timed out while processing the image: try again, or use a smaller image.';
    case 413:
      return 'The image is too large for the service: use one under 6 MB.';
    case 415:
      return 'The service did not accept the content type: use a JPEG, PNG, GIF or BMP image (if this persists, it is a Face Inspector bug).';
    case 429:
      return 'Rate limit exceeded (free F0 tier: 20 calls per minute; S0: 10 per second): wait the time the service asks and try again, or move to the S0 tier.';
    default:
      if (status >= 500) return 'The Face service (or a gateway in front of it) had a problem: try again in a minute; check https://azure.status.microsoft if it persists.';
      return '';
  }
}
