// Which requests reach the detect operation (FACTS §1.1-1.2).
import { API_VERSIONS, type ApiVersion } from '../core/contract';
import { faceErrors } from './errors';
import { isOneOf } from './guards';

/**
 * The API version of a `POST /face/{version}/detect` request; anything else is a 404.
 * Matching is exact (case, slashes): a client that builds `//face/...` from an endpoint with a
 * trailing slash, or a wrong version, should find out here. The `_overload` query parameter is
 * an OpenAPI device, not part of the wire contract, so the query is not looked at.
 * Inferred: the real gateway's answer to other methods on this path is not documented; 404 too.
 */
export function detectRouteVersion(method: string, pathname: string): ApiVersion {
  const match = /^\/face\/([^/]+)\/detect$/.exec(pathname);
  const version = match?.[1];
  if (method !== 'POST' || !isOneOf(version, API_VERSIONS)) throw faceErrors.notFound();
  return version;
}
