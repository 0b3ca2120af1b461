/**
 * `npm run bench:http [-- --count 5000 --concurrency 32 --json out.json]`: a bounded loopback load test of the HTTP
 * interactions endpoint. It starts the endpoint on 127.0.0.1 with a key pair made for the run, then sends `--count`
 * signed requests from `--concurrency` keep-alive clients (in a worker thread, off the server's event loop), twice: PINGs (signature check and HTTP alone) and
 * `/search` commands answered from the corpus (CORPUS_DIR, default the bundled one) by the bot's interaction layer. Prints requests/s and p50/p99/max; every answer is checked (status 200, the right type).
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.ts';
import { benchQueries } from './bench-queries.ts';
import { loadEndpointInWorker, type LoadReport, signedPost } from './http-load.ts';
import { ms, table } from './latency.ts';
import { openKnowledgeOrExit } from '../../src/console/load-or-exit.ts';
import { PageQueries } from '../../src/interactions/quote-replies/page-queries.ts';
import { botCatalog } from '../../src/interactions/catalog.ts';
import { Cooldowns } from '../../src/interactions/cooldowns.ts';
import { createInteractionHandler, type InteractionHandler } from '../../src/interactions/dispatch.ts';
import type { WebhookRest } from '../../src/interactions/interaction-reply.ts';
import type { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { createInteractionsServer } from '../../src/delivery/http/interactions-server.ts';
import { createLogger } from '../../src/logging/logger.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    json: { type: 'string', default: join(tmpdir(), 'bench-http-results.json') },
  },
});
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);

/**
 * The bot's own interaction layer, as `npm run start:http` runs it. Edits and follow-ups (a deferred answer on a
 * large corpus) would go to Discord's webhook routes; here they are counted and dropped, since no Discord is there.
 */
function botHandler(live: LiveKnowledge): { handler: InteractionHandler; webhookCalls: () => number } {
  let calls = 0;
  const rest: WebhookRest = {
    post: () => Promise.resolve(++calls),
    patch: () => Promise.resolve(++calls),
    delete: () => Promise.resolve(++calls),
  };
  const catalog = botCatalog({ knowledge: live, commands: COMMANDS, pageQueries: new PageQueries() });
  return {
    handler: createInteractionHandler({ catalog, cooldowns: new Cooldowns(0), logger: createLogger('error') }, rest),
    webhookCalls: () => calls,
  };
}

function interaction(n: number, type: InteractionType, data?: unknown): Record<string, unknown> {
  const id = String(1_200_000_000_000_000_000n + BigInt(n));
  return {
    id,
    application_id: '111111111111111111',
    type,
    token: `bench-${id}`,
    version: 1,
    data,
    channel_id: '333333333333333333',
    user: { id: '555555555555555555', username: 'member', discriminator: '0', global_name: null, avatar: null },
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '1': '555555555555555555' },
    context: 1,
  };
}

const live = openKnowledgeOrExit(undefined, (message) => console.error(`bench-http: ${message}`));
const knowledge = live.current();
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const bot = botHandler(live);
const server = createInteractionsServer({ publicKey, handler: bot.handler, logger: createLogger('error') });
const address = await server.listen(0);
const url = `http://127.0.0.1:${address.port}/interactions`;
console.log(`bench-http: ${knowledge.passages.length} passages; ${COUNT} requests per phase, ${CONCURRENCY} concurrent clients; ${url}`);

const queries = benchQueries(
  { entities: knowledge.corpus.entities, texts: knowledge.passages.map((p) => p.text) },
  { count: 500, seed: 1 },
).search;
const pings = Array.from({ length: 100 }, (_, n) => signedPost(privateKey, interaction(n, InteractionType.Ping)));
/**
 * `count` signed /search interactions from `first` on, each with an id of its own: the endpoint answers a repeated
 * interaction id as a replay (409), so a load of commands cannot cycle through a few signed requests as PINGs can.
 */
const searches = (first: number, count: number) =>
  Array.from({ length: count }, (_, k) =>
    signedPost(
      privateKey,
      interaction(first + k, InteractionType.ApplicationCommand, {
        id: '1',
        name: 'search',
        type: 1,
        options: [{ name: 'text', type: 3, value: queries[k % queries.length] }],
      }),
    ),
  );

const results: Record<string, LoadReport> = {};
const warmUp = Math.min(200, COUNT);
for (const [label, warm, measured, type] of [
  ['PING → PONG', pings, pings, InteractionResponseType.Pong],
  ['/search', searches(1000, warmUp), searches(1000 + warmUp, COUNT), InteractionResponseType.ChannelMessageWithSource],
] as const) {
  await loadEndpointInWorker({ url, posts: warm, count: warmUp, concurrency: CONCURRENCY, expectType: type });
  results[label] = await loadEndpointInWorker({ url, posts: measured, count: COUNT, concurrency: CONCURRENCY, expectType: type });
}
await server.close();

console.log(
  table([
    ['phase', 'requests', 'failures', 'req/s', 'p50 ms', 'p99 ms', 'max ms'],
    ...Object.entries(results).map(([label, r]) => [
      label,
      String(r.requests),
      String(r.failures),
      r.perSecond.toFixed(0),
      ms(r.latency.p50),
      ms(r.latency.p99),
      ms(r.latency.max),
    ]),
  ]),
);
writeFileSync(
  values.json,
  JSON.stringify({ passages: knowledge.passages.length, count: COUNT, concurrency: CONCURRENCY, node: process.version, results }, null, 2),
);
console.log(
  `bench-http: figures in ${values.json}${bot.webhookCalls() > 0 ? `; ${bot.webhookCalls()} deferred answers' edits dropped` : ''}`,
);
if (Object.values(results).some((r) => r.failures > 0)) process.exitCode = 1;
