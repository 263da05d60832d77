// Microsoft Entra ID sign-in for the Azure provider: a DefaultAzureCredential (Azure CLI, environment,
// workload or managed identity, ...) whose tokens go out as `Authorization: Bearer`. @azure/identity
// is ~400 KB and ~30 ms to load, so it is imported on the first token request, never before.
import type { AzureAuth } from './azureProvider';
import { COGNITIVE_SERVICES_SCOPE } from './azureProvider';
import { FaceApiError } from './errors';

interface TokenCredentialLike {
  getToken(scope: string, options?: { abortSignal?: AbortSignal }): Promise<{ token: string } | null>;
}

export interface EntraAuthOptions {
  /** Restricts sign-in to one tenant; empty = the credential's default. */
  tenantId?: string;
  /** For tests and other hosts: supply a credential instead of DefaultAzureCredential. */
  credential?: TokenCredentialLike;
}

export function createEntraAuth(options: EntraAuthOptions = {}): AzureAuth {
  let credential: Promise<TokenCredentialLike> | undefined = options.credential && Promise.resolve(options.credential);
  const load = () => (credential ??= import('@azure/identity').then(({ DefaultAzureCredential }) =>
    new DefaultAzureCredential(options.tenantId ? { tenantId: options.tenantId } : undefined)));
  return {
    kind: 'token',
    async getToken(scope = COGNITIVE_SERVICES_SCOPE, signal?: AbortSignal): Promise<string> {
      let token: { token: string } | null;
      try {
        token = await (await load()).getToken(scope, { abortSignal: signal });
      } catch (e) {
        if (signal?.aborted) throw e;
        // The credential chain's message lists every source it tried; the first line says enough.
        const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0];
        throw new FaceApiError('service', `Microsoft Entra ID sign-in failed (${detail}). Sign in with "az login" or set the AZURE_* environment variables${options.tenantId ? ` for tenant ${options.tenantId}` : ''}, and give your identity the Cognitive Services User role on the Face resource.`);
      }
      if (!token?.token) throw new FaceApiError('service', 'Microsoft Entra ID returned no token: sign in again with "az login".');
      return token.token;
    },
  };
}
