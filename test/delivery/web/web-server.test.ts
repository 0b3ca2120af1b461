/**
 * The pages over a real loopback socket: on their own port in gateway mode, on the interactions port in HTTP mode
 * (PUBLIC_URL set), and not at all without PUBLIC_URL.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { readHttpEnv } from '../../../src/config/env.ts';
import { type RunningHttp } from '../../../src/delivery/http/start-http.ts';
import { startHttpBot } from '../../../src/delivery/http/start-http-bot.ts';
import { type RunningWebServer, servesPages, startWebServer } from '../../../src/delivery/web/web-server.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { APP_ID, slashCommand } from '../discord/fake-discord.ts';
import { callbackProblems } from '../http/endpoint.ts';
import { makeKeyPair, ping, postSigned, send } from '../http/signed-requests.ts';

const AP = 'ap-how-the-hostage-deal-came-about';
const knowledge = fixedKnowledge(bundledKnowledge());
const logger = createLogger('silent');

describe('the pages on their own port (gateway mode)', () => {
  let web: RunningWebServer;
  beforeAll(async () => (web = await startWebServer({ site: { knowledge }, logger, port: 0 })));
  afterAll(() => web.stop());

  it('serves a source page with its headers, and HEAD with the same headers and no body', async () => {
    const got = await send(`${web.url}/sources/${AP}`, { method: 'GET' });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain("default-src 'none'");
    expect(got.text).toContain('How the hostage deal came about');
    const head = await send(`${web.url}/sources/${AP}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers['content-length']).toBe(got.headers['content-length']);
  });

  it('keeps encoded slashes and dot segments inside /sources (404), as sent on the wire', async () => {
    for (const path of ['/sources/..%2F..%2Fpackage.json', '/sources/%2e%2e/%2e%2e/package.json', '/sources/..\\..\\package.json']) {
      expect((await send(`${web.url}${path}`, { method: 'GET' })).status).toBe(404);
    }
  });

  it('refuses to be written to', async () => {
    const posted = await send(`${web.url}/sources`, { method: 'POST', body: 'x' });
    expect(posted.status).toBe(405);
    expect(posted.headers.allow).toBe('GET, HEAD');
  });
});

describe('a page that fails', () => {
  it('is answered 500 in words and logged, and the server keeps serving', async () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
    const web = await startWebServer({
      site: {
        knowledge,
        timelinePng: () => {
          throw new Error('renderer broke');
        },
      },
      logger: log,
      port: 0,
    });
    try {
      const failed = await send(`${web.url}/timeline.png`, { method: 'GET' });
      expect(failed.status).toBe(500);
      expect(failed.text).toBe('Something went wrong on our side; the error is logged.\n');
      expect(lines.join('')).toMatch(/"msg":"page failed to render".*renderer broke|renderer broke.*"msg":"page failed to render"/);
      expect((await send(`${web.url}/sources`, { method: 'GET' })).status).toBe(200);
    } finally {
      await web.stop();
    }
  });
});

describe('which process serves the pages under sharding', () => {
  it('is the first shard, or a bot that is not sharded', () => {
    expect(servesPages({})).toBe(true);
    expect(servesPages({ SHARDS: '0' })).toBe(true);
    expect(servesPages({ SHARDS: '[0,1]' })).toBe(true);
    expect(servesPages({ SHARDS: '1' })).toBe(false);
  });
});

describe('HTTP interactions mode', () => {
  const keys = makeKeyPair();
  const common = { logger, knowledge, commands: COMMANDS, cooldownMs: 0, port: 0 };
  const env = (extra: Record<string, string> = {}) =>
    readHttpEnv({ DISCORD_APPLICATION_ID: APP_ID, DISCORD_PUBLIC_KEY: keys.publicKeyHex, HTTP_HOST: '127.0.0.1', ...extra });
  let withPages: RunningHttp;
  let without: RunningHttp;
  beforeAll(async () => {
    withPages = await startHttpBot({ ...common, env: env({ PUBLIC_URL: 'https://talks.example.org/' }) });
    without = await startHttpBot({ ...common, env: env() });
  });
  afterAll(async () => {
    await withPages.stop(1_000);
    await without.stop(1_000);
  });
  const base = (http: RunningHttp) => http.url.replace(/\/interactions$/, '');

  it('serves the pages on the interactions port, and still answers interactions and health checks', async () => {
    expect((await send(`${base(withPages)}/sources`, { method: 'GET' })).status).toBe(200);
    expect((await send(`${base(withPages)}/timeline`, { method: 'GET' })).text).toContain('Timeline of the talks');
    expect((await send(`${base(withPages)}/healthz`, { method: 'GET' })).status).toBe(200);
    expect(JSON.parse((await postSigned(withPages.url, keys.privateKey, ping())).text)).toEqual({ type: 1 });
  });

  it('links each quote of an answer to its context at PUBLIC_URL', async () => {
    const reply = await postSigned(withPages.url, keys.privateKey, slashCommand('who', { name: 'McGurk' }));
    const body = JSON.parse(reply.text) as {
      data: { components: Array<{ components: Array<{ style: number; url?: string; label: string }> }> };
    };
    expect(callbackProblems(body)).toEqual([]);
    const links = body.data.components.flatMap((row) => row.components).filter((b) => b.style === 5);
    expect(links[0]).toEqual({
      type: 2,
      style: 5,
      label: 'Quote 1 in context',
      url: `https://talks.example.org/sources/${AP}?q=${AP}%2310#${AP}%2310`,
    });
  });

  it('without PUBLIC_URL serves no pages and adds no links', async () => {
    expect((await send(`${base(without)}/sources`, { method: 'GET' })).status).toBe(404);
    const reply = JSON.parse((await postSigned(without.url, keys.privateKey, slashCommand('who', { name: 'McGurk' }))).text) as {
      data: { components: Array<{ components: Array<{ style: number }> }> };
    };
    expect(reply.data.components.flatMap((row) => row.components).some((b) => b.style === 5)).toBe(false);
  });
});
