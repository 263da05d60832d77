// The extension manifest and the dependency tree: what VS Code and the two Node versions will see.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

/** Evaluates a `resourceExtname =~ /…/flags` when-clause against a file extension. */
function matchesWhen(when: string, extname: string): boolean {
  const m = /resourceExtname =~ \/(.+)\/([a-z]*)/.exec(when);
  assert.ok(m, `no resourceExtname regex in "${when}"`);
  return new RegExp(m[1].replace(/\\\\/g, '\\'), m[2]).test(extname);
}

describe('manifest', () => {
  it('never activates on "*", and names the results webview for restore', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:faceInspector.results'));
  });

  it('offers Detect Faces in the explorer for every image type the service takes, in any case, and nothing else', () => {
    const entry = manifest.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'faceInspector.detect');
    for (const ext of ['.jpg', '.jpeg', '.JPG', '.Jpeg', '.png', '.PNG', '.gif', '.bmp', '.BMP']) assert.ok(matchesWhen(entry.when, ext), ext);
    for (const ext of ['.webp', '.heic', '.tiff', '.svg', '.jpgx', '.txt']) assert.ok(!matchesWhen(entry.when, ext), ext);
  });

  it('puts Detect Faces on the image preview: title bar, tab menu and its own right-click menu', () => {
    const menus = manifest.contributes.menus;
    assert.match(menus['editor/title'].find((m: { command: string }) => m.command === 'faceInspector.detect').when, /imagePreview\.previewEditor/);
    assert.ok(menus['editor/title/context'].some((m: { command: string }) => m.command === 'faceInspector.detect'));
    assert.match(menus['webview/context'].find((m: { command: string }) => m.command === 'faceInspector.detect').when, /webviewId == 'imagePreview\.previewEditor'/);
  });

  it('titles every command under the "Face Inspector" category, with a translation for every %key%', () => {
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'Face Inspector', c.command);
      assert.ok(nls[c.title.replace(/%/g, '')], `no package.nls.json entry for ${c.title}`);
    }
    assert.equal(nls['command.detect'], 'Detect Faces');
  });

  it('has a walkthrough whose media exist and whose command links name real commands', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    const ours = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(path.join(root, step.media.markdown)), step.media.markdown);
      const description = nls[step.description.replace(/%/g, '')];
      assert.ok(description, `no translation for ${step.description}`);
      for (const [, command] of description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(ours.has(command) || command.startsWith('workbench.') || command === 'faceInspector.faces.focus', `unknown command ${command}`);
      }
    }
  });

  it('has a setting for every query parameter, and none for the key', () => {
    const props = Object.keys(manifest.contributes.configuration.properties);
    for (const p of ['apiVersion', 'detectionModel', 'recognitionModel', 'returnFaceId', 'returnFaceLandmarks', 'returnFaceAttributes', 'returnRecognitionModel', 'faceIdTimeToLive']) {
      assert.ok(props.includes(`faceInspector.${p}`), p);
    }
    assert.ok(!props.some((p) => /key|secret|password/i.test(p)), 'a secret must not be a setting');
    assert.equal(manifest.contributes.configuration.properties['faceInspector.returnFaceId'].default, false);
  });
});

describe('dependencies', () => {
  it('every production dependency supports both Node 20 (the CLI) and Node 24 (the extension host)', () => {
    const dirs = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' }).trim().split('\n').slice(1);
    assert.ok(dirs.length > 10, 'npm ls listed no production dependencies');
    const misfits = dirs.flatMap((dir) => {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const range = pkg.engines?.node;
      if (!range) return [];
      return ['20.18.1', '24.0.0'].filter((v) => !semver.satisfies(v, range)).map((v) => `${pkg.name}@${pkg.version} needs node ${range} (not ${v})`);
    });
    assert.deepEqual(misfits, []);
  });
});
