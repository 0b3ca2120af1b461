/**
 * Everything the bot answers, declared once: the quote commands, the FAQ, "Find sources", and their buttons and
 * forms. The
 * dispatcher answers from this catalog and the registration payload is derived from it.
 */
import type { AnyCommand } from '../commands/define-command.ts';
import { answerButtons } from './answers/answer-buttons.ts';
import { answerCommand, findSourcesCommand } from './answers/answer-commands.ts';
import type { AnswerDeps } from './answers/answer-replies.ts';
import { PageQueries } from './answers/page-queries.ts';
import type { Catalog } from './declare.ts';
import { faqAdminCommand } from './faq/faq-admin-command.ts';
import { faqCommand } from './faq/faq-command.ts';
import { faqComponents } from './faq/faq-components.ts';
import type { FaqDeps } from './faq/faq-gates.ts';

export type BotDeps = AnswerDeps & FaqDeps;

/**
 * @example
 * const catalog = botCatalog({ knowledge, commands: COMMANDS, pageQueries: new PageQueries() });
 */
export function botCatalog(deps: BotDeps): Catalog {
  return {
    commands: [...deps.commands.map((c) => answerCommand(c, deps)), faqCommand(deps), faqAdminCommand(deps), findSourcesCommand(deps)],
    components: [...answerButtons(deps), ...faqComponents(deps)],
  };
}

/** The catalog as registration sees it: the declarations, with nothing behind them to answer from. */
export function registrationCatalog(commands: readonly AnyCommand[]): Catalog {
  const nothing = () => Promise.reject(new Error('a registration catalog answers nothing'));
  return botCatalog({ commands, knowledge: { ready: () => null, get: nothing }, pageQueries: new PageQueries(1) });
}
