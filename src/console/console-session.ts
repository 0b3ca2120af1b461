/**
 * One console conversation: takes lines as a user would type them in Discord ("/who McGurk") and returns the
 * rendered answer. `/more` shows the next page of the last answer. Given a file for pictures, an answer that has
 * the timeline picture (`/timeline`, `/when` across several dates) writes it there, and the text says where.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Answer } from '../answers/answer.ts';
import type { Command } from '../commands/declare.ts';
import { errorAnswer, parseCommandLine, runCommand } from '../commands/run-command.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { renderJson } from '../render/render-json.ts';
import { renderText, type TextLayout } from '../render/render-text.ts';
import { answerPng, hasPicture } from '../render/timeline-picture/answer-picture.ts';

export const CONSOLE_PAGE_SIZE = 5;

/**
 * The terminal an interactive console writes to: its width and bold (see `TextLayout`), and its height in rows, which
 * a page of results is kept within — fewer quotes on the page, never a quote cut — so an answer does not scroll its
 * first quotes out of sight; `/more` shows the next ones.
 */
export interface Screen extends TextLayout {
  rows?: number;
}

/** Lines a page leaves free below it: the blank line after an answer and the prompt. */
const PROMPT_LINES = 2;

/** Fixed knowledge, or a live one that follows the corpus (read once per answer). */
export type ConsoleKnowledge = Knowledge | { current(): Knowledge };

export class ConsoleSession {
  /** The last question asked, the page shown of it (where it starts, how many quotes), and how many results in all. */
  private last: { name: string; input: Record<string, unknown>; offset: number; shown: number; total: number } | null = null;
  /** Where the last answer's picture was written (an absolute path), or null when it had none. */
  lastPicture: string | null = null;

  constructor(
    private readonly knowledge: ConsoleKnowledge,
    private readonly commands: readonly Command[],
    private readonly format: 'text' | 'json' = 'text',
    private readonly pageSize = CONSOLE_PAGE_SIZE,
    /** The file an answer's timeline picture is written to; none: no pictures. */
    private readonly pictureFile: string | null = null,
    /** The terminal the text is shown in; none (scripts, piped output): plain, unwrapped, pages of `pageSize`. */
    private readonly screen: Screen = {},
  ) {}

  /** The answer to one line, or null for a blank line. */
  answer(line: string): Answer | null {
    if (/^\/?more$/i.test(line.trim())) {
      if (!this.last) return errorAnswer('more', null, 'Nothing to continue: ask something first.');
      const next = this.last.offset + Math.max(1, this.last.shown);
      // past the last page, the member is told so, and the last page stays the one /more continues from
      if (next >= this.last.total) {
        const shown =
          this.last.total === 0 ? 'it found nothing' : `all ${this.last.total} result${this.last.total === 1 ? ' was' : 's were'} shown`;
        return errorAnswer('more', null, `No more: ${shown}. Ask something else, or the same question in other words.`);
      }
      this.last.offset = next;
      return this.remember(this.run(this.last.name, this.last.input, next));
    }
    const parsed = parseCommandLine(this.commands, line);
    if (!parsed) return null;
    this.last = { ...parsed, offset: 0, shown: 0, total: 0 };
    return this.remember(this.run(parsed.name, parsed.input, 0));
  }

  /**
   * The rendered answer to one line ('' for a blank line); in text, a last line says where its picture was written.
   *
   * @example
   * new ConsoleSession(knowledge, COMMANDS, 'text', 5, 'data/timeline.png').respond('/timeline')
   * // → 'Timeline of the talks … (timeline picture written to /…/data/timeline.png)'
   */
  respond(line: string): string {
    this.lastPicture = null;
    const answer = this.answer(line);
    if (!answer) return '';
    const offset = this.last?.offset ?? 0;
    const text = this.format === 'json' ? renderJson(answer) : renderText(answer, offset, this.screen);
    if (this.pictureFile === null || !hasPicture(answer, offset)) return text;
    this.lastPicture = resolve(this.pictureFile);
    mkdirSync(dirname(this.lastPicture), { recursive: true });
    writeFileSync(this.lastPicture, answerPng(this.currentKnowledge(), answer));
    return this.format === 'json' ? text : `${text}\n(timeline picture written to ${this.lastPicture})`;
  }

  private currentKnowledge(): Knowledge {
    return 'current' in this.knowledge ? this.knowledge.current() : this.knowledge;
  }

  /** Keeps how many results the last question has and how many the page showed, so `/more` knows where to go on. */
  private remember(answer: Answer): Answer {
    if (this.last) {
      this.last.total = answer.total;
      this.last.shown = answer.results.length;
    }
    return answer;
  }

  /**
   * A page of the answer: `pageSize` quotes, or on a terminal of known height as many as fit in it (one at least;
   * answers take milliseconds, so a page that is too tall is asked again one quote shorter).
   */
  private run(name: string, input: Record<string, unknown>, offset: number): Answer {
    const ask = (limit: number) => runCommand(this.commands, name, input, { knowledge: this.currentKnowledge(), page: { limit, offset } });
    let answer = ask(this.pageSize);
    const rows = this.screen.rows;
    if (this.format === 'json' || rows === undefined) return answer;
    for (let limit = answer.results.length - 1; limit >= 1 && this.height(answer, offset) > rows - PROMPT_LINES; limit--) {
      answer = ask(limit);
    }
    return answer;
  }

  private height(answer: Answer, offset: number): number {
    return renderText(answer, offset, this.screen).split('\n').length;
  }
}
