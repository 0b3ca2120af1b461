/**
 * Signs requests the way Discord does for HTTP interactions — Ed25519 over `X-Signature-Timestamp` + the raw body,
 * with a key pair made here — and sends them over real loopback HTTP.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Agent } from 'node:http';
import { APP_ID, snowflake } from '../discord/fake-discord.ts';

export interface KeyPair {
  /** The public key as the Developer Portal shows it: 64 hex characters. */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function makeKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { publicKeyHex: raw.toString('hex'), privateKey };
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The `X-Signature-*` headers Discord would send with this body at this time. */
export function signatureHeaders(
  privateKey: KeyObject,
  body: string | Buffer,
  timestamp: number | string = nowSeconds(),
): Record<string, string> {
  const ts = String(timestamp);
  const signature = sign(null, Buffer.concat([Buffer.from(ts), Buffer.from(body)]), privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A body sent in one piece (with Content-Length), or chunks sent one by one with chunked encoding. */
  body?: string | Buffer | Buffer[];
  agent?: Agent;
}

/** One HTTP request to the server; resolves with its answer, even when the server stops reading the body early. */
export function send(url: string, options: SendOptions = {}): Promise<Reply> {
  const { method = 'POST', headers = {}, body, agent } = options;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, ...(agent ? { agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // a server that refuses a body mid-way closes the connection; the answer already read is what counts
    req.on('error', (error) => setTimeout(() => reject(error), 200));
    if (Array.isArray(body)) {
      const chunks = [...body];
      const next = () => {
        const chunk = chunks.shift();
        if (chunk === undefined) return void req.end();
        if (!req.destroyed) req.write(chunk, next);
      };
      next();
    } else req.end(body);
  });
}

/** POSTs an interaction (any JSON value) signed with `privateKey`, as Discord would. */
export function postSigned(
  url: string,
  privateKey: KeyObject,
  interaction: unknown,
  extra: { timestamp?: number; agent?: Agent } = {},
): Promise<Reply> {
  const body = JSON.stringify(interaction);
  return send(url, {
    body,
    headers: { 'content-type': 'application/json', ...signatureHeaders(privateKey, body, extra.timestamp) },
    ...(extra.agent ? { agent: extra.agent } : {}),
  });
}

/** The PING Discord sends when the endpoint URL is saved, and now and then after. */
export function ping(): Record<string, unknown> {
  return { id: snowflake(), application_id: APP_ID, type: 1, token: `token-${snowflake()}`, version: 1, entitlements: [] };
}
