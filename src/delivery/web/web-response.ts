/**
 * What the site answers, before it is written to a socket: status, headers and body. Every answer carries the
 * same safety headers — a Content-Security-Policy that allows nothing but the page's own stylesheet and images
 * from the site, `nosniff`, no referrer, no framing — and an ETag, so a browser asking again for an unchanged page
 * gets a 304 without the body.
 */
import { createHash } from 'node:crypto';
import { STYLE_HASH } from '../../render/html/styles.ts';

export interface WebResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Nothing runs, nothing is fetched from elsewhere, no form posts anywhere, no page frames this one. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${STYLE_HASH}; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const SAFETY = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * A response with the safety headers. Pages follow the corpus, so a browser must check back before reusing one
 * (`no-cache` with an ETag); errors are not stored at all.
 *
 * @example
 * webResponse(200, 'text/html; charset=utf-8', '<!doctype html>…') // → { status: 200, headers: { etag: '"…"', … }, body }
 */
export function webResponse(status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): WebResponse {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const cache: Record<string, string> =
    status === 200
      ? { 'cache-control': 'no-cache', etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` }
      : { 'cache-control': 'no-store' };
  return {
    status,
    headers: { 'content-type': contentType, 'content-length': String(bytes.length), ...cache, ...SAFETY, ...extra },
    body: bytes,
  };
}

export const HTML = 'text/html; charset=utf-8';
