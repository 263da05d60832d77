// Stage 3 of `npm test`: installs the packaged .vsix into a fresh code-server, starts the Face
// contract emulator (a local test server, not Azure), and runs every scenario in its own page.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, makeSampleWorkspace, repoRoot, startCodeServer } from '../../scripts/lib/codeServer.mjs';
import { readFileSync } from 'node:fs';
import type { FaceDetectionResult } from '../../src/core/contract';
import { startEmulator, type FaceSource } from '../../src/emulator/server';
import { scenarios } from './scenarios';

/**
 * Faces as the real service returned them for the hard-hat photo (headturn_detection3.jpg), from an
 * official SDK test recording in ../shared/face-api/reference-outputs.json: PascalCase enums,
 * accessories, occlusion and all. The emulator still applies the contract (only requested fields).
 */
function recordedAzureFaceSource(): FaceSource {
  const reference = JSON.parse(readFileSync(path.join(repoRoot, '..', 'shared', 'face-api', 'reference-outputs.json'), 'utf8'));
  const entry = reference.entries.find((e: { model: { detectionModel: string }; faces: Array<{ faceAttributes?: { glasses?: string } }> }) =>
    e.model.detectionModel === 'detection_01' && e.faces[0]?.faceAttributes?.glasses);
  const face: FaceDetectionResult = entry.faces[0];
  return { name: 'recorded Azure response (hard-hat photo)', detect: async () => [structuredClone(face)] };
}

async function main(): Promise<number> {
  const vsix = process.argv[2];
  const shotsDir = path.join(repoRoot, 'test-results', 'ui');
  mkdirSync(shotsDir, { recursive: true });
  const emulatorKey = `ui-key-${process.pid}`;
  const emulator = await startEmulator({ keys: [emulatorKey] });
  const slowEmulator = await startEmulator({ keys: [emulatorKey], latencyMs: 20_000 });
  const recordedEmulator = await startEmulator({ keys: [emulatorKey], faceSource: recordedAzureFaceSource() });
  const only = process.env.UI_SCENARIO;
  let passed = 0, failed = 0;
  const browser = await launchBrowser();
  try {
    for (const [i, scenario] of scenarios.entries()) {
      if (only && !scenario.name.includes(only)) continue;
      // A fresh profile and workspace per scenario: no state leaks between them.
      const workspace = makeSampleWorkspace(path.join(repoRoot, 'test-results', 'ui-workspace', String(i)));
      const base = { workspace, shotsDir, emulatorUrl: emulator.url, slowEmulatorUrl: slowEmulator.url, recordedEmulatorUrl: recordedEmulator.url, emulatorKey };
      const workspaceSettings = scenario.workspaceSettings?.(base);
      if (workspaceSettings) {
        mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
        writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(workspaceSettings, null, 2));
      }
      const server = await startCodeServer({ runDir: path.join(repoRoot, 'test-results', 'ui-run', String(i)), vsix, settings: scenario.settings?.(base), workspaceTrust: scenario.workspaceTrust });
      const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
      const started = Date.now();
      try {
        await scenario.run(page, { ...base, baseUrl: server.url });
        passed++;
        console.log(`  ✔ ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        await page.screenshot({ path: path.join(shotsDir, `FAILED-${i}.png`) }).catch(() => undefined);
        console.log(`  ✘ ${scenario.name}\n    ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      } finally {
        await page.close();
        server.stop();
      }
    }
  } finally {
    await browser.close();
    await emulator.close();
    await slowEmulator.close();
    await recordedEmulator.close();
  }
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
