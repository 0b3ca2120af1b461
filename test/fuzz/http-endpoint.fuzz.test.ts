/**
 * Hostile input through the HTTP interactions endpoint, on a real server on 127.0.0.1 wired as the HTTP bot is
 * (`botContext`): signed interactions of every kind — commands with hostile options, autocomplete, forged buttons
 * and forms, commands the bot does not have — each answered 200 with a body valid for Discord that cannot ping and
 * is in the bot's words, deferred edits included; and signatures forged every way we know (missing, truncated,
 * not hex, another key, a changed body, a tampered or stale timestamp): every forged one refused with 401, every
 * good one answered 200.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { faqSeedIn } from '../../src/delivery/bot-state.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { botContext } from '../../src/interactions/bot-context.ts';
import { registrationCatalog } from '../../src/interactions/catalog.ts';
import { createInteractionHandler } from '../../src/interactions/dispatch.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { scratchCorpus } from '../helpers/corpus.ts';
import { ApiTransport, type Sent } from '../interactions/api-transport.ts';
import { callbackProblems, type Endpoint, startEndpoint } from '../delivery/http/endpoint.ts';
import { postSigned, send, signatureHeaders } from '../delivery/http/signed-requests.ts';
import { forgedCustomId, hostileText } from './arbitraries.ts';
import { fuzz } from './fuzz-report.ts';
import { askers, autocompleteOn, EDITOR_GUILD, envelope, leavesOf, slashOn, unknownCommand } from './interactions.ts';
import { catchUnhandledRejections } from './unhandled.ts';
import { problemsWith } from './what-members-see.ts';

/** Inputs per test, FUZZ_SCALE times (0.1 for a quick look). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const INTERACTIONS = Math.max(1, Math.round(2000 * SCALE));
const SIGNATURES = Math.max(1, Math.round(3000 * SCALE));
const TIMEOUT = 180_000;

let endpoint: Endpoint;
let faq: SqliteFaqStore;
/** Records the webhook calls (deferred edits, follow-ups) the bot makes after its HTTP answer. */
let webhooks: ApiTransport;
/** Interactions whose handler has not finished, by token: a deferred answer's edit comes after the HTTP answer. */
const running = new Map<string, Promise<void>>();
const errors: string[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  faq = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-fuzz-http-faq-')));
  await faq.add(
    EDITOR_GUILD,
    { question: 'Who mediated the talks?', answer: 'Qatar and Egypt, with the United States.' },
    '600000000000000006',
  );
  const corpus = scratchCorpus();
  const live = LiveKnowledge.open(corpus);
  const logger = createLogger('error', new Writable({ write: (chunk: Buffer, _enc, done) => (errors.push(chunk.toString()), done()) }));
  const ctx = botContext({
    env: { CORPUS_EDITOR_GUILDS: [EDITOR_GUILD], DISCORD_GUILD_ID: undefined },
    logger,
    knowledge: live,
    commands: COMMANDS,
    faq,
    faqSeed: faqSeedIn(corpus),
    corpusEditing: { live },
  });
  webhooks = new ApiTransport(ctx);
  const handle = createInteractionHandler(ctx, webhooks.rest);
  endpoint = await startEndpoint((interaction, sendFirst) => {
    const done = handle(interaction, sendFirst);
    running.set(interaction.token, done);
    return done;
  });
});
afterAll(async () => {
  agent.destroy();
  await endpoint.close();
  await faq.close();
});
catchUnhandledRejections();

const leaves = leavesOf(registrationCatalog(COMMANDS));
const autocompletes = leaves.flatMap((at) =>
  Object.entries(at.leaf.options).flatMap(([option, spec]) => (spec.autocomplete ? [autocompleteOn(at, option)] : [])),
);
const VALID_IDS = [
  'v1|share',
  'v1|delete|555555555555555555',
  'v1|pg|search|5|-',
  'v1|faqlist|10',
  'v1|faqadd',
  'v1|faqedit|1|1',
  'v1|src|add|0a1b2c3d',
  'v1|srcform|0a1b2c3d',
];

