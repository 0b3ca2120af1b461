/**
 * Starts the discord.js gateway client: Guilds intent only, REST base URL from settings (a REST proxy, or the tests'
 * loopback fake), every interaction handed to the interaction layer (src/interactions/) as raw JSON. `stop()` disconnects cleanly.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { AnyCommand } from '../../commands/define-command.ts';
import { corpusEditorGuilds, type DiscordEnv } from '../../config/env.ts';
import type { KnowledgeProvider, LiveKnowledge } from '../../knowledge/live-knowledge.ts';
import { CorpusEditor } from '../../corpus/corpus-editor.ts';
import { SourceDrafts } from '../../corpus/source-drafts.ts';
import type { FetchPageOptions } from '../../ingest/fetch-page.ts';
import type { SourceAdminDeps } from '../../interactions/sources/source-admin-gates.ts';
import type { FaqStore } from '../../faq/faq-store.ts';
import type { Logger } from '../../logging/logger.ts';
import { Cooldowns } from '../../interactions/cooldowns.ts';
import { botCatalog } from '../../interactions/catalog.ts';
import { createInteractionHandler } from '../../interactions/dispatch.ts';
import { PageQueries } from '../../interactions/answers/page-queries.ts';
import { listenForInteractions } from './gateway-interactions.ts';
import { inviteUrl } from './invite-url.ts';

export interface RunningBot {
  client: Client;
  stop(): Promise<void>;
}

export const COOLDOWN_MS = 3000;

export async function startBot(options: {
  env: DiscordEnv;
  logger: Logger;
  knowledge: KnowledgeProvider;
  commands: readonly AnyCommand[];
  cooldownMs?: number;
  /** From this many passages on, every answer is deferred before it is worked out (see LONG_ANSWER_PASSAGES). */
  deferFromPassages?: number;
  faq?: FaqStore;
  /** Corpus editing from Discord (`/source-admin`): the live corpus and how pages are fetched. */
  corpusEditing?: { live: LiveKnowledge; fetch?: FetchPageOptions };
}): Promise<RunningBot> {
  const { env, logger } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: env.DISCORD_API_URL } });
  const editorGuilds = corpusEditorGuilds(env);
  const sources: SourceAdminDeps = {
    editor: options.corpusEditing && editorGuilds.length > 0 ? new CorpusEditor(options.corpusEditing.live) : null,
    editorGuilds,
    drafts: new SourceDrafts(),
    fetch: options.corpusEditing?.fetch ?? {},
    ...(options.faq ? { faq: options.faq } : {}),
  };
  const cooldowns = new Cooldowns(options.cooldownMs ?? COOLDOWN_MS);
  const catalog = botCatalog({
    knowledge: options.knowledge,
    commands: options.commands,
    pageQueries: new PageQueries(),
    ...(options.faq ? { faq: options.faq } : {}),
    ...(options.deferFromPassages !== undefined ? { deferFromPassages: options.deferFromPassages } : {}),
    sources,
  });
  listenForInteractions(client, createInteractionHandler({ catalog, cooldowns, logger }, client.rest));
  client.once(Events.ClientReady, (c) => logger.info({ user: c.user.tag, guilds: c.guilds.cache.size, invite: inviteUrl(env.DISCORD_APPLICATION_ID) }, 'connected to Discord'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js client error'));
  client.on(Events.ShardReconnecting, (id) => logger.warn({ shard: id }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (id, replayed) => logger.info({ shard: id, replayed }, 'gateway session resumed'));
  await client.login(env.DISCORD_TOKEN);
  return {
    client,
    async stop() {
      await client.destroy();
      logger.info('disconnected from Discord');
    },
  };
}
