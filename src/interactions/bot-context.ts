/**
 * The interaction layer as a running bot sets it up, whichever transport carries the interactions: the catalog over
 * the live corpus and the FAQ, corpus editing for the servers allowed to edit, and the cooldowns. The gateway bot
 * (`startBot`) and the HTTP endpoint (`startHttpBot`) both start from this, so they answer alike.
 *
 * It also makes the REST client answers are sent through after the first response (`createWebhookClient`): Discord
 * does not count interaction callbacks and the interaction-token webhook routes against the bot's global limit of 50
 * requests a second, so neither does that client, and it can wait for what it still has to send before a shutdown.
 *
 * @example
 * const ctx = botContext({ env, logger, knowledge: live, commands: COMMANDS, faq, faqSeed: faqSeedIn(corpusDirFromEnv()), corpusEditing: { live } });
 * const handle = createInteractionHandler(ctx, createWebhookClient({ api: env.DISCORD_API_URL }));
 */
import { REST, type RESTOptions } from '@discordjs/rest';
import type { Command, FaqSeed } from '../commands/declare.ts';
import { corpusEditorGuilds, type DiscordEnv } from '../config/env.ts';
import { CorpusEditor, type CorpusRecord, type SourcePreview } from '../serving/corpus-editor.ts';
import { DraftsInMemory, type SourceDrafts } from '../corpus/source-drafts.ts';
import type { FaqStore } from '../faq/faq-store.ts';
import type { FeedStore } from '../feeds/feed-store.ts';
import type { FetchPageOptions } from '../ingest/fetch/fetch-page.ts';
import type { KnowledgeProvider, LiveKnowledge } from '../serving/live-knowledge.ts';
import type { Logger } from '../logging/logger.ts';
import { PageQueries } from './quote-replies/page-queries.ts';
import { botCatalog } from './catalog.ts';
import { Cooldowns } from './cooldowns.ts';
import { settleWithin } from './in-flight.ts';
import type { InteractionContext } from './dispatch.ts';
import type { WebhookRequest, WebhookRest } from './interaction-reply.ts';

/** How long a member waits between two answers. */
export const COOLDOWN_MS = 3000;

export interface BotOptions {
  /** PUBLIC_URL set: every quote links to its context on the bot's pages. */
  env: Pick<DiscordEnv, 'CORPUS_EDITOR_GUILDS' | 'DISCORD_GUILD_ID'> & Partial<Pick<DiscordEnv, 'PUBLIC_URL'>>;
  logger: Logger;
  knowledge: KnowledgeProvider;
  commands: readonly Command[];
  cooldownMs?: number;
  /** From this many passages on, every answer is deferred before it is worked out (see LONG_ANSWER_PASSAGES). */
  deferFromPassages?: number;
  faq?: FaqStore;
  /**
   * The starter FAQ `/faq-admin seed` imports, given by the transport at start (`faqSeedIn` in
   * src/delivery/bot-state.ts: the corpus's faq-seed.json); without it, seeding says this bot has none.
   */
  faqSeed?: FaqSeed;
  /**
   * Corpus editing from Discord (`/source-admin`): the live corpus, how pages are fetched, the store of the feeds
   * servers follow (without one, following feeds says it is unavailable), and, when several processes share the
   * corpus, its record and where previews wait (the corpus folder and memory unless given).
   */
  corpusEditing?: {
    live: LiveKnowledge;
    fetch?: FetchPageOptions;
    feeds?: FeedStore;
    record?: CorpusRecord;
    drafts?: SourceDrafts<SourcePreview>;
  };
}

export function botContext(options: BotOptions): InteractionContext {
  const editorGuilds = corpusEditorGuilds(options.env);
  const sources = {
    editor:
      options.corpusEditing && editorGuilds.length > 0 ? new CorpusEditor(options.corpusEditing.live, options.corpusEditing.record) : null,
    editorGuilds,
    drafts: options.corpusEditing?.drafts ?? new DraftsInMemory<SourcePreview>(),
    fetch: options.corpusEditing?.fetch ?? {},
    ...(options.corpusEditing?.feeds ? { feeds: options.corpusEditing.feeds } : {}),
  };
  const catalog = botCatalog({
    knowledge: options.knowledge,
    commands: options.commands,
    pageQueries: new PageQueries(),
    ...(options.faq ? { faq: options.faq } : {}),
    ...(options.faqSeed ? { faqSeed: options.faqSeed } : {}),
    ...(options.deferFromPassages !== undefined ? { deferFromPassages: options.deferFromPassages } : {}),
    ...(options.env.PUBLIC_URL ? { publicUrl: options.env.PUBLIC_URL } : {}),
    sources,
  });
  return { catalog, cooldowns: new Cooldowns(options.cooldownMs ?? COOLDOWN_MS), logger: options.logger };
}

/** The webhook routes' REST client, with what a shutdown needs: how much is still to send, and a wait for it. */
export interface WebhookClient extends WebhookRest {
  /** The @discordjs/rest instance underneath, for its events (see `logRestTrouble`). */
  readonly rest: REST;
  /** Requests sent or queued and not settled yet (edits, follow-ups, deletions). */
  readonly pending: number;
  /**
   * Resolves once nothing is pending — requests made while waiting are waited for too — or when `deadlineMs` has
   * passed, with how many were still pending (0: all sent). Never rejects.
   */
  drain(deadlineMs: number): Promise<number>;
}

/**
 * A REST client for the interaction routes: callbacks (`/interactions/{id}/{token}/callback`) and the webhook
 * routes an interaction token authorises (`/webhooks/{application}/{token}…`: editing the original response,
 * follow-ups, deleting). Discord applies no global rate limit to these, but @discordjs/rest applies its
 * `globalRequestsPerSecond` (default 50) to every request an instance sends, whatever the route, so with the default
 * 2,000 deferred answers would wait 40 s in its queue, each holding its message (and picture) in memory. Here
 * `globalRequestsPerSecond` is `Infinity` (the option's documented "unlimited"); everything else Discord says is
 * still obeyed: each interaction token is its own bucket (the route's major parameter), a 429 on it is waited out
 * and retried, and a global 429 (`X-RateLimit-Global`) holds the whole client for its `retry_after`. Use it only
 * for these routes: without the bot token it cannot send anything else, and other routes do count towards the
 * global limit.
 *
 * @example
 * const webhooks = createWebhookClient({ api: env.DISCORD_API_URL });
 * await webhooks.patch(Routes.webhookMessage(appId, token, '@original'), { body: { content: 'Done.' }, auth: false });
 * await webhooks.drain(20_000); // on SIGTERM: → 0 when everything was sent
 */
export function createWebhookClient(options: Partial<RESTOptions> = {}): WebhookClient {
  const rest = new REST({ ...options, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
  const pending = new Set<Promise<unknown>>();
  const track = (request: Promise<unknown>): Promise<unknown> => {
    pending.add(request);
    const settled = () => void pending.delete(request);
    request.then(settled, settled);
    return request;
  };
  return {
    rest,
    get pending() {
      return pending.size;
    },
    post: (route: `/${string}`, request: WebhookRequest) => track(rest.post(route, request)),
    patch: (route: `/${string}`, request: WebhookRequest) => track(rest.patch(route, request)),
    delete: (route: `/${string}`, request: WebhookRequest) => track(rest.delete(route, request)),
    drain: (deadlineMs: number) => settleWithin(pending, deadlineMs),
  };
}