/** Every kind of interaction, hostile. */
const anyInteraction = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(...leaves.map(slashOn)) },
  { weight: 3, arbitrary: fc.oneof(...autocompletes) },
  {
    weight: 2,
    arbitrary: fc.tuple(forgedCustomId(VALID_IDS), askers).map(([customId, asker]) =>
      envelope(3, { custom_id: customId, component_type: 2 }, asker, {
        message: { id: '1', channel_id: '1', content: '', embeds: [], components: [], flags: 64 },
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(forgedCustomId(VALID_IDS), hostileText, askers)
      .map(([customId, text, asker]) =>
        envelope(
          5,
          { custom_id: customId, components: [{ type: 1, components: [{ type: 4, custom_id: 'question', value: text }] }] },
          asker,
        ),
      ),
  },
  { weight: 1, arbitrary: unknownCommand(leaves.map((l) => l.command)) },
);

describe('signed hostile interactions over HTTP', () => {
  it("each gets 200 and a first response valid for Discord, in the bot's words; deferred edits too", { timeout: TIMEOUT }, async () => {
    await fuzz('HTTP endpoint (signed interactions)', anyInteraction, INTERACTIONS, async (interaction) => {
      const reply = await postSigned(endpoint.url, endpoint.keys.privateKey, interaction, { agent });
      const token = String(interaction.token);
      await running.get(token);
      running.delete(token);
      const body = JSON.parse(reply.text) as unknown;
      const first: Sent = {
        method: 'POST',
        route: `/interactions/${String(interaction.id)}/${token}/callback`,
        body: body as Record<string, unknown>,
        problems: callbackProblems(body),
      };
      const later = webhooks.sent.splice(0).filter((s) => s.route.includes(token));
      const problems = [
        ...(reply.status === 200 ? [] : [`HTTP ${reply.status}: ${reply.text}`]),
        ...problemsWith(interaction, [first, ...later]),
        ...errors.splice(0),
      ];
      if (problems.length > 0) throw new Error(`${problems.join('\n')}\n— for ${JSON.stringify(interaction).slice(0, 1500)}`);
    });
  });
});

/** How a request's signature was made: genuinely, or forged one way. */
type Forgery =
  | 'good'
  | 'missing signature'
  | 'missing timestamp'
  | 'truncated'
  | 'not hex'
  | 'bit flipped'
  | 'other key'
  | 'body changed'
  | 'timestamp changed'
  | 'stale'
  | 'future'
  | 'timestamp not a number'
  | 'zeros';

const otherKey: KeyObject = generateKeyPairSync('ed25519').privateKey;

/** The headers and body of a request signed as `forgery` says. */
function forge(
  forgery: Forgery,
  privateKey: KeyObject,
  body: string,
  alteredBody: string,
  now: number,
): { headers: Record<string, string>; body: string } {
  const good = signatureHeaders(privateKey, body, now);
  const sig = good['x-signature-ed25519'] ?? '';
  const with_ = (signature: string, timestamp = String(now)) => ({
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body,
  });
  switch (forgery) {
    case 'good':
      return with_(sig);
    case 'missing signature':
      return { headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(now) }, body };
    case 'missing timestamp':
      return { headers: { 'content-type': 'application/json', 'x-signature-ed25519': sig }, body };
    case 'truncated':
      return with_(sig.slice(0, 127));
    case 'not hex':
      return with_(`${sig.slice(0, 126)}zz`);
    case 'bit flipped':
      return with_(`${sig.slice(0, 10)}${((parseInt(sig[10] ?? '0', 16) ^ 1) & 15).toString(16)}${sig.slice(11)}`);
    case 'other key':
      return with_(signatureHeaders(otherKey, body, now)['x-signature-ed25519'] ?? '');
    case 'body changed':
      return { ...with_(sig), body: alteredBody };
    case 'timestamp changed':
      return with_(sig, String(now + 1));
    case 'stale':
      return with_(signatureHeaders(privateKey, body, now - 301)['x-signature-ed25519'] ?? '', String(now - 301));
    case 'future':
      return with_(signatureHeaders(privateKey, body, now + 120)['x-signature-ed25519'] ?? '', String(now + 120));
    case 'timestamp not a number':
      return with_(signatureHeaders(privateKey, body, `${now}.0`)['x-signature-ed25519'] ?? '', `${now}.0`);
    case 'zeros':
      return with_('0'.repeat(128));
  }
}

describe('signatures', () => {
  it('every forged signature gets 401, every good one 200', { timeout: TIMEOUT }, async () => {
    const forgeries: Forgery[] = [
      'good',
      'missing signature',
      'missing timestamp',
      'truncated',
      'not hex',
      'bit flipped',
      'other key',
      'body changed',
      'timestamp changed',
      'stale',
      'future',
      'timestamp not a number',
      'zeros',
    ];
    const counts = { tried: 0, forged: 0, refused: 0, good: 0, accepted: 0 };
    // PING and /help: cheap to answer, so the signatures are what is measured
    const body = fc
      .tuple(fc.constantFrom('ping', 'help'), hostileText)
      .map(([kind, text]) =>
        kind === 'ping'
          ? { id: `9${text.length}`, application_id: '111111111111111111', type: 1, token: `t-${text}`, version: 1, entitlements: [] }
          : envelope(2, { id: '1', name: 'help', type: 1, options: [] }, { guildId: null, permissions: '0', roles: [] }),
      );
    const requests = fc.tuple(fc.constantFrom(...forgeries), body, hostileText);
    await fuzz(
      'HTTP signatures',
      requests,
      SIGNATURES,
      async ([forgery, interaction, extra]) => {
        const json = JSON.stringify(interaction);
        const altered = JSON.stringify({ ...interaction, token: `${String(interaction.token)}${extra}x` });
        const request = forge(forgery, endpoint.keys.privateKey, json, altered, Math.floor(Date.now() / 1000));
        const reply = await send(endpoint.url, { ...request, agent });
        await running.get(String(interaction.token));
        webhooks.sent.splice(0);
        counts.tried++;
        if (forgery === 'good') {
          counts.good++;
          if (reply.status === 200) counts.accepted++;
          expect(reply.status, `a good signature was refused: ${reply.text}`).toBe(200);
        } else {
          counts.forged++;
          if (reply.status === 401) counts.refused++;
          expect(reply.status, `a forged signature (${forgery}) was not refused: ${reply.text}`).toBe(401);
        }
      },
      () => ({ forged: counts.forged, refused: counts.refused, good: counts.good, accepted: counts.accepted }),
    );
    expect(errors.splice(0)).toEqual([]);
  });
});
