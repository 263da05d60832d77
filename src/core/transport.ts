// Sends a DetectRequest with undici: keep-alive, a per-attempt timeout, cancellation, and bounded
// retries with backoff.
//
// Why an explicit retry loop rather than undici's retry interceptor: the interceptor doesn't retry
// POST by default, honours only Retry-After (not retry-after-ms / x-ms-retry-after-ms), and cannot
// read the "Try again in N seconds" hint the Face gateway puts in the JSON body (FACTS §5.3).
//
// What is retried (FACTS §5.3 names 429 and 503):
//   - HTTP 429, 502, 503, 504 — throttling or a gateway/backend that is temporarily unavailable.
//     500 is NOT retried: it is most often deterministic for this input, and retrying costs quota.
//   - connection reset/closed, connect timeout, temporary DNS failure (ECONNRESET, EPIPE,
//     UND_ERR_SOCKET, ETIMEDOUT, UND_ERR_CONNECT_TIMEOUT, EAI_AGAIN).
//     ECONNREFUSED / ENOTFOUND are NOT retried: nothing listens there or the host doesn't exist,
//     which almost always means a wrong endpoint; waiting would only delay that message.
//   - Our own timeout is not retried either (the user's time budget is spent); cancellation never is.
import type { Dispatcher } from 'undici';
import { FaceApiError, redactSecrets } from './errors';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { RawResponse } from './response';
import { requestSecrets, type DetectRequest } from './request';
import { settingName, type NameOf } from './settings';

export const RETRYABLE_STATUS = [429, 502, 503, 504] as const;
export const RETRYABLE_NETWORK_CODES = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN'] as const;

