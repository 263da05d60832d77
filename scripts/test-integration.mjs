// Stage 2 of `npm test`: the mocha suites in test/integration/, run inside a real VS Code's
// extension host (code-server + headless Chromium, through VS Code's smoke-test driver).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser, makeSampleWorkspace, repoRoot, startCodeServer } from './lib/codeServer.mjs';

const runDir = path.join(repoRoot, 'test-results', 'integration-run');
execFileSync(process.execPath, [path.join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, stdio: 'inherit' });
const workspace = makeSampleWorkspace(path.join(repoRoot, 'test-results', 'integration-workspace'));
const server = await startCodeServer({ runDir, smokeTestDriver: true });
let code = 2;
try {
  const host = new URL(server.url).host;
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(path.join(repoRoot, 'out', 'test', 'integration', 'index.js'))],
    ['skipWelcome', 'true'],
  ]);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const done = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (c) => resolve(c));
    void page.exposeFunction('codeAutomationLog', (_type, args) => console.log(util.format(...args)));
  });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 300_000);
  code = await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`integration tests did not finish within ${timeoutMs / 1000} s`)), timeoutMs))]);
  await browser.close();
} catch (e) {
  console.error('integration: FAILED to run:', e instanceof Error ? e.message : e);
  code = 2;
} finally {
  server.stop();
}
process.exit(code);
