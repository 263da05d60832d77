// The build copies exactly what the engine loads, and the engine runs from a copied asset folder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HUMAN_SCRIPT, MODEL_FILES, WASM_FILES } from '../../../src/local/engine';
import { createLocalProvider } from '../../../src/local';
import { detectOptions, IMAGES, readImage } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

describe('local detector: packaged assets', () => {
  it('build/local-assets.mjs copies the files the engine loads, and only those', async () => {
    const build = await import(path.join(ROOT, 'build/local-assets.mjs'));
    assert.deepEqual(build.MODEL_FILES, MODEL_FILES);
    assert.deepEqual(build.WASM_FILES, WASM_FILES);
    const copies = build.localAssetCopies(ROOT) as Array<{ from: string; to: string }>;
    assert.deepEqual(copies.map((c) => c.to).sort(), [
      `local-assets/human/${HUMAN_SCRIPT}`, ...MODEL_FILES.map((f) => `local-assets/models/${f}`), ...WASM_FILES.map((f) => `local-assets/wasm/${f}`),
    ].sort());
    for (const c of copies) assert.ok(path.isAbsolute(c.from) && fs.statSync(c.from).size > 0, c.from);
    const megabytes = copies.reduce((sum, c) => sum + fs.statSync(c.from).size, 0) / 1e6;
    assert.ok(megabytes < 8.5, `assets are ${megabytes.toFixed(1)} MB`);
  });

  it('detects from a copied asset folder (what dist/local-assets holds), in a fresh process', async function () {
    this.timeout(120_000);
    const build = await import(path.join(ROOT, 'build/local-assets.mjs'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-assets-'));
    try {
      for (const { from, to } of build.localAssetCopies(ROOT) as Array<{ from: string; to: string }>) {
        fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
        fs.copyFileSync(from, path.join(dir, to));
      }
      // A fresh process, so the engine script itself comes from the copy (a process loads it once).
      const child = `
        const { createLocalProvider } = require(${JSON.stringify(path.join(ROOT, 'src/local/index.ts'))});
        createLocalProvider({ assetRoot: ${JSON.stringify(path.join(dir, 'local-assets'))} })
          .detect({ kind: 'bytes', bytes: require('node:fs').readFileSync(${JSON.stringify(path.join(IMAGES, 'Family1-Mom1.jpg'))}) },
            { apiVersion: 'v1.2', detectionModel: 'detection_01', recognitionModel: 'recognition_04', returnFaceId: false, returnFaceLandmarks: false, returnFaceAttributes: [], returnRecognitionModel: false })
          .then((o) => process.stdout.write(String(o.faces.length)), (e) => { process.stderr.write(String(e)); process.exit(1); });`;
      assert.equal(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', child], { cwd: ROOT, encoding: 'utf8' }), '1');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing asset folder gives a clear error', async () => {
    await assert.rejects(
      createLocalProvider({ assetRoot: path.join(os.tmpdir(), 'no-such-local-assets') }).detect({ kind: 'bytes', bytes: readImage('Family1-Mom1.jpg') }, detectOptions()),
      /engine files are missing \(.*human\.esm\.js.*blazeface\.json.*\)\. Reinstall the extension/,
    );
  });
});
