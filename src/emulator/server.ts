// Face API contract emulator — a local test server, not Azure. It answers POST /face/{version}/detect
// the way FACTS.md documents the Azure AI Face service, so tests, the sandbox and the benchmarks can
// exercise a client against the contract. Written independently of the client in src/core.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { answerDetect, type DetectPolicy } from './detect';
import { EMULATOR_HEADER, FaceApiError, faceErrors, sendError, sendJson } from './errors';
import { FaultQueue, respondWithFault, type FaultSpec } from './faults';
import { defaultFaceSource, type FaceSource } from './faceSource';
import { MAX_IMAGE_BYTES } from './image';
import { SlidingWindowLimiter, type RateLimitSetting } from './rateLimit';

export type { FaceSource, FaceSourceOptions } from './faceSource';
export { fixtureFaceSource, localFaceSource } from './faceSource';
export type { FaultKind, FaultSpec } from './faults';

export const EMULATOR_BANNER = 'Face API contract emulator — a local test server, not Azure';
export const DEFAULT_EMULATOR_KEY = 'emulator-key';

export interface EmulatorOptions {
  /** Default 0 = a random free port; the host is always 127.0.0.1. */
  port?: number;
  /** Accepted Ocp-Apim-Subscription-Key values; default ['emulator-key']. */
  keys?: string[];
  /** Accepted bearer tokens; default: any non-empty token. */
  acceptToken?: (token: string) => boolean;
  /** Default false: returnFaceId true or absent is 403 UnsupportedFeature (the real service's default is true!). */
  approvedForFaceId?: boolean;
  /** Delay before every response, faults included. */
  latencyMs?: number;
  /** F0 = 20/min, S0 = 10/s; excess requests get the documented 429. */
  rateLimit?: RateLimitSetting;
  /** Also send Retry-After on 429 (undocumented for Face); default false. */
  retryAfterHeader?: boolean;
  /** Failures for the next requests, in order, before normal handling. */
  faults?: FaultSpec[];
  /** Default: the local detector if it loads, else fixtures. */
  faceSource?: FaceSource;
  log?: (line: string) => void;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  bodyLength: number;
}

export interface RunningEmulator {
  /** The endpoint, e.g. http://127.0.0.1:41234 (detect is at `${url}/face/v1.2/detect`). */
  url: string;
  close(): Promise<void>;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /** Name of the face source in use. */
  faceSourceName?: string;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? (() => {});
  const faceSource = options.faceSource ?? (await defaultFaceSource(log));
  const policy: DetectPolicy = {
    keys: options.keys ?? [DEFAULT_EMULATOR_KEY],
    acceptToken: options.acceptToken ?? ((token) => token.length > 0),
    approvedForFaceId: options.approvedForFaceId ?? false,
    limiter: options.rateLimit ? new SlidingWindowLimiter(options.rateLimit, options.retryAfterHeader ?? false) : undefined,
    faceSource,
  };
  const faults = new FaultQueue(options.faults);
  const requests: ReceivedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader(EMULATOR_HEADER, '1');
    const { body, length } = await readBody(req);
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, bodyLength: length });
    if (options.latencyMs) await delay(options.latencyMs);

    const fault = faults.next();
    if (fault) {
      log(`${req.method} ${req.url} -> injected fault ${fault.kind}`);
      respondWithFault(res, fault);
      return;
    }
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      sendJson(res, 200, await answerDetect({ method: req.method ?? '', url, headers: req.headers, body }, policy));
    } catch (error) {
      sendError(res, error instanceof FaceApiError ? error : faceErrors.internal(error instanceof Error ? error.message : String(error)));
    }
    log(`${req.method} ${req.url} -> ${res.statusCode}`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy()); // only a broken request stream gets here
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log(`${EMULATOR_BANNER}: listening on ${url}, faces from ${faceSource.name ?? 'a custom source'}`);

  return {
    url,
    requests,
    faceSourceName: faceSource.name,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // slow bodies and keep-alive sockets must not hold close() up
      }),
  };
}

/** The body, keeping at most one byte past the image limit (enough to answer "too big"). */
async function readBody(req: IncomingMessage): Promise<{ body: Buffer; length: number }> {
  const chunks: Buffer[] = [];
  let length = 0;
  let kept = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (kept <= MAX_IMAGE_BYTES) {
      chunks.push(chunk);
      kept += chunk.length;
    }
  }
  return { body: Buffer.concat(chunks), length };
}
