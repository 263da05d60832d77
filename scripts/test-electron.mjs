// The integration suite through @vscode/test-electron, for machines that can download desktop
// VS Code (this one cannot: CI uses code-server, see scripts/test-integration.mjs).
import { runTests } from '@vscode/test-electron';
import path from 'node:path';
import { makeSampleWorkspace, repoRoot } from './lib/codeServer.mjs';

const workspace = makeSampleWorkspace(path.join(repoRoot, 'test-results', 'electron-workspace'));
try {
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (e) {
  console.error('test:electron failed:', e instanceof Error ? e.message : e);
  process.exit(1);
}
