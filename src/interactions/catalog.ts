/**
 * Everything the bot answers, declared once: the quote commands, the FAQ, `/source-admin`, "Find sources", and
 * their buttons and forms. The dispatcher answers from this catalog and the registration payload is derived from it.
 */
import type { AnyCommand } from '../commands/define-command.ts';
import { SourceDrafts } from '../corpus/source-drafts.ts';
import { answerButtons } from './quote-replies/answer-buttons.ts';
import { answerCommand, findSourcesCommand } from './quote-replies/answer-commands.ts';
import type { AnswerDeps } from './quote-replies/answer-replies.ts';
import { PageQueries } from './quote-replies/page-queries.ts';
import { type CommandPayload, payloadsOf } from './command-payloads.ts';
import type { Catalog } from './declare.ts';
import { faqAdminCommand } from './faq/faq-admin-command.ts';
import { faqCommand } from './faq/faq-command.ts';
import { faqComponents } from './faq/faq-components.ts';
import type { FaqDeps } from './faq/faq-gates.ts';
import { sourceAdminCommand } from './sources/source-admin-command.ts';
import { sourceAdminComponents } from './sources/source-admin-components.ts';
import type { SourceAdminDeps } from './sources/source-admin-gates.ts';

export type BotDeps = AnswerDeps &
  FaqDeps & {
    /** Adding and removing sources (`/source-admin`); without it, the command says it is off. */
    sources?: SourceAdminDeps;
  };

/** Where no corpus editing was set up: every `/source-admin` action says it is off. */
const SOURCES_OFF: SourceAdminDeps = { editor: null, editorGuilds: [], drafts: new SourceDrafts(), fetch: {} };

/**
 * @example
 * const catalog = botCatalog({ knowledge, commands: COMMANDS, pageQueries: new PageQueries(), faq });
 */
export function botCatalog(deps: BotDeps): Catalog {
  const sources = deps.sources ?? SOURCES_OFF;
  return {
    commands: [
      ...deps.commands.map((c) => answerCommand(c, deps)),
      faqCommand(deps),
      faqAdminCommand(deps),
      sourceAdminCommand(sources),
      findSourcesCommand(deps),
    ],
    components: [...answerButtons(deps), ...faqComponents(deps), ...sourceAdminComponents(sources)],
  };
}

/** The catalog as registration sees it: the declarations, with nothing behind them to answer from. */
export function registrationCatalog(commands: readonly AnyCommand[]): Catalog {
  const nothing = () => Promise.reject(new Error('a registration catalog answers nothing'));
  return botCatalog({ commands, knowledge: { ready: () => null, get: nothing }, pageQueries: new PageQueries(1) });
}

/**
 * The body of Discord's bulk overwrite (`PUT /applications/{app}[/guilds/{guild}]/commands`) for `npm run deploy`.
 *
 * @example
 * commandPayloads(COMMANDS).map((c) => c.name) // → ['who', …, 'faq', 'faq-admin', 'source-admin', 'Find sources']
 */
export function commandPayloads(commands: readonly AnyCommand[]): CommandPayload[] {
  return payloadsOf(registrationCatalog(commands));
}
