// Injected failures, to test how a client copes with what networks and gateways do.
import type { ServerResponse } from 'node:http';
import { serverErrorCode, sendJson } from './errors';

export type FaultKind = '5xx' | 'reset' | 'malformed-json' | 'slow-body' | 'html-502';
export const FAULT_KINDS: readonly FaultKind[] = ['5xx', 'reset', 'malformed-json', 'slow-body', 'html-502'];

export interface FaultSpec {
  kind: FaultKind;
  /** How many requests get it; default 1. */
  times?: number;
  /** Status of a '5xx' fault; default 503. */
  status?: number;
  /** How long a 'slow-body' response takes to finish; default 3000 ms (past a ~1 s client timeout). */
  durationMs?: number;
}

const SLOW_BODY_STEP_MS = 250;
// A plausible 200 body cut off mid-object.
const TRUNCATED_JSON = '[{"faceRectangle":{"top":54,"left":394,"wid';
// Modelled on the page an Azure Application Gateway serves when its backend fails.
const GATEWAY_502_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Microsoft-Azure-Application-Gateway/v2</center>\r\n</body>\r\n</html>\r\n';

/** The faults still to come, handed out in order, one per request. */
export class FaultQueue {
  private readonly pending: Array<{ spec: FaultSpec; remaining: number }>;

  constructor(specs: readonly FaultSpec[] = []) {
    this.pending = specs.map((spec) => ({ spec, remaining: spec.times ?? 1 })).filter((entry) => entry.remaining > 0);
  }

  next(): FaultSpec | undefined {
    const head = this.pending[0];
    if (!head) return undefined;
    if (--head.remaining === 0) this.pending.shift();
    return head.spec;
  }
}

/** Answers a request with the fault instead of the normal response. */
export function respondWithFault(res: ServerResponse, fault: FaultSpec): void {
  switch (fault.kind) {
    case '5xx': {
      const status = fault.status ?? 503;
      const code = serverErrorCode(status);
      sendJson(res, status, { error: { code, message: 'Injected server error (Face API contract emulator).' } }, { 'x-ms-error-code': code });
      return;
    }
    case 'reset':
      res.socket?.destroy();
      return;
    case 'malformed-json':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(TRUNCATED_JSON);
      return;
    case 'slow-body':
      trickleBody(res, fault.durationMs ?? 3000);
      return;
    case 'html-502':
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(GATEWAY_502_PAGE);
      return;
  }
}

/** Headers at once, then an empty JSON array one byte at a time until durationMs has passed. */
function trickleBody(res: ServerResponse, durationMs: number): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.flushHeaders();
  res.write('[');
  const started = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - started >= durationMs) {
      clearInterval(timer);
      res.end(']');
    } else {
      res.write(' ');
    }
  }, SLOW_BODY_STEP_MS);
  res.on('close', () => clearInterval(timer));
}
