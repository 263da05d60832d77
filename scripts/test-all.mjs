// `npm test`: types and lint first (`npm run check`), then unit tests (plain Node), integration tests
// (inside a real VS Code's extension host) and UI scenarios (the real workbench). Every stage runs
// and prints its summary; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';

const stages = ['check', 'test:unit', 'test:integration', 'test:ui'];
const results = [];
for (const stage of stages) {
  console.log(`\n=== npm run ${stage} ===`);
  const started = Date.now();
  const { status } = spawnSync('npm', ['run', '--silent', stage], { stdio: 'inherit' });
  results.push({ stage, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.stage}  (${r.seconds} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
