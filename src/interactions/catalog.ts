/**
 * Everything the bot answers, declared once: the quote commands, "Find sources" and the answer buttons. The
 * dispatcher answers from this catalog and the registration payload is derived from it.
 */
import type { AnyCommand } from '../commands/define-command.ts';
import { answerButtons } from './answers/answer-buttons.ts';
import { answerCommand, findSourcesCommand } from './answers/answer-commands.ts';
import type { AnswerDeps } from './answers/answer-replies.ts';
import { PageQueries } from './answers/page-queries.ts';
import type { Catalog } from './declare.ts';

export type BotDeps = AnswerDeps;

/**
 * @example
 * const catalog = botCatalog({ knowledge, commands: COMMANDS, pageQueries: new PageQueries() });
 */
export function botCatalog(deps: BotDeps): Catalog {
  return {
    commands: [...deps.commands.map((c) => answerCommand(c, deps)), findSourcesCommand(deps)],
    components: [...answerButtons(deps)],
  };
}

/** The catalog as registration sees it: the declarations, with nothing behind them to answer from. */
export function registrationCatalog(commands: readonly AnyCommand[]): Catalog {
  const nothing = () => Promise.reject(new Error('a registration catalog answers nothing'));
  return botCatalog({ commands, knowledge: { ready: () => null, get: nothing }, pageQueries: new PageQueries(1) });
}
