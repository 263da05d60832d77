// The local detector's worker thread (bundled as dist/lazy/local-worker.js): one warm local provider,
// so Human's CPU-bound work (decode, TF.js WASM) never blocks the thread that asked. workerProvider.ts
// starts it and speaks this protocol:
//   in:  { id, bytes, name?, options }        one detect (bytes is this worker's own copy)
//   out: { id, ok: true, outcome }            the in-thread provider's DetectOutcome
//        { id, ok: false, message, name }     its error, message unchanged (it is what the user sees)
//        { log: 'debug' | 'info' | 'warn', message }
import { parentPort, workerData } from 'node:worker_threads';
import type { DetectOptions } from '../core/contract';
import type { Logger } from './engine';
import { createLocalProvider } from './index';

export interface WorkerRequest { id: number; bytes: Uint8Array; name?: string; options: DetectOptions }
export interface WorkerData { assetRoot?: string }

const port = parentPort;
if (!port) throw new Error('src/local/worker.ts runs only as a worker thread (see workerProvider.ts).');

const log = (level: keyof Logger) => (message: string) => port.postMessage({ log: level, message });
const provider = createLocalProvider({
  assetRoot: (workerData as WorkerData | undefined)?.assetRoot,
  logger: { debug: log('debug'), info: log('info'), warn: log('warn') },
});

port.on('message', (request: WorkerRequest) => {
  const { id, bytes, name, options } = request;
  provider.detect({ kind: 'bytes', bytes, name }, options).then(
    (outcome) => port.postMessage({ id, ok: true, outcome }),
    (err: unknown) => port.postMessage({
      id, ok: false,
      message: err instanceof Error ? err.message : String(err),
      name: err instanceof Error ? err.name : 'Error',
    }),
  );
});
