// The Azure AI Face provider: validate everything locally, then one detect call, then parse.
// Order matters: nothing is uploaded (and no quota spent) for a request we know will fail.
import type { DetectOptions, ImageSource } from './contract';
import { FaceApiError, validationError } from './errors';
import { sniffImage } from './imageSniff';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { DetectOutcome, FaceProvider } from './provider';
import { buildDetectRequest, describeRequest, type WireCredential } from './request';
import { interpretResponse, isUnexpected } from './response';
import { settingName, type NameOf } from './settings';
import { createTransport, type TransportOptions } from './transport';
import { checkEndpoint, checkImageUrl, hasErrors, validateDetectOptions, type Problem } from './validate';

/** The Entra ID scope for Cognitive Services (FACTS §2). */
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

export type AzureAuth =
  | { kind: 'key'; key: string }
  | { kind: 'token'; getToken(scope: string, signal?: AbortSignal): Promise<string> };

export interface AzureProviderOptions {
  endpoint: string;
  auth: AzureAuth;
  timeoutMs?: number;
  maxRetries?: number;
  proxy?: string;
  logger?: Logger;
  /** How messages name settings: faceInspector.x (default) or CLI flags. */
  nameOf?: NameOf;
  /** Test hooks for retry timing (see TransportOptions). */
  sleep?: TransportOptions['sleep'];
  baseDelayMs?: number;
}

export interface AzureProvider extends FaceProvider {
  readonly kind: 'azure';
  /** Closes kept-alive connections. */
  close(): Promise<void>;
}

/** The contract emulator marks its answers (x-face-emulator: 1); they are never labelled as Azure. */
export const EMULATOR_LABEL = 'Face API contract emulator, a local test server, not Azure';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 3;

export function createAzureProvider(options: AzureProviderOptions): AzureProvider {
  const nameOf = options.nameOf ?? settingName;
  const logger = options.logger ?? silentLogger;
  const authKind = options.auth.kind;
  const transport = createTransport({
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    proxy: options.proxy,
    logger,
    nameOf,
    sleep: options.sleep,
    baseDelayMs: options.baseDelayMs,
  });

  async function detect(image: ImageSource, detectOptions: DetectOptions, signal?: AbortSignal): Promise<DetectOutcome> {
    const started = Date.now();
    const endpointCheck = checkEndpoint(options.endpoint, authKind, nameOf);
    const problems: Problem[] = [...endpointCheck.problems, ...validateDetectOptions(detectOptions, nameOf)];
    let imageSize: DetectOutcome['imageSize'];
    if (image.kind === 'bytes') {
      const sniffed = sniffImage(image.bytes, image.name);
      problems.push(...sniffed.problems);
      imageSize = sniffed.info?.upright;
    } else {
      problems.push(...checkImageUrl(image.url));
    }
    if (hasErrors(problems) || !endpointCheck.endpoint) throw validationError(problems);
    const warnings = problems.map((p) => p.message);
    warnings.forEach((w) => logger.warn(w));

    const credential = await wireCredential(signal);
    const request = buildDetectRequest({ endpoint: endpointCheck.endpoint, options: detectOptions, body: image, credential });
    logger.trace(describeRequest(request));
    const secrets = credential.kind === 'key' ? [credential.key] : [credential.token];

    const raw = await transport.send(request, signal);
    const response = interpretResponse(raw, { requestId: request.requestId, attempts: raw.attempts, auth: authKind, nameOf, secrets });
    if (isUnexpected(response)) throw response.error;
    return {
      faces: response.faces,
      provider: 'azure',
      providerLabel: `${raw.headers['x-face-emulator'] ? EMULATOR_LABEL : 'Azure AI Face'} (${new URL(endpointCheck.endpoint).host}, ${detectOptions.apiVersion})`,
      unsupportedAttributes: [],
      imageSize,
      requestId: request.requestId,
      durationMs: Date.now() - started,
      ...(warnings.length ? { warnings } : {}),
    };
  }

  async function wireCredential(signal?: AbortSignal): Promise<WireCredential> {
    const auth = options.auth;
    if (auth.kind === 'key') {
      if (!auth.key.trim()) throw validationError([{ severity: 'error', field: 'key', message: `No API key is set: provide ${nameOf('key')}.` }]);
      return { kind: 'key', key: auth.key.trim() };
    }
    try {
      return { kind: 'bearer', token: await auth.getToken(COGNITIVE_SERVICES_SCOPE, signal) };
    } catch (e) {
      if (signal?.aborted) throw new FaceApiError('cancelled', 'Face detection was cancelled.');
      if (e instanceof FaceApiError) throw e; // already says what happened and what to do
      throw new FaceApiError('service', `Could not get a Microsoft Entra ID token for ${COGNITIVE_SERVICES_SCOPE} (${(e as Error)?.message ?? e}): sign in again, or switch ${nameOf('auth')} to key.`);
    }
  }

  return { kind: 'azure', detect, close: () => transport.close() };
}
