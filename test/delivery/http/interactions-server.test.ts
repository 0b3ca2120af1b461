/**
 * The HTTP interactions endpoint over real loopback HTTP, as Discord and a load balancer see it: signed PINGs get
 * PONG; anything unsigned, badly signed, stale, oversized or not JSON is refused before it reaches the interaction
 * layer; a signed interaction reaches the layer and its first response is the HTTP answer, valid for Discord.
 */
import { Agent } from 'node:http';
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/delivery/http/interactions-server.ts';
import { autocomplete, buttonClick, fakeMessage, modalSubmit, slashCommand } from '../discord/fake-discord.ts';
import { callbackProblems, type Endpoint, startEndpoint } from './endpoint.ts';
import { makeKeyPair, nowSeconds, ping, postSigned, send, signatureHeaders } from './signed-requests.ts';

const optionsOf = (i: APIInteraction) =>
  ((i.data as { options?: Array<{ name: string; value: unknown }> } | undefined)?.options ?? [])
    .map((o) => `${o.name}=${String(o.value)}`)
    .join(' ');

/** Answers as the interaction layer would: each kind of interaction gets the kind of first response it needs. */
async function answerLikeTheLayer(interaction: APIInteraction, sendFirst: (r: APIInteractionResponse) => Promise<void>): Promise<void> {
  const name = (interaction.data as { name?: string } | undefined)?.name;
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return sendFirst({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Brett McGurk', value: 'Brett McGurk' }] },
    });
  }
  if (interaction.type === InteractionType.MessageComponent) return sendFirst({ type: InteractionResponseType.DeferredMessageUpdate });
  if (interaction.type === InteractionType.ModalSubmit)
    return sendFirst({ type: InteractionResponseType.UpdateMessage, data: { content: 'Saved.', components: [] } });
  if (name === 'faq-admin') {
    return sendFirst({
      type: InteractionResponseType.Modal,
      data: {
        custom_id: 'v1|faq|add',
        title: 'New FAQ entry',
        components: [{ type: 1, components: [{ type: 4, custom_id: 'question', label: 'Question', style: 1, max_length: 200 }] }],
      },
    });
  }
  if (name === 'search')
    return sendFirst({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  return sendFirst({
    type: InteractionResponseType.ChannelMessageWithSource,
    data: {
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: `/${name ?? '?'} ${optionsOf(interaction)}`,
          description: 'White House Middle East coordinator',
          fields: [{ name: 'The Associated Press', value: '> The cell to communicate with Hamas was established by Brett McGurk' }],
        },
      ],
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Post in channel', custom_id: 'v1|share' }] }],
    },
  });
}

