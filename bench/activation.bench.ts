// What activation loads vs what waits for first use. Each bundle is required in a fresh Node process
// (median of several), with `vscode` stubbed: the activation bundle (dist/extension.js) against the
// lazy chunks it defers (undici, @azure/identity, the local engine), all measured in this same run.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const RUNS = 7;

// Runs in the child: stub `vscode`, then time one require.
const probe = `
const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? new Proxy({}, { get: () => function () {} }) : load.call(this, request, ...rest); };
const t = process.hrtime.bigint();
require(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
`;

function medianLoadMs(file: string): number {
  const times = Array.from({ length: RUNS }, () => Number(execFileSync(process.execPath, ['-e', probe, file], { encoding: 'utf8' })));
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

export default async function bench() {
  const main = path.join(dist, 'extension.js');
  if (!existsSync(main)) throw new Error('dist/extension.js is missing: run `npm run build` (or `node esbuild.mjs --production`) first');
  const mainMs = medianLoadMs(main);
  const kb = (f: string) => Math.round(statSync(f).size / 1024);
  const rows = [
    { name: 'activation bundle load (dist/extension.js)', value: mainMs, unit: 'ms', note: `${kb(main)} KB, median of ${RUNS} fresh processes` },
  ];
  for (const chunk of ['undici', 'identity', 'local']) {
    const file = path.join(dist, 'lazy', `${chunk}.js`);
    if (!existsSync(file)) continue;
    const ms = medianLoadMs(file);
    rows.push({ name: `deferred chunk load: ${chunk}`, value: ms, unit: 'ms', note: `${kb(file)} KB; ${(ms / mainMs).toFixed(1)}x the activation bundle's load` });
  }
  return rows;
}
