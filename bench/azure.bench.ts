// Per-request latency of the Azure provider (validation + sniffing + request + parsing) versus a raw
// undici request carrying the same bytes to the same server, in the same run. Runs against the
// Face contract emulator with its fixture face source, so the server's own cost is tiny and equal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import { DEFAULT_DETECT_OPTIONS, buildDetectRequest, createAzureProvider } from '../src/core/index';
import { fixtureFaceSource, startEmulator } from '../src/emulator/server';

const KEY = 'bench-key';
const ITERATIONS = 200;
const WARMUP = 20;
const IMAGE = path.resolve(__dirname, '../../shared/testdata/images/single_detection1.jpg');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

export default async function bench(): Promise<Array<{ name: string; value: number; unit: string; note?: string }>> {
  const bytes = new Uint8Array(readFileSync(IMAGE));
  const emulator = await startEmulator({ keys: [KEY], faceSource: fixtureFaceSource });
  const provider = createAzureProvider({ endpoint: emulator.url, auth: { kind: 'key', key: KEY }, maxRetries: 0 });
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  try {
    const raw = await time(async () => {
      const req = buildDetectRequest({ endpoint: emulator.url, options: DEFAULT_DETECT_OPTIONS, body: { kind: 'bytes', bytes }, credential: { kind: 'key', key: KEY } });
      const res = await request(req.url, { method: 'POST', headers: req.headers, body: req.body, dispatcher: agent });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`raw request got HTTP ${res.statusCode}`);
    });
    const viaProvider = await time(() => provider.detect({ kind: 'bytes', bytes }, DEFAULT_DETECT_OPTIONS));
    const rawMs = median(raw);
    const providerMs = median(viaProvider);
    const note = `median of ${ITERATIONS} after ${WARMUP} warm-up, ${bytes.length}-byte JPEG, emulator with fixture faces`;
    return [
      { name: 'azure provider detect latency', value: +providerMs.toFixed(3), unit: 'ms', note },
      { name: 'raw undici request latency', value: +rawMs.toFixed(3), unit: 'ms', note },
      { name: 'azure provider / raw undici latency ratio', value: +(providerMs / rawMs).toFixed(3), unit: 'x', note: 'overhead of validation, sniffing, parsing; 1.0 = none' },
    ];
  } finally {
    await provider.close();
    await agent.close();
    await emulator.close();
  }
}

// `npx tsx bench/azure.bench.ts` runs it alone.
if (require.main === module) {
  bench().then((rows) => console.table(rows), (e) => { console.error(e); process.exitCode = 1; });
}
