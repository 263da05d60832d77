// Authentication (FACTS §2): a resource key or an Entra ID bearer token; either one suffices.
import type { IncomingHttpHeaders } from 'node:http';
import { faceErrors } from './errors';

export interface AuthPolicy {
  keys: readonly string[];
  acceptToken: (token: string) => boolean;
}

export function checkAuth(headers: IncomingHttpHeaders, policy: AuthPolicy): void {
  const key = headers['ocp-apim-subscription-key'];
  if (typeof key === 'string' && policy.keys.includes(key)) return;
  const bearer = /^Bearer\s+(\S.*)$/i.exec(headers.authorization ?? '');
  const token = bearer?.[1]?.trim();
  if (token && policy.acceptToken(token)) return;
  // Inferred: a rejected token gets the same documented 401 body as a bad key.
  throw faceErrors.unauthorized();
}
