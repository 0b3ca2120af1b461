/**
 * The console in a terminal: answers wrapped to its width with whole words and each quote's "> " kept, a source
 * credited in full once per page, names and dates in bold where the terminal shows it (plain when piped), and a page
 * that fits the screen, `/more` going on from the last quote shown. The 80-column answer is written to the test-output
 * folder (`<tmpdir>/talks-bot-test-output/console/`) for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import { ConsoleSession } from '../../src/console/console-session.ts';
import { screenOf } from '../../src/console/repl.ts';
import { visibleLength } from '../../src/text/wrap.ts';
import { COMMANDS } from '../../commands/index.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const OUTPUT = join(tmpdir(), 'talks-bot-test-output', 'console');
const SCREEN = { width: 80, rows: 24, bold: false };
const ESCAPE = '\x1b';
/** The start of an ANSI sequence, in a pattern. */
const ESCAPE_RE = '\\x1b\\[';

/** The JSON answer of the same page, to read the quotes the text must hold whole. */
const jsonPage = (question: string, limit: number, offset = 0): Answer => {
  const session = new ConsoleSession(bundledKnowledge(), COMMANDS, 'json', limit);
  let text = session.respond(question);
  for (let shown = limit; shown <= offset; shown += limit) text = session.respond('/more');
  return JSON.parse(text) as Answer;
};

describe('the console at 80 columns and 24 rows', () => {
  const session = new ConsoleSession(bundledKnowledge(), COMMANDS, 'text', 5, null, SCREEN);
  const text = session.respond('/terms prisoners');
  const lines = text.split('\n');
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, 'terms-prisoners-80x24.txt'), `${text}\n`);

  it('keeps every line within the width, breaking no word', () => {
    for (const line of lines) expect(visibleLength(line), line).toBeLessThanOrEqual(80);
  });

  it('keeps a page within one screen, with room for the prompt', () => {
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(text).toMatch(/^\(1–\d of \d+\)$/m);
  });

  it('keeps each quote’s indent on every wrapped line, and the quote whole, word for word', () => {
    const shown = Number(/^\(1–(\d) of/m.exec(text)?.[1]);
    const answer = jsonPage('/terms prisoners', shown);
    const quotes = text.split(/\n\n(?=\d+\.)/).slice(1);
    expect(quotes).toHaveLength(answer.results.length);
    answer.results.forEach((r, i) => {
      const quoted = (quotes[i] ?? '').split('\n').filter((l) => l.startsWith('   > '));
      expect(quoted.length).toBeGreaterThan(1);
      expect(quoted.map((l) => l.slice(5)).join(' ')).toBe(r.quote.replace(/\s+/g, ' '));
    });
  });

  it('is plain text: no terminal styling unless the terminal shows bold', () => {
    expect(text).not.toContain(`${ESCAPE}[`);
  });

  it('goes on with /more from the first quote not shown', () => {
    const shown = Number(/^\(1–(\d) of/m.exec(text)?.[1]);
    const next = session.respond('/more');
    expect(next).toMatch(new RegExp(`^${shown + 1}\\.`, 'm'));
    expect(next).not.toMatch(new RegExp(`^${shown}\\.`, 'm'));
    expect(next).toMatch(new RegExp(`^\\(${shown + 1}–\\d+ of \\d+\\)$`, 'm'));
  });
});

describe('a source quoted several times on one page', () => {
  const text = new ConsoleSession(bundledKnowledge(), COMMANDS, 'text', 5).respond('/terms prisoners');
  writeFileSync(join(OUTPUT, 'terms-prisoners-piped.txt'), `${text}\n`);

  it('is credited in full where it first appears, then named with the number of that quote', () => {
    const credits = text.split('\n').filter((l) => l.startsWith('   — '));
    const ap = credits.filter((l) => l.includes('The Associated Press'));
    expect(ap.length).toBeGreaterThan(1);
    expect(ap[0]).toContain('Colleen Long');
    const first = Number(/^(\d+)\. .*\n(?: {3}> .*\n)+ {3}— The Associated Press ·/m.exec(text)?.[1]);
    for (const line of ap.slice(1)) {
      expect(line).not.toContain('Colleen Long');
      expect(line).toContain(`The Associated Press, as in ${first}`);
    }
  });

  it('is not wrapped when there is no terminal', () => {
    expect(text.split('\n').some((l) => l.length > 80)).toBe(true);
  });
});

describe('bold where the terminal shows it', () => {
  const session = new ConsoleSession(bundledKnowledge(), COMMANDS, 'text', 5, null, { ...SCREEN, rows: 60, bold: true });
  const text = [session.respond('/when Raanan release'), session.respond('/terms prisoners')].join('\n');

  it('makes the dates and the sources’ names bold, and keeps the width', () => {
    expect(text).toMatch(new RegExp(`${ESCAPE_RE}1mevent date \\d{4}-\\d{2}-\\d{2}`));
    expect(text).toContain('— \x1b[1mretold from The New York Times\x1b[22m');
    expect(text).toMatch(new RegExp(`— 2023-10-20 · ${ESCAPE_RE}1m“The Palestinian resistance group[^${ESCAPE}]+${ESCAPE_RE}22m`));
    for (const line of text.split('\n')) expect(visibleLength(line)).toBeLessThanOrEqual(80);
  });
});

describe('what the console reads off its output', () => {
  it('takes width, height and colours from a terminal, following a resize', () => {
    const tty = { isTTY: true, columns: 80, rows: 24, hasColors: () => true } as unknown as NodeJS.WriteStream;
    const screen = screenOf(tty);
    expect({ width: screen.width, rows: screen.rows, bold: screen.bold }).toEqual({ width: 80, rows: 24, bold: true });
    (tty as { columns: number }).columns = 120;
    expect(screen.width).toBe(120);
  });

  it('gives a pipe plain, unwrapped text', () => {
    const pipe = { isTTY: false } as unknown as NodeJS.WriteStream;
    expect(screenOf(pipe)).toEqual({});
  });

  it('gives a terminal without colours (NO_COLOR, TERM=dumb) no bold', () => {
    const tty = { isTTY: true, columns: 80, rows: 24, hasColors: () => false } as unknown as NodeJS.WriteStream;
    expect(screenOf(tty).bold).toBe(false);
  });
});
