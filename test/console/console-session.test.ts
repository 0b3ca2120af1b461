/**
 * The console shows a refusal as the bot's words, as Discord does: any UserError a command throws — invalid input
 * above all — becomes the answer's note ("Sorry" and the message), while any other error is not dressed up as one.
 */
import { describe, expect, it } from 'vitest';
import { answeringCommands, defineCommand } from '../../src/commands/declare.ts';
import { InvalidInputError, stringOption } from '../../src/commands/options.ts';
import { ConsoleSession } from '../../src/console/console-session.ts';
import type { UserError } from '../../src/errors/user-error.ts';
import { FaqError } from '../../src/faq/faq-errors.ts';
import { FetchPageError } from '../../src/ingest/fetch/fetch-page.ts';
import { IngestError } from '../../src/ingest/ingest-error.ts';
import { Refusal } from '../../src/commands/declare.ts';
import { COMMANDS } from '../../commands/index.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const REFUSALS: Record<string, UserError> = {
  faq: new FaqError('There is no FAQ entry #12 in this server.'),
  ingest: new IngestError('page.txt: no article text found after cleaning'),
  fetch: new FetchPageError('timeout', 'the site took too long to answer'),
  invalid: new InvalidInputError('Type a few words to look up.'),
  refusal: new Refusal('Only moderators can change the FAQ.'),
};

const refuse = defineCommand({
  name: 'refuse',
  description: 'Throws the refusal it is told to',
  options: { family: stringOption({ description: 'Which', required: true }) },
  primary: 'family',
  answer: ({ family }) => {
    throw REFUSALS[family] ?? new Error(`a bug: ${family}`);
  },
});

describe('a refusal in the console', () => {
  const session = new ConsoleSession(bundledKnowledge(), [refuse]);

  it.each(Object.keys(REFUSALS))('%s: the answer says the message', (family) => {
    expect(session.respond(`/refuse ${family}`)).toBe(`Sorry\n\n${REFUSALS[family]?.message}`);
  });

  it('invalid input, as the command’s own option rules refuse it', () => {
    expect(session.respond('/refuse')).toBe('Sorry\n\nType a few words to look up.');
  });

  it('anything else is not a refusal: it is thrown, not shown as the bot’s words', () => {
    expect(() => session.respond('/refuse other')).toThrow('a bug: other');
  });
});

describe('/more in the console', () => {
  it('shows the next page, then says there is no more past the last one, and stays there', () => {
    const session = new ConsoleSession(bundledKnowledge(), COMMANDS, 'json', 5);
    const first = JSON.parse(session.respond('/search hostages released')) as { total: number; results: Array<{ passage_id: string }> };
    expect(first.total).toBeGreaterThan(5);
    const pages = Math.ceil(first.total / 5);
    const seen = new Set(first.results.map((r) => r.passage_id));
    for (let page = 1; page < pages; page++) {
      const next = JSON.parse(session.respond('/more')) as { results: Array<{ passage_id: string }> };
      expect(next.results.length).toBeGreaterThan(0);
      for (const r of next.results) seen.add(r.passage_id);
    }
    expect(seen.size).toBe(first.total);
    const past = JSON.parse(session.respond('/more')) as { title: string; notes: string[] };
    expect(past.title).toBe('Sorry');
    expect(past.notes[0]).toBe(`No more: all ${first.total} results were shown. Ask something else, or the same question in other words.`);
    // asked again, the same: it does not count on past the end
    expect((JSON.parse(session.respond('/more')) as { notes: string[] }).notes[0]).toMatch(/^No more/);
  });

  it('says so for a question that found nothing', () => {
    const session = new ConsoleSession(bundledKnowledge(), COMMANDS, 'json', 5);
    session.respond('/search zzqxv wxyzzy');
    expect((JSON.parse(session.respond('/more')) as { notes: string[] }).notes[0]).toMatch(/^No more: it found nothing\./);
  });
});

describe('a mistyped command in the console', () => {
  it('is named, with the commands it was most likely meant to be first', () => {
    const answer = JSON.parse(new ConsoleSession(bundledKnowledge(), COMMANDS, 'json').respond('/whoo McGurk')) as {
      notes: string[];
      suggestions: string[];
    };
    expect(answer.notes[0]).toBe('Unknown command "/whoo". Did you mean /who or /when?');
    expect(answer.suggestions.slice(0, 2)).toEqual(['/who', '/when']);
    // the commands the console answers: /faq and the other Discord-only commands are not offered
    expect(answer.suggestions).toHaveLength(answeringCommands(COMMANDS).length);
  });

  it('far from every command, lists them all without guessing', () => {
    const answer = JSON.parse(new ConsoleSession(bundledKnowledge(), COMMANDS, 'json').respond('/frobnicate')) as {
      notes: string[];
      suggestions: string[];
    };
    expect(answer.notes[0]).toBe('Unknown command "/frobnicate".');
    expect(answer.suggestions).toEqual(answeringCommands(COMMANDS).map((c) => `/${c.name}`));
  });
});
