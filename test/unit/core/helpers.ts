// Small node:http servers for precise transport tests, and shared fixtures.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../../src/core/index';

export const TEST_KEY = 'test-KEY-5f0c9e7a1b2d4c6e8f';
export const IMAGES = path.resolve(__dirname, '../../../../shared/testdata/images');
export const photo = (name = 'single_detection1.jpg') => new Uint8Array(readFileSync(path.join(IMAGES, name)));
export const EXAMPLE_FACES = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../shared/face-api/examples/tsp/v1.2/Detect.json'), 'utf8')).responses['200'].body;

export interface TestServer {
  url: string;
  hits: Array<{ url: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1; `handler` gets the 0-based hit number. */
export async function serve(handler: (hit: number, req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const hits: TestServer['hits'] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push({ url: req.url ?? '', headers: req.headers });
      handler(hits.length - 1, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A logger that records every line, to check nothing secret is logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (m: string) => { lines.push(`${level} ${m}`); };
  return { lines, trace: rec('trace'), debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
}

/** A sleep hook that records the requested waits and returns at once. */
export function recordingSleep(): ((ms: number) => Promise<void>) & { waits: number[] } {
  const waits: number[] = [];
  return Object.assign(async (ms: number) => { waits.push(ms); }, { waits });
}
