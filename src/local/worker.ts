// The local detector's worker thread (bundled as dist/lazy/local-worker.js): one warm local provider,
// so Human's CPU-bound work (decode, TF.js WASM) never blocks the thread that asked. workerProvider.ts
// starts it and speaks this protocol:
//   in:  { id, bytes, name?, options, cancel } one detect (bytes is this worker's own copy; cancel,
//                                              on a SharedArrayBuffer, becomes non-zero on abort)
//   out: { id, ok: true, outcome }            the in-thread provider's DetectOutcome
//        { id, ok: false, message, name }     its error, message unchanged (it is what the user sees);
//                                              name 'AbortError' once cancelled (the caller has moved on)
//        { log: 'debug' | 'info' | 'warn', message }
import { parentPort, workerData } from 'node:worker_threads';
import type { DetectOptions } from '../core/contract';
import type { Logger } from './engine';
import { createLocalProvider } from './index';

export interface WorkerRequest { id: number; bytes: Uint8Array; name?: string; options: DetectOptions; cancel: Int32Array }
export interface WorkerData { assetRoot?: string }

const port = parentPort;
if (!port) throw new Error('src/local/worker.ts runs only as a worker thread (see workerProvider.ts).');

const log = (level: keyof Logger) => (message: string) => port.postMessage({ log: level, message });
const provider = createLocalProvider({
  assetRoot: (workerData as WorkerData | undefined)?.assetRoot,
  logger: { debug: log('debug'), info: log('info'), warn: log('warn') },
});

port.on('message', (request: WorkerRequest) => {
  const { id, bytes, name, options, cancel } = request;
  // An abort can't come by message: while a detect runs (synchronous decode and WASM passes, their
  // promises settling as microtasks) this thread never reads its port. So the caller sets `cancel`
  // in shared memory, and detect reads it between stages and stops, freeing the worker for the next request.
  const signal = { get aborted() { return Atomics.load(cancel, 0) !== 0; } };
  provider.detect({ kind: 'bytes', bytes, name }, options, signal).then(
    (outcome) => port.postMessage({ id, ok: true, outcome }),
    (err: unknown) => port.postMessage({
      id, ok: false,
      message: err instanceof Error ? err.message : String(err),
      name: err instanceof Error ? err.name : 'Error',
    }),
  );
});
