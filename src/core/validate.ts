// Checks run BEFORE anything is uploaded: detect options against the model rules (models.ts) and the
// endpoint URL. Each problem says what to change, naming the setting through `nameOf`.
import type { DetectOptions, FaceAttributeName } from './contract';
import { API_VERSIONS, DETECTION_MODELS, FACE_ATTRIBUTES, RECOGNITION_MODELS } from './contract';
import {
  DETECTION_MODEL_SUPPORT, LIMITED_ATTRIBUTES, QUALITY_RECOGNITION_MODELS, RETIRED_ATTRIBUTES,
  attributeSupport, versionAccepts,
} from './models';
import { settingName, type NameOf, type SettingField } from './settings';

export interface Problem {
  /** 'error' blocks the request; 'warning' is shown but the request still goes out. */
  severity: 'error' | 'warning';
  /** The setting to change, when there is one (image problems have none). */
  field?: SettingField;
  message: string;
}

export const FACE_ID_TTL_RANGE = { min: 60, max: 86400 } as const;

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

const list = (values: readonly string[]) => values.join(', ');

export function validateDetectOptions(options: DetectOptions, nameOf: NameOf = settingName): Problem[] {
  const problems: Problem[] = [];
  const error = (field: SettingField, message: string) => problems.push({ severity: 'error', field, message });
  const warn = (field: SettingField, message: string) => problems.push({ severity: 'warning', field, message });
  const { apiVersion, detectionModel, recognitionModel } = options;

  if (!API_VERSIONS.includes(apiVersion)) {
    error('apiVersion', `API version "${apiVersion}" is unknown: set ${nameOf('apiVersion')} to one of ${list(API_VERSIONS)}.`);
  }
  if (!DETECTION_MODELS.includes(detectionModel)) {
    error('detectionModel', `Detection model "${detectionModel}" is unknown: set ${nameOf('detectionModel')} to one of ${list(DETECTION_MODELS)}.`);
  }
  if (!RECOGNITION_MODELS.includes(recognitionModel)) {
    error('recognitionModel', `Recognition model "${recognitionModel}" is unknown: set ${nameOf('recognitionModel')} to one of ${list(RECOGNITION_MODELS)}.`);
  }
  if (hasErrors(problems)) return problems; // the model rules below need known names

  const attrs = [...new Set(options.returnFaceAttributes)];
  const support = DETECTION_MODEL_SUPPORT[detectionModel];

  if (detectionModel === 'detection_02') {
    if (attrs.length > 0) {
      error('returnFaceAttributes', `detection_02 returns no attributes: clear ${nameOf('returnFaceAttributes')} or set ${nameOf('detectionModel')} to detection_01 or detection_03.`);
    }
  } else {
    for (const attr of attrs) checkAttribute(attr);
  }
  if (options.returnFaceLandmarks && !support.landmarks) {
    error('returnFaceLandmarks', `${detectionModel} returns no landmarks: turn off ${nameOf('returnFaceLandmarks')} or set ${nameOf('detectionModel')} to detection_01 or detection_03.`);
  }

  if (options.returnFaceId && options.faceIdTimeToLive !== undefined) {
    const ttl = options.faceIdTimeToLive;
    const { min, max } = FACE_ID_TTL_RANGE;
    if (!Number.isInteger(ttl) || ttl < min || ttl > max) {
      error('faceIdTimeToLive', `Face ID time to live ${ttl} is out of range: set ${nameOf('faceIdTimeToLive')} to a whole number of seconds from ${min} to ${max}.`);
    }
  }
  if (options.returnRecognitionModel && !options.returnFaceId) {
    warn('returnRecognitionModel', `The service only returns the recognition model together with a face ID: ${nameOf('returnRecognitionModel')} has no effect while ${nameOf('returnFaceId')} is off.`);
  }
  return problems;

  function checkAttribute(attr: FaceAttributeName): void {
    if (!(FACE_ATTRIBUTES as readonly string[]).includes(attr)) {
      error('returnFaceAttributes', `"${attr}" is not a Face attribute: remove it from ${nameOf('returnFaceAttributes')} (known: ${list(FACE_ATTRIBUTES)}).`);
    } else if (RETIRED_ATTRIBUTES.includes(attr)) {
      error('returnFaceAttributes', `"${attr}" was retired by Microsoft and the service rejects it (403): remove it from ${nameOf('returnFaceAttributes')}.`);
    } else if (!versionAccepts(apiVersion, attr)) {
      error('returnFaceAttributes', `API ${apiVersion} does not accept "${attr}": remove it from ${nameOf('returnFaceAttributes')} or set ${nameOf('apiVersion')} to v1.2.`);
    } else if (attr === 'qualityForRecognition' && !QUALITY_RECOGNITION_MODELS.includes(recognitionModel)) {
      error('returnFaceAttributes', `qualityForRecognition needs recognition_03 or recognition_04: set ${nameOf('recognitionModel')} to recognition_04 or remove qualityForRecognition from ${nameOf('returnFaceAttributes')}.`);
    } else {
      checkModelSupport(attr);
    }
  }

  function checkModelSupport(attr: FaceAttributeName): void {
    const supported = attributeSupport(detectionModel, attr);
    if (supported === 'no') {
      const others = DETECTION_MODELS.filter((m) => attributeSupport(m, attr) === 'yes');
      const alternative = others.length ? ` or set ${nameOf('detectionModel')} to ${others.join(' or ')}` : '';
      error('returnFaceAttributes', `${detectionModel} does not compute "${attr}": remove it from ${nameOf('returnFaceAttributes')}${alternative}.`);
    } else if (supported === 'disputed') {
      warn('returnFaceAttributes', `Microsoft's sources disagree whether ${detectionModel} computes "${attr}"; if the service rejects the request, remove it from ${nameOf('returnFaceAttributes')}.`);
    } else if (LIMITED_ATTRIBUTES.includes(attr)) {
      warn('returnFaceAttributes', `"${attr}" is a Limited Access attribute: without Microsoft's approval the service answers 403; remove it from ${nameOf('returnFaceAttributes')} if that happens.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Endpoint

export interface EndpointCheck {
  /** `scheme://host[:port]`, no trailing slash; undefined when the endpoint is unusable. */
  endpoint?: string;
  problems: Problem[];
}

const EXAMPLE_ENDPOINT = 'https://<resource>.cognitiveservices.azure.com';

/** localhost, 127.0.0.0/8 and [::1]: the only hosts where plain http is allowed (emulator, local proxies). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Validates and normalises the endpoint: https only (http only on loopback), no credentials, query or
 * fragment, and no path — except a pasted "/face/v1.2" or "/face/v1.2/detect", which is stripped with
 * a warning. With Entra ID auth, regional endpoints are rejected (they don't accept tokens, FACTS §2).
 */
export function checkEndpoint(
  raw: string | undefined,
  auth: 'key' | 'token' = 'key',
  nameOf: NameOf = settingName,
): EndpointCheck {
  const name = nameOf('endpoint');
  const fail = (message: string): EndpointCheck => ({ problems: [{ severity: 'error', field: 'endpoint', message }] });
  const text = (raw ?? '').trim();
  if (!text) return fail(`No endpoint is set: set ${name} to your Face resource's endpoint, e.g. ${EXAMPLE_ENDPOINT}.`);

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`"${text}" is not a valid URL: set ${name} to your Face resource's endpoint, e.g. ${EXAMPLE_ENDPOINT}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`${name} must start with https:// (got "${url.protocol}").`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail(`${name} uses http://, which would send your key unencrypted: use https://${url.host}.`);
  }
  if (url.username || url.password) {
    return fail(`${name} must not contain a user name or password: use ${url.protocol}//${url.host}.`);
  }
  if (url.search || url.hash) {
    // Never echo the query: pasted URLs sometimes carry a subscription-key parameter.
    return fail(`${name} must not contain a query string or fragment: use ${url.protocol}//${url.host}.`);
  }

  const problems: Problem[] = [];
  const path = url.pathname.replace(/\/+$/, '');
  if (path && !/^\/face(\/[^/]+(\/detect)?)?$/i.test(path)) {
    return fail(`${name} must be only the scheme and host, without the path "${path}": use ${url.protocol}//${url.host}.`);
  }
  if (path) {
    problems.push({
      severity: 'warning', field: 'endpoint',
      message: `Ignoring "${path}" at the end of ${name}: Face Inspector adds /face/<version>/detect itself (the version comes from ${nameOf('apiVersion')}). Set ${name} to ${url.protocol}//${url.host}.`,
    });
  }
  if (auth === 'token' && url.hostname.toLowerCase().endsWith('.api.cognitive.microsoft.com')) {
    return {
      problems: [{
        severity: 'error', field: 'endpoint',
        message: `Regional endpoints such as ${url.host} don't accept Microsoft Entra ID tokens: set ${name} to your resource's custom-subdomain endpoint (${EXAMPLE_ENDPOINT}), or switch ${nameOf('auth')} to key.`,
      }],
    };
  }
  return { endpoint: `${url.protocol}//${url.host}`, problems };
}

/** A URL image must be an absolute http(s) URL (the service downloads it itself). */
export function checkImageUrl(raw: string): Problem[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [{ severity: 'error', message: `"${raw}" is not a valid image URL: use an absolute http(s) URL or a local file.` }];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return [{ severity: 'error', message: `Image URL must use http or https (got "${url.protocol}"): use a public http(s) URL or a local file.` }];
  }
  return [];
}
