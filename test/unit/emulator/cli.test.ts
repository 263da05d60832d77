import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseCliArgs } from '../../../src/emulator/cliArgs';
import { image, KEY } from './helpers';

const REPO = path.resolve(__dirname, '../../..');

describe('emulator CLI: flags', () => {
  it('parses every flag', () => {
    const argv = ['--port', '8080', '--key', 'a', '--key', 'b', '--approved-face-id', '--latency-ms', '250', '--rate-limit', 'F0',
      '--retry-after-header', '--fault', '5xx', '--fault', 'reset:3', '--faces', 'fixtures'];
    assert.deepEqual(parseCliArgs(argv), {
      port: 8080,
      keys: ['a', 'b'],
      approvedForFaceId: true,
      latencyMs: 250,
      rateLimit: 'F0',
      retryAfterHeader: true,
      faults: [{ kind: '5xx' }, { kind: 'reset', times: 3 }],
      faces: 'fixtures',
    });
  });

  it('starts from nothing', () => assert.deepEqual(parseCliArgs([]), {}));

  for (const argv of [['--rate-limit', 'P1'], ['--fault', 'boom'], ['--fault', 'reset:x'], ['--port'], ['--port', '-1'], ['--faces', 'azure'], ['--bogus']]) {
    it(`refuses ${argv.join(' ')}`, () => assert.throws(() => parseCliArgs(argv)));
  }
});

describe('emulator CLI: npm run emulator', function () {
  this.timeout(30_000);

  it('prints the banner and the URL, serves detect, and stops on Ctrl-C', async () => {
    const child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), ['src/emulator/main.ts', '--faces', 'fixtures', '--approved-face-id'], { cwd: REPO });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /Endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      assert.match(output, /Face API contract emulator — a local test server, not Azure/);
      const response = await fetch(`${url}/face/v1.2/detect`, {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': KEY, 'Content-Type': 'application/octet-stream' },
        body: image('single_detection1.jpg'),
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-face-emulator'), '1');
      child.kill('SIGINT');
      assert.equal(await exited, 0);
    } finally {
      child.kill('SIGKILL'); // no-op once it has exited
    }
  });
});
