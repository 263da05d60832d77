import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../../src/cli/cli';
import { startEmulator, fixtureFaceSource, type RunningEmulator } from '../../../src/emulator/server';
import { createAzureProvider, DEFAULT_DETECT_OPTIONS } from '../../../src/core/index';

const KEY = 'cli-KEY-77d1e0c4b9a8f6e5';
const IMAGES = path.resolve(__dirname, '../../../../shared/testdata/images');
const img = (name: string) => path.join(IMAGES, name);

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, env, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('CLI', () => {
  let emulator: RunningEmulator;
  before(async () => { emulator = await startEmulator({ keys: [KEY], faceSource: fixtureFaceSource }); });
  after(async () => { await emulator.close(); });
  const env = () => ({ FACE_API_KEY: KEY, FACE_API_ENDPOINT: emulator.url });

  describe('usage errors exit 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['detect', 'a.jpg', '--key', 'abc'], /no --key option: put the key in the FACE_API_KEY/],
      [['detect', 'a.jpg', '--key=abc'], /FACE_API_KEY/],
      [['detect', 'a.jpg', '--bogus'], /bogus/],
      [[], /Missing command/],
      [['scan', 'a.jpg'], /Unknown command "scan"/],
      [['detect'], /at least one image/],
      [['detect', 'a.jpg', '--face-id-ttl', 'soon'], /--face-id-ttl expects a whole number/],
      [['detect', 'a.jpg', '--timeout', '0'], /--timeout expects a number of seconds > 0/],
      [['detect', 'a.jpg', '--provider', 'aws'], /--provider must be azure or local/],
    ];
    for (const [argv, pattern] of cases) {
      it(argv.join(' ') || '(no arguments)', async () => {
        const r = await run(argv, env());
        assert.equal(r.code, 2);
        assert.match(r.stderr, pattern);
        assert.equal(r.stdout, '');
        assert.ok(!r.stderr.includes('    at '), 'no stack trace');
      });
    }
  });

  it('--help and --version exit 0', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /face-inspector detect <image-or-url>/);
    const version = await run(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('--json with one input prints exactly the faces array the provider returns', async () => {
    const r = await run(['detect', img('single_detection1.jpg'), '--json'], env());
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout);
    const provider = createAzureProvider({ endpoint: emulator.url, auth: { kind: 'key', key: KEY } });
    const direct = await provider.detect({ kind: 'bytes', bytes: new Uint8Array(readFileSync(img('single_detection1.jpg'))) }, DEFAULT_DETECT_OPTIONS);
    await provider.close();
    assert.deepEqual(printed, direct.faces);
  });

  it('--json with several inputs prints an object keyed by input', async () => {
    const a = img('single_detection1.jpg');
    const b = img('group6_faces.jpg');
    const r = await run(['detect', a, b, '--json'], env());
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(printed), [a, b]);
    assert.ok(Array.isArray(printed[a]) && Array.isArray(printed[b]));
  });

  it('flags become query parameters', async () => {
    const before = emulator.requests.length;
    const r = await run(['detect', img('single_detection1.jpg'), '--detection-model', 'detection_01', '--attributes', 'headPose,glasses', '--no-landmarks', '--json'], env());
    assert.equal(r.code, 0, r.stderr);
    const url = emulator.requests[before].url;
    assert.match(url, /detectionModel=detection_01/);
    assert.match(url, /returnFaceAttributes=headPose,glasses/);
    assert.doesNotMatch(url, /returnFaceLandmarks/);
  });

  it('prints a readable summary without --json', async () => {
    const r = await run(['detect', img('single_detection1.jpg')], env());
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /single_detection1\.jpg: \d+ faces? \(Face API contract emulator, a local test server, not Azure/);
    assert.match(r.stdout, /#1 left \d+, top \d+, \d+x\d+ px/);
    assert.match(r.stdout, /head pose: pitch/);
  });

  it('validation error: exit 1, one line naming the flag, no stack, nothing sent', async () => {
    const before = emulator.requests.length;
    const r = await run(['detect', img('single_detection1.jpg'), '--detection-model', 'detection_02', '--attributes', 'headPose'], env());
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /detection_02 returns no attributes: clear --attributes or set --detection-model to detection_01 or detection_03/);
    assert.ok(!r.stderr.includes('    at '));
    assert.equal(emulator.requests.length, before);
  });

  it('service error (faceId without approval): exit 1, one line with the fix', async () => {
    const r = await run(['detect', img('single_detection1.jpg'), '--face-id'], env());
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /HTTP 403 UnsupportedFeature.*turn off --face-id/);
  });

  it('missing key, missing file and a URL with the local provider are one-line errors', async () => {
    const noKey = await run(['detect', img('single_detection1.jpg'), '--endpoint', emulator.url], {});
    assert.equal(noKey.code, 1);
    assert.match(noKey.stderr, /FACE_API_KEY/);
    const missing = await run(['detect', '/nope/missing.jpg'], env());
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Cannot read \/nope\/missing\.jpg: no such file/);
    const url = await run(['detect', 'https://example.com/a.jpg', '--provider', 'local'], {});
    assert.equal(url.code, 1);
    assert.match(url.stderr, /local detector needs a file/);
  });

  it('never prints the key, even with --verbose and on errors', async () => {
    const ok = await run(['detect', img('single_detection1.jpg'), '--verbose'], env());
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /\[info\] <- 200/);
    const bad = await run(['detect', img('single_detection1.jpg'), '--verbose', '--face-id'], env());
    const wrongKey = await run(['detect', img('single_detection1.jpg'), '--verbose'], { ...env(), FACE_API_KEY: 'another-secret-key-999' });
    for (const r of [ok, bad]) assert.ok(!`${r.stdout}${r.stderr}`.includes(KEY));
    assert.ok(!`${wrongKey.stdout}${wrongKey.stderr}`.includes('another-secret-key-999'));
    assert.equal(wrongKey.code, 1);
  });

  it('--provider local detects faces in a file (needs src/local)', async () => {
    const r = await run(['detect', img('single_detection1.jpg'), '--provider', 'local', '--json'], {});
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).length >= 1);
  });
});
