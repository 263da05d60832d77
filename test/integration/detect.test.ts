// Inside a real VS Code: the commands, the local detector, the raw JSON view, and Azure key auth
// against the Face contract emulator (a local test server, not Azure).
import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { startEmulator, fixtureFaceSource, type RunningEmulator } from '../../src/emulator/server';
import type { FaceInspectorApi } from '../../src/extension/extension';

const EXTENSION_ID = 'face-inspector.face-inspector';
const config = () => vscode.workspace.getConfiguration('faceInspector');
const workspaceImage = (name: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);

async function api(): Promise<FaceInspectorApi> {
  const ext = vscode.extensions.getExtension<FaceInspectorApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the test host`);
  return ext.isActive ? ext.exports : ext.activate();
}

async function resetSettings(): Promise<void> {
  for (const key of ['provider', 'endpoint', 'auth', 'maxRetries', 'timeoutSeconds', 'returnFaceId', 'detectionModel', 'returnFaceAttributes']) {
    await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

describe('Face Inspector in VS Code', () => {
  before(resetSettings);
  afterEach(resetSettings);

  it('is not active until one of its commands runs, and then registers every command', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = ext.packageJSON as { activationEvents: string[]; contributes: { commands: Array<{ command: string }> } };
    assert.ok(!manifest.activationEvents.includes('*'), 'activation must not be "*"');
    await api();
    const commands = await vscode.commands.getCommands(true);
    for (const c of manifest.contributes.commands) assert.ok(commands.includes(c.command), `${c.command} is not registered`);
  });

  it('detects the six faces of group6_faces.jpg with the local detector, largest first', async () => {
    const inspector = await api();
    const image = workspaceImage('group6_faces.jpg');
    const succeeded = await vscode.commands.executeCommand<number>('faceInspector.detect', image);
    assert.equal(succeeded, 1);
    const result = inspector.getResult(image);
    assert.equal(result?.status, 'done', result?.error);
    assert.equal(result?.provider, 'local');
    const faces = result!.faces as Array<{ faceRectangle: { width: number; height: number }; faceLandmarks?: object }>;
    assert.equal(faces.length, 6);
    const areas = faces.map((f) => f.faceRectangle.width * f.faceRectangle.height);
    assert.deepEqual(areas, [...areas].sort((a, b) => b - a), 'faces are not sorted largest first');
    assert.ok(faces.every((f) => f.faceLandmarks && Object.keys(f.faceLandmarks).length === 27), 'every face has 27 landmarks');
    assert.ok(result!.unsupportedAttributes!.includes('mask'), 'the default detection_03 request asks for mask, which local cannot compute');
  });

  it('keeps the extension host responsive while the local detector works (it runs in a worker thread)', async () => {
    await api();
    const image = workspaceImage('single_detection1.jpg');
    await vscode.commands.executeCommand('faceInspector.detect', image); // warm
    let ticks = 0, last = Date.now(), longestGap = 0;
    const timer = setInterval(() => { const now = Date.now(); longestGap = Math.max(longestGap, now - last); last = now; ticks++; }, 10);
    const started = Date.now();
    try { await vscode.commands.executeCommand('faceInspector.detect', image); } finally { clearInterval(timer); }
    const elapsed = Date.now() - started;
    // Run in this thread, a detect gives no tick at all for its whole duration (~0.5 s here).
    assert.ok(ticks >= elapsed / 10 / 4, `only ${ticks} ticks of 10 ms in ${elapsed} ms (longest gap ${longestGap} ms)`);
  });

  it('finds no face in a photo of a dog', async () => {
    const inspector = await api();
    const image = workspaceImage('noface_dog.jpg');
    await vscode.commands.executeCommand('faceInspector.detect', image);
    assert.deepEqual(inspector.getResult(image)?.faces, []);
  });

  it('detects every image of an explorer multi-selection', async () => {
    const inspector = await api();
    const images = ['group4_identification1.jpg', 'fmt_group6_faces.png'].map(workspaceImage);
    assert.equal(await vscode.commands.executeCommand<number>('faceInspector.detect', images[0], images), 2);
    assert.equal(inspector.getResult(images[0])?.faces?.length, 4);
    assert.equal(inspector.getResult(images[1])?.faces?.length, 6);
  });

  it('from the command palette, detects the image open in the built-in image preview', async () => {
    const inspector = await api();
    const image = workspaceImage('headturn_detection3.jpg');
    await vscode.commands.executeCommand('vscode.openWith', image, 'imagePreview.previewEditor');
    assert.equal(await vscode.commands.executeCommand<number>('faceInspector.detect'), 1);
    assert.equal(inspector.getResult(image)?.status, 'done');
    assert.equal(inspector.getResult(image)?.faces?.length, 1);
  });

  it('shows the raw JSON of the result in a read-only side editor', async () => {
    const inspector = await api();
    const image = workspaceImage('single_detection1.jpg');
    await vscode.commands.executeCommand('faceInspector.detect', image);
    await vscode.commands.executeCommand('faceInspector.showJson', image);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'face-inspector' && d.uri.path.endsWith('single_detection1.jpg.faces.json'));
    assert.ok(doc, 'no raw JSON document was opened');
    assert.equal(doc.languageId, 'json');
    assert.deepEqual(JSON.parse(doc.getText()), inspector.getResult(image)?.faces);
  });

  it('Copy Value in the Faces view copies a field as JSON', async () => {
    const rectangle = { top: 66, left: 440, width: 227, height: 304 };
    await vscode.commands.executeCommand('faceInspector.copyValue', { value: rectangle });
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), rectangle);
    await vscode.commands.executeCommand('faceInspector.copyValue', { value: 'noGlasses' });
    assert.equal(await vscode.env.clipboard.readText(), 'noGlasses');
  });

  it('refuses an invalid setting before uploading anything, naming the setting', async () => {
    const inspector = await api();
    await config().update('detectionModel', 'detection_02', vscode.ConfigurationTarget.Global);
    await config().update('returnFaceAttributes', ['headPose'], vscode.ConfigurationTarget.Global);
    const image = workspaceImage('single_detection1.jpg');
    assert.equal(await vscode.commands.executeCommand<number>('faceInspector.detect', image), 0);
    const result = inspector.getResult(image);
    assert.equal(result?.status, 'error');
    assert.match(result!.error!, /detection_02/);
    assert.match(result!.error!, /faceInspector\.(returnFaceAttributes|detectionModel)/);
  });

  it('reports a corrupt image clearly and keeps the earlier result of another image', async () => {
    const inspector = await api();
    const good = workspaceImage('group6_faces.jpg');
    await vscode.commands.executeCommand('faceInspector.detect', good);
    const corrupt = workspaceImage('corrupt.jpg');
    await vscode.workspace.fs.writeFile(corrupt, new Uint8Array(4096).map((_, i) => (i * 7919) % 251));
    assert.equal(await vscode.commands.executeCommand<number>('faceInspector.detect', corrupt), 0);
    const result = inspector.getResult(corrupt)!;
    assert.equal(result.status, 'error');
    assert.match(result.error!, /corrupt\.jpg/);
    assert.match(result.error!, /JPEG|PNG|GIF|BMP/);
    assert.equal(inspector.getResult(good)?.faces?.length, 6, 'the other result was lost');
  });

  describe('Azure provider against the Face contract emulator', () => {
    const key = `it-key-${Date.now()}`;
    let emulator: RunningEmulator;
    before(async () => { emulator = await startEmulator({ keys: [key], faceSource: fixtureFaceSource }); });
    after(async () => { await vscode.commands.executeCommand('faceInspector.clearKey').then(undefined, () => undefined); await emulator?.close(); });

    it('uses the key set through the command, read back from SecretStorage, and never writes it to settings', async () => {
      const inspector = await api();
      await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('faceInspector.setKey', key);
      const image = workspaceImage('single_detection1.jpg');
      assert.equal(await vscode.commands.executeCommand<number>('faceInspector.detect', image), 1, inspector.getResult(image)?.error);
      const result = inspector.getResult(image)!;
      assert.equal(result.provider, 'azure');
      assert.match(result.providerLabel!, /not Azure/, 'the emulator must not be labelled as Azure');
      assert.ok(result.faces!.length >= 1);
      const sent = emulator.requests.at(-1)!;
      assert.equal(sent.headers['ocp-apim-subscription-key'], key);
      const url = new URL(sent.url, emulator.url);
      assert.equal(url.pathname, '/face/v1.2/detect');
      assert.equal(url.searchParams.get('returnFaceId'), 'false', 'returnFaceId must be sent explicitly as false');
      assert.equal(url.searchParams.get('detectionModel'), 'detection_03');
      const all = JSON.stringify(vscode.workspace.getConfiguration().inspect('faceInspector'));
      assert.ok(!JSON.stringify(config()).includes(key) && !all.includes(key), 'the key leaked into settings');
    });

    it('detects an image on the web by sending its URL for the service to download', async () => {
      const inspector = await api();
      const bytes = await vscode.workspace.fs.readFile(workspaceImage('group6_faces.jpg'));
      const web = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes));
      await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
      try {
        await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('faceInspector.setKey', key);
        const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/family/group6_faces.jpg`;
        assert.equal(await vscode.commands.executeCommand<number>('faceInspector.detectUrl', url), 1);
        const result = inspector.getResult(vscode.Uri.parse(url))!;
        assert.equal(result.status, 'done', result.error);
        assert.ok(result.faces!.length >= 1);
        assert.equal(emulator.requests.at(-1)!.headers['content-type'], 'application/json');
      } finally { web.close(); }
    });

    it('shows a 401 from the service as a message that says to check the key and endpoint', async () => {
      const inspector = await api();
      await config().update('endpoint', emulator.url, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('faceInspector.setKey', 'not-the-right-key');
      const image = workspaceImage('group4_identification1.jpg');
      assert.equal(await vscode.commands.executeCommand<number>('faceInspector.detect', image), 0);
      const result = inspector.getResult(image)!;
      assert.equal(result.status, 'error');
      assert.match(result.error!, /401/);
      assert.match(result.error!, /key/i);
      assert.ok(!result.error!.includes('not-the-right-key'), 'the key leaked into the error message');
    });
  });
});
