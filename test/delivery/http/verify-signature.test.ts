/**
 * Discord's request signature, checked with a key pair made in the test: what Discord signed now passes; anything
 * missing, malformed, signed by another key, altered, or signed too long ago (or too far ahead) does not.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_AGE_SECONDS,
  MAX_FUTURE_SECONDS,
  PublicKeyError,
  publicKeyFromHex,
  verifyDiscordRequest,
} from '../../../src/delivery/http/verify-signature.ts';
import { makeKeyPair, signatureHeaders } from './signed-requests.ts';

const discord = makeKeyPair();
const key = publicKeyFromHex(discord.publicKeyHex);
const NOW_MS = 1_764_000_000_000;
const NOW = NOW_MS / 1000;
const body = Buffer.from(JSON.stringify({ id: '1', type: 2, token: 't', data: { name: 'who' } }));

function signed(timestamp = NOW, payload: Buffer = body, privateKey = discord.privateKey) {
  const h = signatureHeaders(privateKey, payload, timestamp);
  return { signature: h['x-signature-ed25519'], timestamp: h['x-signature-timestamp'], body: payload };
}

describe('verifying that Discord signed a request', () => {
  it('accepts a request Discord signed just now, and one signed almost five minutes ago', () => {
    expect(verifyDiscordRequest(key, signed(), NOW_MS)).toEqual({ ok: true });
    expect(verifyDiscordRequest(key, signed(NOW - MAX_AGE_SECONDS), NOW_MS)).toEqual({ ok: true });
    expect(verifyDiscordRequest(key, signed(NOW + MAX_FUTURE_SECONDS), NOW_MS)).toEqual({ ok: true });
  });

  it('accepts the key and signature in upper-case hex', () => {
    const request = signed();
    expect(
      verifyDiscordRequest(
        publicKeyFromHex(discord.publicKeyHex.toUpperCase()),
        { ...request, signature: request.signature?.toUpperCase() },
        NOW_MS,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses a request without a signature or without a timestamp', () => {
    const request = signed();
    expect(verifyDiscordRequest(key, { ...request, signature: undefined }, NOW_MS)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyDiscordRequest(key, { ...request, timestamp: undefined }, NOW_MS)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyDiscordRequest(key, { ...request, signature: '' }, NOW_MS)).toEqual({ ok: false, reason: 'missing' });
  });

  it.each([
    ['a signature that is not hex', (s: string) => `${s.slice(0, -2)}zz`, (t: string) => t],
    ['a signature one byte short', (s: string) => s.slice(0, -2), (t: string) => t],
    ['a signature one byte long', (s: string) => `${s}00`, (t: string) => t],
    ['a timestamp that is not a number', (s: string) => s, (t: string) => `${t}.5`],
    ['a negative timestamp', (s: string) => s, (t: string) => `-${t}`],
  ])('refuses %s as malformed', (_what, alterSignature, alterTimestamp) => {
    const request = signed();
    expect(
      verifyDiscordRequest(
        key,
        { ...request, signature: alterSignature(request.signature ?? ''), timestamp: alterTimestamp(request.timestamp ?? '') },
        NOW_MS,
      ),
    ).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a request signed with another key', () => {
    expect(verifyDiscordRequest(key, signed(NOW, body, makeKeyPair().privateKey), NOW_MS)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a request whose body or timestamp was changed after signing', () => {
    const request = signed();
    const tampered = Buffer.from(body.toString().replace('"who"', '"how"'));
    expect(verifyDiscordRequest(key, { ...request, body: tampered }, NOW_MS)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyDiscordRequest(key, { ...request, body: Buffer.concat([body, Buffer.from(' ')]) }, NOW_MS)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyDiscordRequest(key, { ...request, timestamp: String(NOW - 1) }, NOW_MS)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a genuine signature made more than five minutes ago (a replay), naming the clock difference', () => {
    expect(verifyDiscordRequest(key, signed(NOW - MAX_AGE_SECONDS - 1), NOW_MS)).toEqual({
      ok: false,
      reason: 'stale',
      skewSeconds: -MAX_AGE_SECONDS - 1,
    });
  });

  it('refuses a genuine signature dated more than a minute ahead of this clock', () => {
    expect(verifyDiscordRequest(key, signed(NOW + MAX_FUTURE_SECONDS + 1), NOW_MS)).toEqual({
      ok: false,
      reason: 'future',
      skewSeconds: MAX_FUTURE_SECONDS + 1,
    });
  });

  it.each(['', 'abc', 'g'.repeat(64), 'a'.repeat(62), 'a'.repeat(66)])('refuses %j as a public key', (hex) => {
    expect(() => publicKeyFromHex(hex)).toThrow(PublicKeyError);
  });
});
