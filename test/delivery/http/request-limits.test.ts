/**
 * What a client that never finishes its request can make the endpoint hold. A request without plausible signature
 * headers (missing, malformed, stale, far ahead) is refused with 401 before its body is read, so stalling the body
 * pins nothing; connections past the cap are closed as they arrive; and bodies that would take the bytes held by all
 * requests together past the budget are refused with 503 at once. Each time, a genuine request still gets through
 * once the stalled ones are gone.
 */
import { type ClientRequest, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/delivery/http/interactions-server.ts';
import type { InteractionHandler } from '../../../src/delivery/http/first-response.ts';
import { slashCommand } from '../discord/fake-discord.ts';
import { type Endpoint, startEndpoint } from './endpoint.ts';
import { nowSeconds, ping, postSigned } from './signed-requests.ts';

const answer: InteractionHandler = (_interaction, sendFirst) => sendFirst({ type: 4, data: { content: 'answered' } });

interface Outcome {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  text?: string;
  error?: string;
}

/** A POST that sends its headers and `sent` bytes of a `length`-byte body, then stalls; resolves with whatever comes back. */
function stalledPost(
  url: string,
  headers: Record<string, string>,
  sent: number,
  length?: number,
): { outcome: Promise<Outcome>; req: ClientRequest } {
  const req = request(url, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', ...(length === undefined ? {} : { 'content-length': String(length) }), ...headers },
  });
  const outcome = new Promise<Outcome>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
  });
  req.flushHeaders();
  if (sent > 0) req.write(Buffer.alloc(sent, 32));
  return { outcome, req };
}

/** Headers anyone can write that look like Discord's until the signature is checked. */
const plausible = () => ({ 'x-signature-ed25519': 'ab'.repeat(64), 'x-signature-timestamp': String(nowSeconds()) });

async function until(test: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const connections = (endpoint: Endpoint) =>
  new Promise<number>((resolve) => endpoint.server.server.getConnections((_error, count) => resolve(count)));

describe('requests that never finish', () => {
  let endpoint: Endpoint | null = null;
  const stalled: ClientRequest[] = [];
  afterEach(async () => {
    for (const req of stalled.splice(0)) req.destroy();
    await endpoint?.close();
    endpoint = null;
  });

  it.each([
    ['without signature headers', () => ({})],
    ['with a signature that is not 128 hex characters', () => ({ ...plausible(), 'x-signature-ed25519': 'ab'.repeat(63) })],
    ['with a timestamp that is not digits', () => ({ ...plausible(), 'x-signature-timestamp': 'now' })],
    ['signed, it says, ten minutes ago', () => ({ ...plausible(), 'x-signature-timestamp': String(nowSeconds() - 600) })],
    ['signed, it says, ten minutes ahead', () => ({ ...plausible(), 'x-signature-timestamp': String(nowSeconds() + 600) })],
  ])('a request %s and a body that never ends is answered 401 at once, and its connection closed', async (_what, headers) => {
    endpoint = await startEndpoint(answer);
    // 1 MiB less a little announced, 64 KiB sent, and then nothing: the answer cannot wait for the body
    const post = stalledPost(endpoint.url, headers(), 64 * 1024, MAX_BODY_BYTES - 100);
    stalled.push(post.req);
    const outcome = await post.outcome;
    expect(outcome.status).toBe(401);
    expect(outcome.headers?.connection).toBe('close');
    expect(endpoint.received).toEqual([]);
    expect(endpoint.logs.findLast((l) => l.msg === 'unsigned or badly signed request refused')).toBeDefined();
    expect((await postSigned(endpoint.url, endpoint.keys.privateKey, slashCommand('help', {}))).status).toBe(200);
  });

  it('closes connections over the cap as they arrive, logs it, and serves again once they are gone', async () => {
    endpoint = await startEndpoint(answer, { maxConnections: 8 });
    const open = endpoint;
    for (let n = 0; n < 8; n++) stalled.push(stalledPost(open.url, plausible(), 100, 10_000).req);
    await until(async () => (await connections(open)) === 8, 'eight stalled connections');
    const refused = await postSigned(open.url, open.keys.privateKey, ping()).then(
      (reply) => ({ status: reply.status }),
      (error: NodeJS.ErrnoException) => ({ error: error.code ?? error.message }),
    );
    expect(refused).toEqual({ error: expect.any(String) as string });
    expect(open.logs.find((l) => l.msg === 'connections refused: too many open at once')).toMatchObject({ level: 40, limit: 8 });
    for (const req of stalled.splice(0)) req.destroy();
    await until(async () => (await connections(open)) === 0, 'the stalled connections to close');
    expect(JSON.parse((await postSigned(open.url, open.keys.privateKey, ping())).text)).toEqual({ type: 1 });
  });

  it('answers 503 at once when bodies being read would hold more than the budget, announced or chunked', async () => {
    endpoint = await startEndpoint(answer, { maxBufferedBytes: 100_000 });
    const open = endpoint;
    // one request announcing 80 KB takes 80 KB of the budget while it stalls
    const first = stalledPost(open.url, plausible(), 1_000, 80_000);
    stalled.push(first.req);
    await until(() => open.server.inFlight === 1, 'the first request to be reading its body');
    const announced = stalledPost(open.url, plausible(), 0, 30_000);
    stalled.push(announced.req);
    const refused = await announced.outcome;
    expect([refused.status, refused.headers?.connection, refused.headers?.['retry-after']]).toEqual([503, 'close', '1']);
    // a chunked body (no Content-Length) is counted as it arrives
    const chunked = stalledPost(open.url, plausible(), 30_000);
    stalled.push(chunked.req);
    expect((await chunked.outcome).status).toBe(503);
    expect(open.logs.find((l) => l.msg === 'requests refused: the bodies being read fill the memory set aside for them')).toMatchObject({
      level: 40,
    });
    // the stalled request finishes (its forged signature is refused) and gives its bytes back
    first.req.end(Buffer.alloc(79_000, 32));
    expect((await first.outcome).status).toBe(401);
    expect((await postSigned(open.url, open.keys.privateKey, slashCommand('help', {}))).status).toBe(200);
    expect(open.received).toHaveLength(1);
  });

  it('keeps the header and request timeouts short, and the header one under the request one', async () => {
    endpoint = await startEndpoint(answer);
    const { server } = endpoint.server;
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
    expect(server.requestTimeout).toBeGreaterThan(0);
    expect(server.requestTimeout).toBeLessThanOrEqual(10_000);
  });
});
