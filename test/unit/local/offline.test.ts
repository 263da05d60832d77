// The local detector must not touch the network. A fresh Node process does a cold detect (engine
// load included) while every way out is recorded: sockets (net.Socket#connect and the
// 'net.client.socket' diagnostics channel), tls.connect, http(s).request, DNS lookups and fetch.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

const CHILD = `
const net = require('node:net'), tls = require('node:tls'), http = require('node:http'), https = require('node:https');
const dns = require('node:dns'), dc = require('node:diagnostics_channel'), fs = require('node:fs');
const calls = [];
const record = (what) => (...args) => { calls.push(what + ' ' + JSON.stringify(args[0] && typeof args[0] === 'object' ? { host: args[0].host, port: args[0].port, path: args[0].path } : args[0])); };
dc.subscribe('net.client.socket', ({ socket }) => calls.push('net.client.socket'));
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { record('net.Socket.connect')(...args); return connect.apply(this, args); };
for (const [mod, name, fn] of [[tls, 'tls', 'connect'], [http, 'http', 'request'], [https, 'https', 'request'], [http, 'http', 'get'], [https, 'https', 'get'], [dns, 'dns', 'lookup']]) {
  const original = mod[fn];
  mod[fn] = function (...args) { record(name + '.' + fn)(...args); return original.apply(this, args); };
}
const realFetch = globalThis.fetch;
globalThis.fetch = (...args) => { record('fetch')(String(args[0])); return realFetch(...args); };

(async () => {
  const { createLocalProvider } = require(${JSON.stringify(path.join(ROOT, 'src/local/index.ts'))});
  const bytes = fs.readFileSync(${JSON.stringify(path.resolve(ROOT, '../shared/testdata/images/single_detection1.jpg'))});
  const outcome = await createLocalProvider().detect({ kind: 'bytes', bytes }, {
    apiVersion: 'v1.2', detectionModel: 'detection_03', recognitionModel: 'recognition_04', returnFaceId: false,
    returnFaceLandmarks: true, returnFaceAttributes: ['headPose', 'blur', 'exposure', 'noise'], returnRecognitionModel: false });
  const duringDetect = calls.splice(0);
  // Control: prove the recorder sees a connection attempt (to a closed local port).
  await new Promise((resolve) => { const s = net.connect(9, '127.0.0.1'); s.on('error', resolve); s.on('connect', () => { s.destroy(); resolve(); }); });
  process.stdout.write(JSON.stringify({ faces: outcome.faces.length, duringDetect, control: calls }));
})().catch((err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });
`;

describe('local detector: no network', () => {
  it('a cold detect in a fresh process opens no socket, resolves no name and fetches nothing', function () {
    this.timeout(120_000);
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', CHILD], { cwd: ROOT, encoding: 'utf8' });
    const result = JSON.parse(output) as { faces: number; duringDetect: string[]; control: string[] };
    assert.equal(result.faces, 1, 'the detect must really have run');
    assert.deepEqual(result.duringDetect, []);
    assert.ok(result.control.some((c) => c.startsWith('net.Socket.connect')) && result.control.includes('net.client.socket'), `recorder missed the control connection: ${JSON.stringify(result.control)}`);
  });
});
