// Picks and builds the provider the settings ask for. Heavy modules (the local engine,
// @azure/identity, undici inside the Azure transport) load here on first use, never at activation.
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AzureAuth, AzureProvider, AzureProviderOptions } from '../core/azureProvider';
import type { FaceProvider } from '../core/provider';
import type { LocalWorkerProvider } from '../local/workerProvider';
import { ActionableError, openSettingsAction } from './actionableError';
import type { KeyStore } from './keyStore';
import { effectiveProvider, type InspectorSettings } from './settings';
import type { Logger } from './log';

export class ProviderFactory implements vscode.Disposable {
  private local: LocalWorkerProvider | undefined;
  /** The Azure provider is kept while its settings stay the same, so connections are reused. */
  private azure: { fingerprint: string; provider: AzureProvider } | undefined;
  private readonly entra = new Map<string, AzureAuth>();

  constructor(
    private readonly keys: KeyStore,
    private readonly log: Logger,
    private readonly extensionPath: string,
  ) {}

  async get(settings: InspectorSettings): Promise<FaceProvider> {
    return effectiveProvider(settings) === 'local' ? this.getLocal() : this.getAzure(settings);
  }

  private async getLocal(): Promise<FaceProvider> {
    if (!this.local) {
      // The engine runs in a worker thread: a detection takes 0.5-1 s of CPU, which must not
      // freeze the extension host. dist/local-assets holds its models and WASM files.
      const { createLocalWorkerProvider } = await import('../local/workerProvider');
      const assetRoot = path.join(this.extensionPath, 'dist', 'local-assets');
      this.local = createLocalWorkerProvider({
        workerScript: path.join(this.extensionPath, 'dist', 'lazy', 'local-worker.js'),
        assetRoot: existsSync(assetRoot) ? assetRoot : undefined,
        logger: this.log,
      });
    }
    return this.local;
  }

  private async getAzure(s: InspectorSettings): Promise<FaceProvider> {
    if (!s.endpoint) {
      throw new ActionableError(
        vscode.l10n.t('faceInspector.provider is "azure" but faceInspector.endpoint is empty. Set the endpoint of your Face resource, or set the provider to "local".'),
        [openSettingsAction('faceInspector.endpoint')],
      );
    }
    const common = { endpoint: s.endpoint, timeoutMs: s.timeoutMs, maxRetries: s.maxRetries, proxy: proxySetting(), logger: this.log };
    if (s.auth === 'entraId') {
      // One credential per tenant, kept: DefaultAzureCredential caches its tokens.
      let auth = this.entra.get(s.tenantId);
      if (!auth) {
        const { createEntraAuth } = await import('../core/entraAuth');
        auth = createEntraAuth({ tenantId: s.tenantId || undefined });
        this.entra.set(s.tenantId, auth);
      }
      return this.azureWith(common, `entra:${s.tenantId}`, auth);
    }
    const key = await this.keys.get(s.endpoint);
    if (!key) {
      throw new ActionableError(
        vscode.l10n.t('No Azure Face key is stored for {0}. Run "Face Inspector: Set Azure Face Key", or use Microsoft Entra ID (faceInspector.auth).', s.endpoint),
        [{ title: vscode.l10n.t('Set Key'), command: 'faceInspector.setKey' }, openSettingsAction('faceInspector.auth')],
      );
    }
    return this.azureWith(common, `key:${key}`, { kind: 'key', key });
  }

  private async azureWith(common: Omit<AzureProviderOptions, 'auth'>, authId: string, auth: AzureAuth): Promise<FaceProvider> {
    // In memory only: the fingerprint holds the key to notice a changed key, and is never logged.
    const fingerprint = JSON.stringify([common.endpoint, common.timeoutMs, common.maxRetries, common.proxy, authId]);
    if (this.azure?.fingerprint !== fingerprint) {
      const { createAzureProvider } = await import('../core/azureProvider');
      void this.azure?.provider.close();
      this.azure = { fingerprint, provider: createAzureProvider({ ...common, auth }) };
    }
    return this.azure.provider;
  }

  dispose(): void {
    void this.azure?.provider.close();
    void this.local?.dispose();
  }

}

/** VS Code's http.proxy, falling back to the usual environment variables. */
function proxySetting(): string | undefined {
  const fromSettings = vscode.workspace.getConfiguration('http').get<string>('proxy');
  return fromSettings || process.env.HTTPS_PROXY || process.env.https_proxy || undefined;
}
