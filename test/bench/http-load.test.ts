/**
 * The HTTP load test does the work it says: a fixed number of signed requests, every answer checked, failures
 * counted rather than hidden — in this process or in a worker thread.
 */
import { generateKeyPairSync } from 'node:crypto';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEndpoint, loadEndpointInWorker, signedPost } from './http-load.ts';
import { createInteractionsServer, type InteractionsServer } from '../../src/delivery/http/interactions-server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { slashCommand } from '../delivery/discord/fake-discord.ts';
import { ping } from '../delivery/http/signed-requests.ts';

describe('the HTTP load test', () => {
  const discord = generateKeyPairSync('ed25519');
  let server: InteractionsServer;
  let url: string;
  let handled = 0;

  beforeAll(async () => {
    server = createInteractionsServer({
      publicKey: discord.publicKey,
      logger: createLogger('silent'),
      handler: (_interaction, sendFirst) => {
        handled++;
        return sendFirst({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'answered' } });
      },
    });
    url = `http://127.0.0.1:${(await server.listen(0)).port}/interactions`;
  });
  afterAll(() => server.close());

  it('sends exactly the count asked for and times every answer', async () => {
    const before = handled;
    // a command of its own each time, as Discord sends them: an interaction id seen again is a replay, refused with 409
    const posts = Array.from({ length: 51 }, (_, k) =>
      signedPost(discord.privateKey, k % 2 ? ping() : slashCommand('who', { name: 'McGurk' })),
    );
    const report = await loadEndpoint({
      url,
      posts,
      count: 51,
      concurrency: 4,
      expectType: InteractionResponseType.ChannelMessageWithSource,
    });
    expect(handled - before).toBe(26);
    expect(report).toMatchObject({ requests: 51, statuses: { 200: 51 }, failures: 25 }); // the PINGs got PONG, not a message
    expect(report.latency.n).toBe(51);
    expect(report.perSecond).toBeGreaterThan(0);
  });

  it('counts every refused request as a failure', async () => {
    const report = await loadEndpoint({
      url,
      posts: [signedPost(generateKeyPairSync('ed25519').privateKey, ping())],
      count: 20,
      concurrency: 3,
      expectType: InteractionResponseType.Pong,
    });
    expect(report).toMatchObject({ requests: 20, statuses: { 401: 20 }, failures: 20 });
  });

  it('runs the clients in a worker thread, off the server’s event loop', async () => {
    const report = await loadEndpointInWorker({
      url,
      posts: [signedPost(discord.privateKey, ping())],
      count: 30,
      concurrency: 5,
      expectType: InteractionResponseType.Pong,
    });
    expect(report).toMatchObject({ requests: 30, statuses: { 200: 30 }, failures: 0 });
  });
});
