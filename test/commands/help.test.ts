/**
 * `/help` is a member's guide: what the bot is and covers, each command with what it answers and an example that
 * works on the bundled corpus, and the tips of the face it is read in — the console's `/more` and `/quit`, Discord's
 * buttons, `/faq` and "Find sources" — from one declaration.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { answeringCommands } from '../../src/commands/declare.ts';
import { runCommand } from '../../src/commands/run-command.ts';
import { renderAnswerMessage } from '../../src/interactions/quote-replies/render-answer-message.ts';
import { renderText } from '../../src/render/render-text.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const knowledge = bundledKnowledge();
const ctx = { knowledge, page: { limit: 5, offset: 0 } };
const help = runCommand(COMMANDS, 'help', {}, ctx);

describe('/help', () => {
  it('lists every command with an example, each of which finds something', () => {
    const guide = help.guide;
    const quoteCommands = answeringCommands(COMMANDS);
    expect(guide?.commands.map((c) => c.usage)).toEqual(
      quoteCommands.map(({ name, leaf }) => `/${name}${leaf.primary ? ` <${leaf.primary}>` : ''}`),
    );
    for (const c of guide?.commands ?? []) {
      if (!c.example) continue;
      const [name = '', ...words] = c.example.slice(1).split(' ');
      const primary = quoteCommands.find((x) => x.name === name)?.leaf.primary;
      const answer = runCommand(COMMANDS, name, primary ? { [primary]: words.join(' ') } : {}, ctx);
      expect(answer.found, c.example).toBe(true);
    }
  });

  it('reads in the console as a guide, with the console’s own tips and none of Discord’s', () => {
    const text = renderText(help);
    expect(text).toContain('  /when <event> — When did something happen?');
    expect(text).toContain('      e.g. /when Raanans freed');
    expect(text).toMatch(/The corpus holds 5 sources, published from 20 October 2023 to 22 March 2024\./);
    expect(text).toContain('/more shows the next page of the last answer; /quit (or Ctrl-D) leaves.');
    expect(text).not.toMatch(/Post in channel|Find sources/);
    expect(text).not.toMatch(/^Note:/m);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(160);
  });

  it('reads on Discord with the examples in code and Discord’s own tips', () => {
    const description = renderAnswerMessage(help, { offset: 0, private: true }).embeds[0]?.description ?? '';
    expect(description).toContain('**/who <name>** — Who is someone in the talks?');
    expect(description).toContain('e.g. `/who Qatari prime minister`');
    expect(description).toContain('"Post in channel" shares one');
    expect(description).toContain('Find sources');
    expect(description).not.toContain('/quit');
  });
});
