import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { parseCommandLine, runCommand } from '../../src/commands/run-command.ts';
import { QUERY_MAX_LENGTH } from '../../src/commands/options.ts';
import { ConsoleSession } from '../../src/console/console-session.ts';
import { MAX_CHOICE_LENGTH, MAX_CHOICES } from '../../src/answers/choices.ts';
import { answeringCommands } from '../../src/commands/declare.ts';
import { answeringLeaf, suggestionsOf } from '../helpers/answering-command.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const knowledge = bundledKnowledge();
const ctx = { knowledge, page: { limit: 5, offset: 0 } };

describe('commands', () => {
  it('each slash command has a lower-case name, a description under 100 characters and at most 25 options a leaf', () => {
    for (const c of COMMANDS) {
      if (c.type === 'message') {
        expect(c.name.length).toBeLessThanOrEqual(32);
        continue;
      }
      expect(c.name).toMatch(/^[a-z-]{1,32}$/);
      expect(c.description.length).toBeLessThanOrEqual(100);
      const { run } = c;
      const leaves =
        'subcommands' in run
          ? [...Object.values(run.subcommands), ...Object.values(run.groups ?? {}).flatMap((g) => Object.values(g.subcommands))]
          : [run];
      for (const l of leaves) expect(Object.keys(l.options).length).toBeLessThanOrEqual(25);
    }
  });

  it('every command is declared in commands/, one file each, and listed there; the quote commands first, as /help lists them', async () => {
    const files = readdirSync('commands').filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const declared = await Promise.all(files.map(async (f) => ((await import(`../../commands/${f}`)) as { default: unknown }).default));
    expect(new Set(declared)).toEqual(new Set(COMMANDS));
    expect(answeringCommands(COMMANDS).map((c) => c.name)).toEqual(['who', 'when', 'terms', 'search', 'timeline', 'source', 'help']);
    expect(COMMANDS.slice(0, 7).map((c) => c.name)).toEqual(answeringCommands(COMMANDS).map((c) => c.name));
  });

  it('a command that acts on Discord only is answered in the console with where to use it', () => {
    const answer = runCommand(COMMANDS, 'faq', {}, ctx);
    expect(answer.found).toBe(false);
    expect(answer.notes).toEqual(['/faq is used on Discord, not here.']);
  });

  it('a console line gives the rest of the line to the primary option', () => {
    expect(parseCommandLine(COMMANDS, '/who  Brett McGurk ')).toEqual({ name: 'who', input: { name: 'Brett McGurk' } });
    expect(parseCommandLine(COMMANDS, 'terms')).toEqual({ name: 'terms', input: {} });
    expect(parseCommandLine(COMMANDS, '   ')).toBeNull();
  });

  it('a console line without a command is searched whole', () => {
    expect(parseCommandLine(COMMANDS, 'what did Qatar do?')).toEqual({ name: 'search', input: { text: 'what did Qatar do?' } });
    expect(parseCommandLine(COMMANDS, '/what did Qatar do?')?.name).toBe('what'); // a slash still means a command
    const answer = new ConsoleSession(knowledge, COMMANDS, 'json').answer('communications cell');
    expect(answer?.command).toBe('search');
    expect(answer?.results[0]?.passage_id).toBe('ap-how-the-hostage-deal-came-about#3');
  });

  it('invalid input becomes an answer in the bot’s own words', () => {
    expect(runCommand(COMMANDS, 'who', { name: '' }, ctx).notes[0]).toBe('Type a few words to look up.');
    expect(runCommand(COMMANDS, 'who', {}, ctx).found).toBe(false);
    expect(runCommand(COMMANDS, 'frobnicate', {}, ctx).suggestions).toContain('/who');
    for (const input of [{ text: '' }, { text: '  \u0007 ' }, {}]) {
      const answer = runCommand(COMMANDS, 'search', input, ctx);
      expect(answer.found).toBe(false);
      expect(answer.notes).toEqual(['Type a few words to search for.']);
    }
    expect(runCommand(COMMANDS, 'search', { text: 'x'.repeat(QUERY_MAX_LENGTH + 1) }, ctx).notes[0]).toBe(
      'That is too long: at most 6,000 characters, please.',
    );
  });

  it('a free-text option takes a pasted message up to Discord’s cap of 6,000 characters', () => {
    expect(QUERY_MAX_LENGTH).toBe(6000);
    expect(answeringLeaf('search').options.text?.maxLength).toBe(6000);
    const message = `${'Qatar mediated the talks between Israel and Hamas. '.repeat(200)}`.slice(0, QUERY_MAX_LENGTH);
    const answer = runCommand(COMMANDS, 'search', { text: message }, ctx);
    expect(answer.notes.join(' ')).not.toMatch(/too long/);
    expect(answer.title.length).toBeLessThan(100);
  });

  it('a question reaches the other commands as its key words: /terms "how many" finds the number', () => {
    const quotes = runCommand(COMMANDS, 'terms', { topic: 'how many hostages will be released?' }, ctx)
      .results.slice(0, 3)
      .map((r) => r.quote);
    expect(quotes.some((q) => q.includes('50 hostages'))).toBe(true);
  });

  it('a query of question words only asks for words to search', () => {
    const answer = runCommand(COMMANDS, 'search', { text: 'what?' }, ctx);
    expect(answer.found).toBe(false);
    expect(answer.notes[0]).toMatch(/no words to search for/);
  });

  it('autocomplete gives at most 25 choices of at most 100 characters', async () => {
    for (const { name, leaf } of answeringCommands(COMMANDS)) {
      for (const option of Object.keys(leaf.options)) {
        for (const typed of ['', 'a', 'Al-Th', 'cease', 'zzzz']) {
          const choices = await suggestionsOf(name, option, typed, knowledge);
          expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
          for (const choice of choices) expect(choice.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
        }
      }
    }
  });

  it('/who suggests names as the user types, typos included', async () => {
    expect(await suggestionsOf('who', 'name', 'McG', knowledge)).toContain('Brett McGurk');
    expect(await suggestionsOf('who', 'name', 'Netanyahou', knowledge)).toContain('Benjamin Netanyahu');
  });

  it('a /when autocomplete pick is searched by its words', async () => {
    const pick = (await suggestionsOf('when', 'event', 'war cabinet', knowledge))[0] ?? '';
    expect(pick).toMatch(/^2023-11-22 — /);
    expect(runCommand(COMMANDS, 'when', { event: pick }, ctx).results[0]?.date).toBe('2023-11-22');
  });
});

describe('the console', () => {
  it('shows the same quotes as the JSON answer', () => {
    const text = new ConsoleSession(knowledge, COMMANDS).respond('/who Barnea');
    const json = JSON.parse(new ConsoleSession(knowledge, COMMANDS, 'json').respond('/who Barnea')) as {
      results: Array<{ quote: string }>;
    };
    for (const r of json.results) expect(text).toContain(r.quote);
  });

  it('/more pages through a long answer', () => {
    const session = new ConsoleSession(knowledge, COMMANDS, 'json');
    const first = JSON.parse(session.respond('/timeline')) as { results: Array<{ passage_id: string }> };
    const second = JSON.parse(session.respond('/more')) as { results: Array<{ passage_id: string }> };
    expect(second.results[0]?.passage_id).not.toBe(first.results[0]?.passage_id);
  });
});
