/**
 * Everything the bot answers, in one catalog: the commands (every one declared in `commands/`), the buttons and forms
 * under their messages, and the services their handlers are given (`Call.services`). The dispatcher answers from
 * this catalog and the registration payload is derived from it.
 */
import type { Command, Services } from '../commands/declare.ts';
import { DraftsInMemory, type SourceDrafts } from '../corpus/source-drafts.ts';
import type { SourcePreview } from '../serving/corpus-editor.ts';
import { type CommandPayload, payloadsOf } from './command-payloads.ts';
import type { Catalog } from './components.ts';
import { FAQ_COMPONENTS } from './faq/faq-components.ts';
import { ANSWER_BUTTONS } from './quote-replies/answer-buttons.ts';
import { PageQueries } from './quote-replies/page-queries.ts';
import { SOURCE_ADMIN_COMPONENTS } from './sources/source-admin-components.ts';
import { FEED_REVIEW_COMPONENTS } from './sources/feed-review-components.ts';

/** What a bot is made from: its services, with corpus editing (`/source-admin`) optional — without it, it says it is off. */
export type BotDeps = Omit<Services, 'editor' | 'editorGuilds' | 'drafts' | 'fetch' | 'feeds'> & {
  sources?: Pick<Services, 'editor' | 'editorGuilds' | 'fetch'> & { drafts: SourceDrafts<SourcePreview>; feeds?: Services['feeds'] };
};

/**
 * @example
 * const catalog = botCatalog({ knowledge, commands: COMMANDS, pageQueries: new PageQueries(), faq });
 */
export function botCatalog(deps: BotDeps): Catalog {
  const { sources, ...rest } = deps;
  // where no corpus editing was set up, every `/source-admin` action says it is off
  const editing = sources ?? { editor: null, editorGuilds: [], drafts: new DraftsInMemory<SourcePreview>(), fetch: {} };
  return {
    commands: deps.commands,
    components: [...ANSWER_BUTTONS, ...FAQ_COMPONENTS, ...SOURCE_ADMIN_COMPONENTS, ...FEED_REVIEW_COMPONENTS],
    services: { ...rest, ...editing, feeds: editing.editor ? (editing.feeds ?? null) : null },
  };
}

/** The catalog as registration sees it: the declarations, with nothing behind them to answer from. */
export function registrationCatalog(commands: readonly Command[]): Catalog {
  const nothing = () => Promise.reject(new Error('a registration catalog answers nothing'));
  return botCatalog({ commands, knowledge: { ready: () => null, get: nothing }, pageQueries: new PageQueries(1) });
}

/**
 * The body of Discord's bulk overwrite (`PUT /applications/{app}[/guilds/{guild}]/commands`) for `npm run deploy`.
 *
 * @example
 * commandPayloads(COMMANDS).map((c) => c.name) // → ['who', …, 'faq', 'faq-admin', 'source-admin', 'Find sources']
 */
export function commandPayloads(commands: readonly Command[]): CommandPayload[] {
  return payloadsOf(registrationCatalog(commands));
}
