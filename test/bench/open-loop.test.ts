/**
 * The steady-load test sends what it says at the rate it says, counts every wrong or missing answer as an error by
 * kind, and builds a mix of signed interactions a real endpoint verifies and the bot's layer answers.
 */
import { generateKeyPairSync } from 'node:crypto';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchQueries } from './bench-queries.ts';
import { signedPost } from './http-load.ts';
import { interactionMix, MIX_WEIGHTS, pageButtonsIn, rightAnswer } from './interaction-mix.ts';
import { runOpenLoop } from './open-loop.ts';
import { growthPerMinute } from './process-memory.ts';
import { createInteractionsServer, type InteractionsServer } from '../../src/delivery/http/interactions-server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { ping } from '../delivery/http/signed-requests.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

describe('the open-loop load test', () => {
  const discord = generateKeyPairSync('ed25519');
  let server: InteractionsServer;
  let url: string;
  const seen: number[] = [];

  beforeAll(async () => {
    server = createInteractionsServer({
      publicKey: discord.publicKey,
      logger: createLogger('silent'),
      handler: (interaction, sendFirst) => {
        seen.push(interaction.type);
        // a command named "broken" gets a PONG: the wrong answer for a command
        const name = (interaction.data as { name?: string } | undefined)?.name;
        return sendFirst(
          name === 'broken'
            ? { type: InteractionResponseType.Pong }
            : { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'answered' } },
        );
      },
    });
    url = `http://127.0.0.1:${(await server.listen(0)).port}/interactions`;
  });
  afterAll(() => server.close());

  it('sends rate × seconds requests and answers each kind separately', async () => {
    // each command with an id of its own, as Discord sends them (an id seen again is a replay, refused with 409)
    const good = (n: number) => ({
      kind: '/who',
      post: signedPost(discord.privateKey, {
        id: String(1000 + n),
        application_id: '1',
        type: 2,
        token: 't',
        version: 1,
        data: { id: '1', name: 'who', type: 1 },
      }),
    });
    const pong = { kind: 'PING', post: signedPost(discord.privateKey, ping()) };
    const report = await runOpenLoop({ url, rate: 100, seconds: 0.5, next: (n) => (n % 2 ? pong : good(n)), check: rightAnswer });
    expect(report).toMatchObject({ requests: 50, completed: 50, errors: 0 });
    expect(report.byKind['/who']).toMatchObject({ requests: 25, errors: 0 });
    expect(report.byKind.PING).toMatchObject({ requests: 25, errors: 0 });
    expect(report.latency.n).toBe(50);
  });

  it('counts a wrong answer, a refused signature and an unreachable server as errors, with the reason', async () => {
    const wrong = (n: number) => ({
      kind: '/who',
      post: signedPost(discord.privateKey, {
        id: String(2000 + n),
        application_id: '1',
        type: 2,
        token: 't',
        version: 1,
        data: { id: '1', name: 'broken', type: 1 },
      }),
    });
    const forged = { kind: 'PING', post: signedPost(generateKeyPairSync('ed25519').privateKey, ping()) };
    const report = await runOpenLoop({ url, rate: 100, seconds: 0.2, next: (n) => (n % 2 ? forged : wrong(n)), check: rightAnswer });
    expect(report).toMatchObject({ requests: 20, errors: 20, errorKinds: { 'wrong answer': 10, 'status 401': 10 } });
    const down = await runOpenLoop({
      url: 'http://127.0.0.1:1/interactions',
      rate: 50,
      seconds: 0.1,
      next: () => forged,
      check: rightAnswer,
    });
    expect(down).toMatchObject({ requests: 5, completed: 0, errors: 5, errorKinds: { socket: 5 } });
  });
});

describe('the interaction mix', () => {
  const knowledge = bundledKnowledge();
  const queries = benchQueries(
    { entities: knowledge.corpus.entities, texts: knowledge.passages.map((p) => p.text) },
    { count: 50, seed: 1 },
  );
  const key = generateKeyPairSync('ed25519').privateKey;
  const buttons = [{ customId: 'v1|pg|search|5|abcdefghijk', embeds: [{ title: 'Search', footer: { text: 'Asked: talks' } }] }];

  it('has every kind in about its weight, from as many members as asked, the same for the same seed', () => {
    const mix = interactionMix(key, queries, { size: 4000, members: 1000, buttons, seed: 2 });
    const total = Object.values(MIX_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const [kind, weight] of Object.entries(MIX_WEIGHTS)) {
      const share = mix.filter((m) => m.kind === kind).length / mix.length;
      expect(share, kind).toBeGreaterThan((weight / total) * 0.7);
      expect(share, kind).toBeLessThan((weight / total) * 1.3);
    }
    const users = new Set(
      mix.map((m) => (JSON.parse(m.post.body) as { member?: { user: { id: string } } }).member?.user.id).filter(Boolean),
    );
    expect(users.size).toBe(1000);
    expect(interactionMix(key, queries, { size: 50, members: 10, buttons, seed: 2 }).map((m) => m.kind)).toEqual(
      mix.slice(0, 50).map((m) => m.kind),
    );
  });

  it('clicks only buttons it was given, and sends searches in their place when it has none', () => {
    const mix = interactionMix(key, queries, { size: 2000, members: 100, buttons: [], seed: 2 });
    expect(mix.some((m) => m.kind === 'page button')).toBe(false);
    const clicks = interactionMix(key, queries, { size: 2000, members: 100, buttons, seed: 2 }).filter((m) => m.kind === 'page button');
    expect(clicks.length).toBeGreaterThan(0);
    for (const click of clicks)
      expect(JSON.parse(click.post.body)).toMatchObject({
        type: InteractionType.MessageComponent,
        data: { custom_id: buttons[0]?.customId },
        message: { embeds: buttons[0]?.embeds },
      });
  });

  it('finds the enabled page buttons in an answer', () => {
    const answer = JSON.stringify({
      type: 4,
      data: {
        embeds: [{ title: 'x' }],
        components: [
          {
            type: 1,
            components: [
              { type: 2, custom_id: 'v1|pg|who|0|k', disabled: true },
              { type: 2, custom_id: 'v1|pg|who|5|k' },
              { type: 2, custom_id: 'v1|share' },
            ],
          },
        ],
      },
    });
    expect(pageButtonsIn(answer)).toEqual([{ customId: 'v1|pg|who|5|k', embeds: [{ title: 'x' }] }]);
    expect(pageButtonsIn('not json')).toEqual([]);
  });

  it('measures memory growth as a slope: flat is zero, a steady climb is its rate', () => {
    expect(
      growthPerMinute([
        [0, 200],
        [10, 200],
        [20, 200],
      ]),
    ).toBe(0);
    expect(
      growthPerMinute([
        [0, 100],
        [30, 101],
        [60, 102],
      ]),
    ).toBeCloseTo(2);
    expect(growthPerMinute([[0, 100]])).toBe(0);
  });
});
