// The request body: image bytes, or a JSON body naming where the image is (FACTS §1.2).
import { isIP } from 'node:net';
import type { ApiVersion } from '../core/contract';
import { faceErrors } from './errors';

/** sessionImageId bodies exist from v1.2-preview.1 on (`@added(Versions.v1_2_preview_1)`). */
const SESSION_IMAGE_VERSIONS: ReadonlySet<ApiVersion> = new Set(['v1.2-preview.1', 'v1.2']);
const DOWNLOAD_TIMEOUT_MS = 10_000;

/** The image of a detect request, whichever overload carried it. */
export async function imageFromBody(
  contentTypeHeader: string | undefined,
  body: Buffer,
  apiVersion: ApiVersion,
): Promise<Uint8Array> {
  const mediaType = (contentTypeHeader ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/octet-stream') return body;
  if (mediaType === 'application/json') return downloadImage(urlFromJsonBody(body, apiVersion));
  throw faceErrors.invalidMediaType();
}

function urlFromJsonBody(body: Buffer, apiVersion: ApiVersion): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw faceErrors.jsonParsing();
  }
  const fields = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  if (typeof fields.url === 'string') return fields.url;
  if (typeof fields.sessionImageId === 'string' && SESSION_IMAGE_VERSIONS.has(apiVersion)) throw faceErrors.sessionImageIdUnsupported();
  // Inferred: the documented "Request body is invalid." for a JSON body without a usable url.
  throw faceErrors.invalidBody();
}

/**
 * Fetches an image URL. The real service would download any public http(s) URL; this emulator
 * fetches only loopback addresses (this machine has no other network, and traffic elsewhere is
 * not allowed) and answers any other host as if the download had failed.
 */
async function downloadImage(url: string): Promise<Uint8Array> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw faceErrors.invalidUrl();
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw faceErrors.invalidUrl();
  if (!isLoopbackHost(target.hostname)) throw faceErrors.downloadFailed();
  try {
    // No redirects: one could lead off this machine.
    const response = await fetch(target, { redirect: 'error', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    throw faceErrors.downloadFailed();
  }
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
