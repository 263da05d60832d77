// Stage 3 of `npm test`: package the extension, then run the UI scenarios against it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './lib/codeServer.mjs';

const vsix = path.join(repoRoot, 'dist', 'face-inspector.vsix');
execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
try {
  execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [path.join(repoRoot, 'test', 'ui', 'run.ts'), vsix], { cwd: repoRoot, stdio: 'inherit' });
} catch (e) {
  process.exit(e.status ?? 1);
}