export interface TransportOptions {
  /** Per attempt, including reading the body. */
  timeoutMs: number;
  /** Retries after the first attempt (0 = one attempt only). */
  maxRetries: number;
  /** Proxy URL, e.g. VS Code's http.proxy. */
  proxy?: string;
  logger?: Logger;
  nameOf?: NameOf;
  /** Longest single wait; a service asking for longer (e.g. a daily quota) ends the retries. */
  maxWaitMs?: number;
  /** First backoff step when the service gives no hint; doubles each retry. */
  baseDelayMs?: number;
  /** Test hooks. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface TransportResult extends RawResponse {
  attempts: number;
  durationMs: number;
}

export interface Transport {
  send(request: DetectRequest, signal?: AbortSignal): Promise<TransportResult>;
  close(): Promise<void>;
}

const DEFAULT_MAX_WAIT_MS = 60_000;
const DEFAULT_BASE_DELAY_MS = 1_000;

export function createTransport(options: TransportOptions): Transport {
  const logger = options.logger ?? silentLogger;
  const nameOf = options.nameOf ?? settingName;
  const sleep = options.sleep ?? abortableSleep;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const random = options.random ?? Math.random;
  let dispatcher: Promise<Dispatcher> | undefined;

  // undici is imported on first use: callers that never hit the network don't pay for loading it.
  const getDispatcher = () => (dispatcher ??= (async () => {
    const { Agent, ProxyAgent } = await import('undici');
    const keepAlive = { keepAliveTimeout: 30_000 };
    return options.proxy ? new ProxyAgent({ uri: options.proxy, ...keepAlive }) : new Agent(keepAlive);
  })());

  async function send(request: DetectRequest, signal?: AbortSignal): Promise<TransportResult> {
    const secrets = requestSecrets(request);
    const safe = (text: string) => redactSecrets(text, secrets);
    const { request: undiciRequest } = await import('undici');
    const started = Date.now();
    const totalAttempts = options.maxRetries + 1;

    for (let attempt = 1; ; attempt++) {
      throwIfCancelled(signal, attempt - 1, request.requestId);
      const label = `${request.method} ${safe(request.url)} (attempt ${attempt}/${totalAttempts}, client-request-id ${request.requestId})`;
      logger.debug(`-> ${label}`);
      const attemptStart = Date.now();
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => { timedOut = true; controller.abort(); }, options.timeoutMs);
      const onCancel = () => controller.abort();
      signal?.addEventListener('abort', onCancel, { once: true });

      let retryIn: number | undefined;
      try {
        const response = await undiciRequest(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          dispatcher: await getDispatcher(),
          signal: controller.signal,
        });
        const bodyText = await response.body.text();
        const headers = response.headers as Record<string, string | string[] | undefined>;
        const status = response.statusCode;
        logger.info(`<- ${status} in ${Date.now() - attemptStart} ms: ${label}`);
        const result: TransportResult = { status, headers, bodyText, attempts: attempt, durationMs: Date.now() - started };
        if (!(RETRYABLE_STATUS as readonly number[]).includes(status) || attempt >= totalAttempts) return result;
        const hinted = serviceRetryHintMs(headers, bodyText);
        if (hinted !== undefined && hinted > maxWaitMs) {
          logger.warn(`Service asks to wait ${Math.round(hinted / 1000)} s, more than the ${maxWaitMs / 1000} s limit: not retrying.`);
          return result;
        }
        retryIn = hinted ?? backoffMs(attempt, baseDelayMs, maxWaitMs, random);
        logger.warn(`HTTP ${status}: retrying in ${retryIn} ms`);
      } catch (e) {
        if (signal?.aborted) throw cancelled(attempt, request.requestId);
        if (timedOut) {
          throw new FaceApiError('timeout',
            `No response from ${hostOf(request.url)} within ${formatSeconds(options.timeoutMs)} (attempt ${attempt} of ${totalAttempts}): increase ${nameOf('timeoutSeconds')}, use a smaller image, or check your network.`,
            { attempts: attempt, requestId: request.requestId });
        }
        const code = errorCode(e);
        logger.warn(safe(`!! ${code ?? 'error'} ${(e as Error).message}: ${label}`));
        if (!code || !(RETRYABLE_NETWORK_CODES as readonly string[]).includes(code) || attempt >= totalAttempts) {
          throw networkError(e, code, request, attempt, nameOf, secrets);
        }
        retryIn = backoffMs(attempt, baseDelayMs, maxWaitMs, random);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onCancel);
      }
      try {
        await sleep(retryIn, signal);
      } catch {
        throw cancelled(attempt, request.requestId);
      }
    }
  }

  async function close(): Promise<void> {
    if (dispatcher) await (await dispatcher).close();
    dispatcher = undefined;
  }

  return { send, close };
}

// --- retry timing -------------------------------------------------------------------------------

const headerValue = (headers: RawResponse['headers'], name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The wait the service asks for, in ms: retry-after-ms / x-ms-retry-after-ms, then Retry-After
 * (seconds or an HTTP date), then "Try again in N seconds" in the body. undefined = no hint.
 */
export function serviceRetryHintMs(headers: RawResponse['headers'], bodyText: string, now = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(headerValue(headers, name));
    if (headerValue(headers, name) !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const retryAfter = headerValue(headers, 'retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const inBody = /try again in (\d+(?:\.\d+)?) seconds?/i.exec(bodyText);
  return inBody ? Number(inBody[1]) * 1000 : undefined;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients don't retry in step. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(new Error('aborted')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// --- errors -------------------------------------------------------------------------------------

function cancelled(attempts: number, requestId: string): FaceApiError {
  return new FaceApiError('cancelled', 'Face detection was cancelled.', { attempts, requestId });
}

function throwIfCancelled(signal: AbortSignal | undefined, attempts: number, requestId: string): void {
  if (signal?.aborted) throw cancelled(attempts, requestId);
}

/** undici puts the system error code on the error or on its cause. */
function errorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = err?.code ?? err?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return 'the endpoint'; }
}

const formatSeconds = (ms: number) => `${+(ms / 1000).toFixed(1)} s`;

function networkError(e: unknown, code: string | undefined, request: DetectRequest, attempts: number, nameOf: NameOf, secrets: string[]): FaceApiError {
  const host = hostOf(request.url);
  const endpoint = nameOf('endpoint');
  let fix: string;
  switch (code) {
    case 'ECONNREFUSED': fix = `Nothing accepts connections at ${host}: check ${endpoint}.`; break;
    case 'ENOTFOUND': fix = `The host ${host} does not exist: check ${endpoint} for typos.`; break;
    case 'EAI_AGAIN': fix = `Could not resolve ${host} (DNS): check your network connection.`; break;
    case 'CERT_HAS_EXPIRED': case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE': case 'SELF_SIGNED_CERT_IN_CHAIN': case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      fix = `The TLS certificate of ${host} is not trusted (${code}): if a corporate proxy inspects traffic, configure ${nameOf('proxy')} and its certificate.`; break;
    default: fix = `Check your network connection and ${endpoint}${code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' ? ' (the connection was closed by the other side)' : ''}.`;
  }
  const tries = attempts > 1 ? ` Gave up after ${attempts} attempts.` : '';
  const detail = `${code ? `${code}: ` : ''}${(e as Error)?.message ?? String(e)}`;
  const message = redactSecrets(`Could not reach Azure Face at ${host} (${detail}). ${fix}${tries}`, secrets);
  return new FaceApiError('network', message, { attempts, requestId: request.requestId, code });
}
