// The local detector in a worker thread, for hosts whose main thread must stay free (the VS Code
// extension host: an in-thread detect freezes every extension for ~0.5-1 s per image). Same results
// as createLocalProvider (index.ts); worker.ts runs that provider and answers by message.
//
// Cheap to create and to import (no engine code here): the worker starts on the first detect and is
// kept warm; it holds the process open only while a detect is pending. If it dies, pending calls
// fail with a clear message and the next detect starts a new one. dispose() ends it.
import { Worker } from 'node:worker_threads';
import type { DetectOptions, ImageSource } from '../core/contract';
import type { DetectOutcome, FaceProvider } from '../core/provider';
import type { Logger } from './engine';
import type { WorkerData, WorkerRequest } from './worker';

export interface LocalWorkerProviderOptions {
  /** The bundled worker: dist/lazy/local-worker.js (built from src/local/worker.ts). */
  workerScript: string;
  /** As for createLocalProvider: the folder with human/, models/ and wasm/. */
  assetRoot?: string;
  logger?: Logger;
}

export interface LocalWorkerProvider extends FaceProvider {
  /** Ends the worker; pending detects reject. A later detect starts a new worker. */
  dispose(): Promise<void>;
  /** Test hook: stops the worker as a crash would. */
  terminateWorkerForTest(): Promise<void>;
}

type WorkerReply =
  | { id: number; ok: true; outcome: DetectOutcome }
  | { id: number; ok: false; message: string; name: string }
  | { log: keyof Logger; message: string };

interface Pending { resolve(outcome: DetectOutcome): void; reject(err: Error): void }

export function createLocalWorkerProvider(options: LocalWorkerProviderOptions): LocalWorkerProvider {
  let worker: Worker | undefined;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const start = (): Worker => {
    const w = new Worker(options.workerScript, { workerData: { assetRoot: options.assetRoot } satisfies WorkerData });
    let crash: string | undefined;
    w.on('message', (reply: WorkerReply) => {
      if ('log' in reply) {
        options.logger?.[reply.log](reply.message);
        return;
      }
      const call = pending.get(reply.id);
      if (!call) return; // aborted meanwhile
      settle(reply.id);
      if (reply.ok) call.resolve(reply.outcome);
      else call.reject(Object.assign(new Error(reply.message), { name: reply.name }));
    });
    w.on('error', (err) => { crash = err.message; });
    w.on('exit', (code) => {
      if (worker !== w) return; // disposed: dispose() already rejected the pending calls
      worker = undefined;
      const reason = crash ?? `exit code ${code}`;
      options.logger?.warn(`Local detector worker stopped (${reason})`);
      rejectAll(new Error(`The local detector stopped unexpectedly (${reason}); try again.`));
    });
    w.unref();
    return w;
  };

  /** Forgets a call; the worker holds the process open only while some call is pending. */
  const settle = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) worker?.unref();
  };
  const rejectAll = (err: Error) => {
    const calls = [...pending.values()];
    pending.clear();
    for (const call of calls) call.reject(err);
  };
  const stop = async (): Promise<void> => {
    const w = worker;
    worker = undefined;
    rejectAll(new Error('The local detector was closed.'));
    await w?.terminate();
  };

  return {
    kind: 'local',
    detect(image: ImageSource, detectOptions: DetectOptions, signal?: AbortSignal): Promise<DetectOutcome> {
      return new Promise<DetectOutcome>((resolve, reject) => {
        if (image.kind !== 'bytes') {
          throw new Error('The local detector reads files only; open the image from disk (or download it first), or configure an Azure endpoint to detect from a URL.');
        }
        if (signal?.aborted) throw abortError(signal);
        const started = performance.now();
        const w = (worker ??= start());
        const id = nextId++;
        // The worker gets its own copy: transferring it leaves the caller's buffer intact. Replies
        // come by event, never during this call, so registering the call after posting is safe.
        const bytes = new Uint8Array(image.bytes);
        // Shared with the worker (not copied): set on abort, read by the busy worker between stages.
        const cancel = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
        w.postMessage({ id, bytes, name: image.name, options: detectOptions, cancel } satisfies WorkerRequest, [bytes.buffer]);
        const onAbort = () => {
          Atomics.store(cancel, 0, 1); // the worker stops at its next check
          settle(id); // its AbortError reply will be dropped
          reject(abortError(signal!));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: (outcome) => {
            signal?.removeEventListener('abort', onAbort);
            // The caller's wait, worker start and engine load included, like the in-thread provider's first call.
            resolve({ ...outcome, durationMs: Math.round(performance.now() - started) });
          },
          reject: (err) => {
            signal?.removeEventListener('abort', onAbort);
            reject(err);
          },
        });
        w.ref();
      });
    },
    dispose: stop,
    async terminateWorkerForTest() {
      await worker?.terminate(); // 'exit' then rejects the pending calls as for a crash
    },
  };
}

/** As the in-thread provider: the signal's reason when it is an Error, else an AbortError. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The local detection was cancelled.', 'AbortError');
}
