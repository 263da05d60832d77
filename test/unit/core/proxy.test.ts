// VS Code's http.proxy (or HTTPS_PROXY for the CLI): requests go through the proxy, as a tunnel.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createAzureProvider, DEFAULT_DETECT_OPTIONS } from '../../../src/core/index';
import { fixtureFaceSource, startEmulator, type RunningEmulator } from '../../../src/emulator/server';
import { TEST_KEY, photo } from './helpers';

describe('transport through a proxy', () => {
  let emulator: RunningEmulator;
  let proxy: Server;
  const tunnels: string[] = [];

  before(async () => {
    emulator = await startEmulator({ keys: [TEST_KEY], faceSource: fixtureFaceSource });
    // A minimal CONNECT proxy: records each tunnel's target and pipes bytes both ways.
    proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, client, head) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await emulator.close();
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('sends the detect request through the configured proxy', async () => {
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const provider = createAzureProvider({ endpoint: emulator.url, auth: { kind: 'key', key: TEST_KEY }, proxy: proxyUrl, maxRetries: 0 });
    try {
      const outcome = await provider.detect({ kind: 'bytes', bytes: photo('single_detection1.jpg') }, DEFAULT_DETECT_OPTIONS);
      assert.ok(outcome.faces.length >= 1);
    } finally { await provider.close(); }
    assert.deepEqual(tunnels, [new URL(emulator.url).host]);
    assert.equal(emulator.requests.length, 1);
  });
});
