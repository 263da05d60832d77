// `npm run sandbox`: a real VS Code (code-server) with Face Inspector installed from its .vsix
// and a workspace of sample photos, using the embedded local detector. Runs until Ctrl-C.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { makeSampleWorkspace, repoRoot, startCodeServer } from './lib/codeServer.mjs';

const port = Number(process.env.PORT || 8080);
console.log('[sandbox] packaging the extension…');
execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
const workspace = makeSampleWorkspace(path.join(repoRoot, '.sandbox', 'workspace'));
console.log('[sandbox] starting code-server…');
const server = await startCodeServer({
  runDir: path.join(repoRoot, '.sandbox', 'code-server'),
  port,
  vsix: path.join(repoRoot, 'dist', 'face-inspector.vsix'),
  settings: { 'faceInspector.provider': 'local' },
});
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\nFace Inspector sandbox is running (local detector, offline):\n\n  ${url}\n\nOpen it in a browser, right-click a photo in the explorer and pick "Detect Faces". Ctrl-C stops it.`);
const stop = () => { server.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => { console.log(`[sandbox] code-server exited (${code})`); process.exit(code ?? 1); });
