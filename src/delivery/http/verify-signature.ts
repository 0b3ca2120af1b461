/**
 * Discord's request signing for HTTP interactions: every request carries `X-Signature-Ed25519`, an Ed25519 signature
 * by Discord over `X-Signature-Timestamp` followed by the raw body, checkable with the application's public key
 * (Developer Portal → General Information → Public Key, 64 hex characters). Anyone can reach the endpoint, so
 * nothing in a request is read before this check passes; a request Discord signed more than five minutes ago is
 * refused too, so a captured request cannot be replayed later. The headers alone are screened before the body is
 * read (`screenSignatureHeaders`): a request without them, with malformed ones or with a timestamp outside the window
 * can never pass, so the server refuses it without holding its body in memory. node:crypto only.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** ASN.1 DER header of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How old a signed request may be; beyond this it is a replay, or the server's clock is wrong. */
export const MAX_AGE_SECONDS = 5 * 60;
/** How far ahead of this server's clock a timestamp may be: clock drift between Discord and this machine. */
export const MAX_FUTURE_SECONDS = 60;

const HEX_KEY = /^[0-9a-f]{64}$/i;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

/** Why a request was refused: the reason is logged, never shown to the caller. */
export type Refusal = 'missing' | 'malformed' | 'bad-signature' | 'stale' | 'future';

export type SignatureVerdict = { ok: true } | { ok: false; reason: Refusal; skewSeconds?: number };

export class PublicKeyError extends Error {
  override name = 'PublicKeyError';
}

/**
 * The application's public key, ready to verify with: the 32 raw bytes from the hex string, wrapped in the SPKI DER
 * header node:crypto needs.
 *
 * @example
 * const key = publicKeyFromHex(env.DISCORD_PUBLIC_KEY); // throws PublicKeyError on anything but 64 hex characters
 */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!HEX_KEY.test(hex))
    throw new PublicKeyError('the public key must be 64 hex characters (Developer Portal → General Information → Public Key)');
  try {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
  } catch (error) {
    throw new PublicKeyError(`the public key is not a usable Ed25519 key: ${(error as Error).message}`);
  }
}

export type HeaderVerdict =
  { ok: true; timestampSeconds: number } | { ok: false; reason: Exclude<Refusal, 'bad-signature'>; skewSeconds?: number };

/** Where a timestamp stands against the window: its skew in seconds, and whether that is too old or too far ahead. */
function ageOf(timestamp: string, nowMs: number): { skewSeconds: number; reason?: 'stale' | 'future' } {
  const skewSeconds = Number(timestamp) - Math.floor(nowMs / 1000);
  if (skewSeconds < -MAX_AGE_SECONDS) return { skewSeconds, reason: 'stale' };
  if (skewSeconds > MAX_FUTURE_SECONDS) return { skewSeconds, reason: 'future' };
  return { skewSeconds };
}

/**
 * Whether a request's signature headers could belong to a request Discord signed just now — present, well-formed
 * (128 hex characters; Unix seconds) and inside the time window — checked before a byte of the body is read. Passing
 * proves nothing yet (anyone can write such headers; `verifyDiscordRequest` checks the signature once the body is
 * in); failing means no body can make the request pass. Unlike `verifyDiscordRequest`, a "stale" or "future" verdict
 * here does not mean Discord signed it.
 *
 * @example
 * const screened = screenSignatureHeaders(req.headers['x-signature-ed25519'], req.headers['x-signature-timestamp']);
 * if (!screened.ok) return refuseAndClose(401); // the body is never read
 */
export function screenSignatureHeaders(
  signature: string | undefined,
  timestamp: string | undefined,
  nowMs: number = Date.now(),
): HeaderVerdict {
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!HEX_SIGNATURE.test(signature) || !UNIX_SECONDS.test(timestamp)) return { ok: false, reason: 'malformed' };
  const { skewSeconds, reason } = ageOf(timestamp, nowMs);
  return reason ? { ok: false, reason, skewSeconds } : { ok: true, timestampSeconds: Number(timestamp) };
}

export interface SignedRequest {
  /** The `X-Signature-Ed25519` header as received (hex). */
  signature: string | undefined;
  /** The `X-Signature-Timestamp` header as received (Unix seconds). */
  timestamp: string | undefined;
  /** The body exactly as received, before any decoding. */
  body: Buffer;
}

/**
 * Whether Discord signed this request recently. The signature is checked before the timestamp's age, so a "stale"
 * or "future" verdict always means a genuine Discord signature: a replay, or this machine's clock is off by
 * `skewSeconds`.
 *
 * @example
 * const verdict = verifyDiscordRequest(key, { signature: req.headers['x-signature-ed25519'], timestamp: req.headers['x-signature-timestamp'], body });
 * if (!verdict.ok) return refuse(401, verdict.reason);
 */
export function verifyDiscordRequest(key: KeyObject, request: SignedRequest, nowMs: number = Date.now()): SignatureVerdict {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!HEX_SIGNATURE.test(signature) || !UNIX_SECONDS.test(timestamp)) return { ok: false, reason: 'malformed' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  let valid: boolean;
  try {
    valid = verify(null, signed, key, Buffer.from(signature, 'hex'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad-signature' };
  const { skewSeconds, reason } = ageOf(timestamp, nowMs);
  return reason ? { ok: false, reason, skewSeconds } : { ok: true };
}
