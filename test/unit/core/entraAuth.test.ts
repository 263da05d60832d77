// Entra ID sign-in with a real @azure/identity DefaultAzureCredential. Its managed-identity source
// (App Service style: IDENTITY_ENDPOINT + IDENTITY_HEADER) is pointed at a token endpoint on loopback,
// and the token it returns is checked by the Face contract emulator (a local test server, not Azure).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAzureProvider, DEFAULT_DETECT_OPTIONS, FaceApiError } from '../../../src/core/index';
import { createEntraAuth } from '../../../src/core/entraAuth';
import { fixtureFaceSource, startEmulator, type RunningEmulator } from '../../../src/emulator/server';
import { photo } from './helpers';

const TOKEN = 'entra-token-from-local-endpoint';
const ENV = ['IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'MSI_ENDPOINT', 'MSI_SECRET', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_FEDERATED_TOKEN_FILE'] as const;

describe('Entra ID sign-in (DefaultAzureCredential against a local token endpoint)', () => {
  let tokenServer: Server;
  let tokenRequests: URL[] = [];
  let answer: { status: number; body: object } = { status: 200, body: {} };
  let emulator: RunningEmulator;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    for (const k of ENV) { saved[k] = process.env[k]; delete process.env[k]; }
    tokenServer = createServer((req, res) => {
      tokenRequests.push(new URL(req.url ?? '/', 'http://localhost'));
      if (req.headers['x-identity-header'] !== 'local-identity-header') { res.writeHead(401).end(); return; }
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/msi/token`;
    process.env.IDENTITY_HEADER = 'local-identity-header';
    emulator = await startEmulator({ faceSource: fixtureFaceSource, acceptToken: (t) => t === TOKEN });
  });
  after(async () => {
    await emulator.close();
    await new Promise((resolve) => tokenServer.close(resolve));
    for (const k of ENV) { if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k]; }
  });
  beforeEach(() => { tokenRequests = []; });

  // The failure case runs first: MSAL caches a managed-identity token process-wide once it has one.
  it('turns a failed sign-in into one message that says how to sign in, without calling the service', async () => {
    answer = { status: 400, body: { error: 'invalid_request', error_description: 'Identity not found' } };
    const before = emulator.requests.length;
    const provider = createAzureProvider({ endpoint: emulator.url, auth: createEntraAuth({ tenantId: 'contoso-tenant' }), maxRetries: 0 });
    try {
      await assert.rejects(provider.detect({ kind: 'bytes', bytes: photo('single_detection1.jpg') }, DEFAULT_DETECT_OPTIONS), (e: unknown) => {
        assert.ok(e instanceof FaceApiError);
        assert.match(e.message, /^Microsoft Entra ID sign-in failed/);
        assert.match(e.message, /az login/);
        assert.match(e.message, /Cognitive Services User/);
        assert.match(e.message, /contoso-tenant/);
        return true;
      });
    } finally { await provider.close(); }
    assert.equal(emulator.requests.length, before, 'nothing may be sent to the service without a token');
  });

  it('gets a token for the Cognitive Services scope and sends it as a bearer token', async () => {
    answer = { status: 200, body: { access_token: TOKEN, expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: 'https://cognitiveservices.azure.com', token_type: 'Bearer' } };
    const provider = createAzureProvider({ endpoint: emulator.url, auth: createEntraAuth(), maxRetries: 0 });
    try {
      const outcome = await provider.detect({ kind: 'bytes', bytes: photo('single_detection1.jpg') }, DEFAULT_DETECT_OPTIONS);
      assert.ok(outcome.faces.length >= 1);
    } finally { await provider.close(); }
    assert.equal(tokenRequests.length, 1);
    assert.equal(tokenRequests[0].searchParams.get('resource'), 'https://cognitiveservices.azure.com');
    const sent = emulator.requests.at(-1)!;
    assert.equal(sent.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(sent.headers['ocp-apim-subscription-key'], undefined);
  });
});