describe('the HTTP interactions endpoint', () => {
  let endpoint: Endpoint;

  beforeAll(async () => {
    endpoint = await startEndpoint(answerLikeTheLayer, { health: () => ({ passages: 1234 }) });
  });
  afterAll(() => endpoint.close());

  const handled = () => endpoint.received.length;

  it('answers a signed PING with PONG itself, as Discord checks when the endpoint URL is saved', async () => {
    const before = handled();
    const reply = await postSigned(endpoint.url, endpoint.keys.privateKey, ping());
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(JSON.parse(reply.text)).toEqual({ type: 1 });
    expect(callbackProblems(JSON.parse(reply.text))).toEqual([]);
    expect(handled()).toBe(before);
  });

  describe('refuses with 401, and never calls the interaction layer, a request', () => {
    // each case sends a new interaction: the same id twice would be refused as a replay
    const refusals: Array<[string, (good: Record<string, string>, body: string) => { headers: Record<string, string>; body?: string }]> = [
      ['without any signature headers', () => ({ headers: {} })],
      ['without a timestamp', (good) => ({ headers: { 'x-signature-ed25519': good['x-signature-ed25519'] ?? '' } })],
      ['without a signature', (good) => ({ headers: { 'x-signature-timestamp': good['x-signature-timestamp'] ?? '' } })],
      ['whose signature is not hex', (good) => ({ headers: { ...good, 'x-signature-ed25519': 'x'.repeat(128) } })],
      [
        'whose signature is too short',
        (good) => ({ headers: { ...good, 'x-signature-ed25519': (good['x-signature-ed25519'] ?? '').slice(0, 100) } }),
      ],
      ['whose timestamp is not a number', (good) => ({ headers: { ...good, 'x-signature-timestamp': 'yesterday' } })],
      ['signed with another key', (_good, body) => ({ headers: signatureHeaders(makeKeyPair().privateKey, body) })],
      ['whose body was changed after signing', (good, body) => ({ headers: good, body: body.replace('McGurk', 'Sinwar') })],
      [
        'whose timestamp was changed after signing',
        (good) => ({ headers: { ...good, 'x-signature-timestamp': String(nowSeconds() + 1) } }),
      ],
      [
        'signed six minutes ago (a replay)',
        (_good, body) => ({ headers: signatureHeaders(endpoint.keys.privateKey, body, nowSeconds() - 360) }),
      ],
      [
        'signed ten minutes in the future',
        (_good, body) => ({ headers: signatureHeaders(endpoint.keys.privateKey, body, nowSeconds() + 600) }),
      ],
    ];

    it.each(refusals)('%s', async (_what, alter) => {
      const body = JSON.stringify(slashCommand('who', { name: 'McGurk' }));
      const good = signatureHeaders(endpoint.keys.privateKey, body);
      const before = handled();
      const request = alter(good, body);
      const refused = await send(endpoint.url, {
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body ?? body,
      });
      expect(refused.status).toBe(401);
      expect(refused.text).toBe('invalid request signature\n');
      expect(handled()).toBe(before);
      // the same body with Discord's own signature goes through, so the check is seen to pass as well as fail
      const accepted = await send(endpoint.url, {
        headers: { 'content-type': 'application/json', ...signatureHeaders(endpoint.keys.privateKey, body) },
        body,
      });
      expect(accepted.status).toBe(200);
      expect(handled()).toBe(before + 1);
    });
  });

  it('logs why a request was refused, and the clock difference for a stale one', async () => {
    const body = JSON.stringify(ping());
    await send(endpoint.url, {
      headers: { 'content-type': 'application/json', ...signatureHeaders(endpoint.keys.privateKey, body, nowSeconds() - 400) },
      body,
    });
    const line = endpoint.logs.findLast((l) => l.msg === 'unsigned or badly signed request refused');
    expect(line).toMatchObject({ reason: 'stale' });
    expect(line?.skewSeconds).toBeLessThanOrEqual(-400);
  });

  it('refuses a body announced as over 1 MiB with 413 before reading it', async () => {
    const reply = await send(endpoint.url, {
      headers: {
        'content-type': 'application/json',
        'content-length': String(MAX_BODY_BYTES + 1),
        ...signatureHeaders(endpoint.keys.privateKey, '{}'),
      },
      body: Buffer.alloc(64 * 1024, 32),
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
  });

  it('refuses a chunked body that grows past 1 MiB with 413, and the layer never sees it', async () => {
    const before = handled();
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(64 * 1024, 32)); // 4 MiB in all
    const reply = await send(endpoint.url, {
      headers: { 'content-type': 'application/json', ...signatureHeaders(endpoint.keys.privateKey, '{}') },
      body: chunks,
    });
    expect(reply.status).toBe(413);
    expect(handled()).toBe(before);
  });

  it('takes a signed interaction of just under 1 MiB (a long message with its embeds)', async () => {
    const interaction = slashCommand('search', { text: '' });
    const room = MAX_BODY_BYTES - Buffer.byteLength(JSON.stringify(interaction));
    ((interaction.data as { options: Array<{ value: string }> }).options[0] as { value: string }).value = 'a'.repeat(room);
    expect(Buffer.byteLength(JSON.stringify(interaction))).toBe(MAX_BODY_BYTES);
    const reply = await postSigned(endpoint.url, endpoint.keys.privateKey, interaction);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ type: 5, data: { flags: 64 } });
  });

  it.each([
    ['a body that is not JSON', '{"type": 2, "id": '],
    ['a JSON array', '[1, 2]'],
    ['JSON without an interaction type', '{"id": "1", "token": "t"}'],
  ])('answers 400 to %s, even when signed', async (_what, body) => {
    const before = handled();
    const reply = await send(endpoint.url, {
      headers: { 'content-type': 'application/json', ...signatureHeaders(endpoint.keys.privateKey, body) },
      body,
    });
    expect(reply.status).toBe(400);
    expect(handled()).toBe(before);
  });

  it('answers 415 to a body that is not sent as JSON, 405 to another method, 404 to another path', async () => {
    const body = JSON.stringify(ping());
    expect(
      (await send(endpoint.url, { headers: { 'content-type': 'text/plain', ...signatureHeaders(endpoint.keys.privateKey, body) }, body }))
        .status,
    ).toBe(415);
    const get = await send(endpoint.url, { method: 'GET' });
    expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
    expect((await send(`${endpoint.base}/interactions/extra`, { headers: { 'content-type': 'application/json' }, body })).status).toBe(404);
    expect((await send(`${endpoint.base}/`, { method: 'GET' })).status).toBe(404);
    // a charset parameter is still JSON
    expect(
      (
        await send(endpoint.url, {
          headers: { 'content-type': 'application/json; charset=utf-8', ...signatureHeaders(endpoint.keys.privateKey, body) },
          body,
        })
      ).status,
    ).toBe(200);
  });

  it('tells a load balancer it is up on GET /healthz, with its uptime and the passages it serves', async () => {
    const reply = await send(`${endpoint.base}/healthz`, { method: 'GET' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ ok: true, uptimeSeconds: expect.any(Number) as number, passages: 1234 });
    const head = await send(`${endpoint.base}/healthz`, { method: 'HEAD' });
    expect([head.status, head.text]).toEqual([200, '']);
    expect((await send(`${endpoint.base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it.each([
    ['a slash command gets its reply', slashCommand('who', { name: 'McGurk' }), 4],
    ['a slow command gets its deferral', slashCommand('search', { text: 'communications cell' }), 5],
    ['a command that opens a form gets the form', slashCommand('faq-admin', {}), 9],
    ['autocomplete gets its choices', autocomplete('who', 'name', 'mcgu'), 8],
    ['a button gets its deferred update', buttonClick('v1|page|who|2', fakeMessage()), 6],
    ['a submitted form gets its update', modalSubmit('v1|faq|add', { question: 'Who mediates?' }), 7],
  ])('passes a signed interaction to the layer as sent; %s as the HTTP answer, valid for Discord', async (_what, interaction, type) => {
    const reply = await postSigned(endpoint.url, endpoint.keys.privateKey, interaction);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(endpoint.received.at(-1)).toEqual(interaction);
    const response = JSON.parse(reply.text) as { type: number };
    expect(response.type).toBe(type);
    expect(callbackProblems(response)).toEqual([]);
  });

  it('answers the slash command with exactly what the layer sent', async () => {
    const reply = await postSigned(endpoint.url, endpoint.keys.privateKey, slashCommand('who', { name: 'McGurk' }));
    const response = JSON.parse(reply.text) as { data: { embeds: Array<{ title: string }>; allowed_mentions: unknown; flags: number } };
    expect(response.data.embeds[0]?.title).toBe('/who name=McGurk');
    expect(response.data.flags).toBe(64);
    expect(response.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers 200 parallel interactions, each with its own answer, over shared keep-alive connections', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const interactions = Array.from({ length: 200 }, (_, n) => (n % 5 === 0 ? ping() : slashCommand('who', { name: `member ${n}` })));
    const replies = await Promise.all(interactions.map((i) => postSigned(endpoint.url, endpoint.keys.privateKey, i, { agent })));
    agent.destroy();
    replies.forEach((reply, n) => {
      expect(reply.status).toBe(200);
      const response = JSON.parse(reply.text) as { type: number; data?: { embeds: Array<{ title: string }> } };
      if (n % 5 === 0) expect(response).toEqual({ type: 1 });
      else expect(response.data?.embeds[0]?.title).toBe(`/who name=member ${n}`);
    });
  });
});
