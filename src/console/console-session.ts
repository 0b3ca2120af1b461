/**
 * One console conversation: takes lines as a user would type them in Discord ("/who McGurk") and returns the
 * rendered answer. `/more` shows the next page of the last answer.
 */
import type { Answer } from '../answers/answer.ts';
import type { AnyCommand } from '../commands/define-command.ts';
import { errorAnswer, parseCommandLine, runCommand } from '../commands/run-command.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { renderJson } from '../render/render-json.ts';
import { renderText } from '../render/render-text.ts';

export const CONSOLE_PAGE_SIZE = 5;

/** Fixed knowledge, or a live one that follows the corpus (read once per answer). */
export type ConsoleKnowledge = Knowledge | { current(): Knowledge };

export class ConsoleSession {
  private last: { name: string; input: Record<string, unknown>; offset: number } | null = null;

  constructor(
    private readonly knowledge: ConsoleKnowledge,
    private readonly commands: readonly AnyCommand[],
    private readonly format: 'text' | 'json' = 'text',
    private readonly pageSize = CONSOLE_PAGE_SIZE,
  ) {}

  /** The answer to one line, or null for a blank line. */
  answer(line: string): Answer | null {
    if (/^\/?more$/i.test(line.trim())) {
      if (!this.last) return errorAnswer('more', null, 'Nothing to continue: ask something first.');
      this.last.offset += this.pageSize;
      return this.run(this.last.name, this.last.input, this.last.offset);
    }
    const parsed = parseCommandLine(this.commands, line);
    if (!parsed) return null;
    this.last = { ...parsed, offset: 0 };
    return this.run(parsed.name, parsed.input, 0);
  }

  /** The rendered answer to one line ('' for a blank line). */
  respond(line: string): string {
    const answer = this.answer(line);
    if (!answer) return '';
    return this.format === 'json' ? renderJson(answer) : renderText(answer, this.last?.offset ?? 0);
  }

  private run(name: string, input: Record<string, unknown>, offset: number): Answer {
    const knowledge = 'current' in this.knowledge ? this.knowledge.current() : this.knowledge;
    return runCommand(this.commands, name, input, { knowledge, page: { limit: this.pageSize, offset } });
  }
}
