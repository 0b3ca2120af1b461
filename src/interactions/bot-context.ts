/**
 * The interaction layer as a running bot sets it up, whichever transport carries the interactions: the catalog over
 * the live corpus and the FAQ, corpus editing for the servers allowed to edit, and the cooldowns. The gateway bot
 * (`startBot`) and the HTTP endpoint (`startHttpBot`) both start from this, so they answer alike.
 *
 * @example
 * const ctx = botContext({ env, logger, knowledge: live, commands: COMMANDS, faq, corpusEditing: { live } });
 * const handle = createInteractionHandler(ctx, rest);
 */
import type { AnyCommand } from '../commands/define-command.ts';
import { corpusEditorGuilds, type DiscordEnv } from '../config/env.ts';
import { CorpusEditor } from '../corpus/corpus-editor.ts';
import { SourceDrafts } from '../corpus/source-drafts.ts';
import type { FaqStore } from '../faq/faq-store.ts';
import type { FetchPageOptions } from '../ingest/fetch-page.ts';
import type { KnowledgeProvider, LiveKnowledge } from '../knowledge/live-knowledge.ts';
import type { Logger } from '../logging/logger.ts';
import { PageQueries } from './answers/page-queries.ts';
import { botCatalog } from './catalog.ts';
import { Cooldowns } from './cooldowns.ts';
import type { InteractionContext } from './dispatch.ts';
import type { SourceAdminDeps } from './sources/source-admin-gates.ts';

/** How long a member waits between two answers. */
export const COOLDOWN_MS = 3000;

export interface BotOptions {
  /** PUBLIC_URL set: every quote links to its context on the bot's pages. */
  env: Pick<DiscordEnv, 'CORPUS_EDITOR_GUILDS' | 'DISCORD_GUILD_ID'> & Partial<Pick<DiscordEnv, 'PUBLIC_URL'>>;
  logger: Logger;
  knowledge: KnowledgeProvider;
  commands: readonly AnyCommand[];
  cooldownMs?: number;
  /** From this many passages on, every answer is deferred before it is worked out (see LONG_ANSWER_PASSAGES). */
  deferFromPassages?: number;
  faq?: FaqStore;
  /** Corpus editing from Discord (`/source-admin`): the live corpus and how pages are fetched. */
  corpusEditing?: { live: LiveKnowledge; fetch?: FetchPageOptions };
}

export function botContext(options: BotOptions): InteractionContext {
  const editorGuilds = corpusEditorGuilds(options.env);
  const sources: SourceAdminDeps = {
    editor: options.corpusEditing && editorGuilds.length > 0 ? new CorpusEditor(options.corpusEditing.live) : null,
    editorGuilds,
    drafts: new SourceDrafts(),
    fetch: options.corpusEditing?.fetch ?? {},
    ...(options.faq ? { faq: options.faq } : {}),
  };
  const catalog = botCatalog({
    knowledge: options.knowledge,
    commands: options.commands,
    pageQueries: new PageQueries(),
    ...(options.faq ? { faq: options.faq } : {}),
    ...(options.deferFromPassages !== undefined ? { deferFromPassages: options.deferFromPassages } : {}),
    ...(options.env.PUBLIC_URL ? { publicUrl: options.env.PUBLIC_URL } : {}),
    sources,
  });
  return { catalog, cooldowns: new Cooldowns(options.cooldownMs ?? COOLDOWN_MS), logger: options.logger };
}
