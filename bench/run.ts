// Runs every bench/*.bench.ts (each default-exports `async () => Array<{ name, value, unit, note? }>`)
// one after another and prints one table. `npx tsx bench/run.ts [filter]` runs the files whose name contains filter.
import { readdirSync } from 'node:fs';
import path from 'node:path';

interface BenchRow { name: string; value: number; unit: string; note?: string }
type Bench = () => Promise<BenchRow[]>;

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
  const rows: Array<BenchRow & { bench: string }> = [];
  let failed = false;
  for (const file of files) {
    const bench = file.replace(/\.bench\.ts$/, '');
    process.stderr.write(`running ${file}...\n`);
    try {
      const run = (await import(path.join(__dirname, file))).default as Bench | { default: Bench };
      const fn = typeof run === 'function' ? run : run.default; // tsx may wrap a CommonJS default export once more
      for (const row of await fn()) rows.push({ bench, ...row });
    } catch (err) {
      failed = true;
      rows.push({ bench, name: 'FAILED', value: NaN, unit: '', note: err instanceof Error ? err.message : String(err) });
    }
  }
  printTable(rows);
  if (failed) process.exitCode = 1;
}

function printTable(rows: Array<BenchRow & { bench: string }>): void {
  const cells = rows.map((r) => [r.bench, r.name, formatValue(r.value), r.unit, r.note ?? '']);
  const header = ['bench', 'measure', 'value', 'unit', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 2 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
