/**
 * What a member sees for input the property tests (test/fuzz/) found breaking the bot, each kept as an example:
 * the answer is the bot's own, in its own words, and valid for Discord.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { attachmentOption, parseOptions, roleOption, stringOption } from '../../src/commands/options.ts';
import { PageQueries } from '../../src/interactions/quote-replies/page-queries.ts';
import { botCatalog } from '../../src/interactions/catalog.ts';
import { Cooldowns } from '../../src/interactions/cooldowns.ts';
import { fixedKnowledge } from '../../src/serving/live-knowledge.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { DraftsInMemory } from '../../src/corpus/source-drafts.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { bundledKnowledge, scratchCorpus } from '../helpers/corpus.ts';
import { buttonClick, fakeMessage, GUILD_ID, messageMenu, slashCommand } from '../delivery/discord/fake-discord.ts';
import { ApiTransport } from './api-transport.ts';

const knowledge = fixedKnowledge(bundledKnowledge());
const t = new ApiTransport({
  catalog: botCatalog({ knowledge, commands: COMMANDS, pageQueries: new PageQueries() }),
  cooldowns: new Cooldowns(0),
  logger: createLogger('silent'),
});
afterEach(() => expect(t.problems).toEqual([]));

describe('words that are also names of JavaScript object properties', () => {
  it('"constructor" or "__proto__" typed or pasted is searched like any word, not answered with an apology', async () => {
    for (const text of ['constructor', 'hostages __proto__ constructor', 'toString valueOf hasOwnProperty']) {
      const search = await t.first(slashCommand('search', { text }));
      expect(search.data?.content ?? '').not.toMatch(/something went wrong/);
      expect(search.data?.embeds?.[0]?.title).toMatch(/\S/);
      const when = await t.first(slashCommand('when', { event: text }));
      expect(when.data?.embeds?.[0]?.title).toMatch(/\S/);
      const found = await t.first(messageMenu('Find sources', fakeMessage({ content: text })));
      expect(found.data?.embeds?.[0]?.title).toMatch(/\S/);
    }
  });
});

describe('option values of the wrong type, as a forged or buggy client sends them', () => {
  it("text options given an object or a number ask for text, in the bot's words", async () => {
    const interaction = slashCommand('when', {});
    (interaction.data as { options: unknown[] }).options = [{ name: 'event', type: 3, value: { evil: true } }];
    const reply = await t.first(interaction);
    expect(reply.data?.embeds?.[0]?.description).toBe('*Type the event as text, please.*');
    expect(JSON.stringify(reply)).not.toMatch(/Invalid input|expected string|received/);
  });

  it('a role without its name, or a file with a negative size, asks for the role or the file again', () => {
    const options = {
      role: roleOption({ description: 'A role' }),
      file: attachmentOption({ description: 'A file' }),
      note: stringOption({ description: 'A note' }),
    };
    expect(parseOptions(options, { role: { id: '9', name: {} } })).toEqual({ ok: false, message: 'Pick a role from the list, please.' });
    expect(parseOptions(options, { file: { id: '8', filename: 'a.json', size: -1, url: 'https://cdn.example/a.json' } })).toEqual({
      ok: false,
      message: 'Attach the file, please.',
    });
    expect(parseOptions(options, { note: 42 })).toEqual({ ok: false, message: 'Type the note as text, please.' });
  });
});

describe('a source preview whose id another article already has', () => {
  it("Add says the id is taken and how to fix it, without the server's paths or the command line's options", async () => {
    const live = LiveKnowledge.open(scratchCorpus());
    const editor = new CorpusEditor(live);
    const drafts = new DraftsInMemory<ReturnType<CorpusEditor['preview']>>();
    const sources = { editor, editorGuilds: [GUILD_ID], drafts, fetch: {} };
    const admin = new ApiTransport({
      catalog: botCatalog({ knowledge: live, commands: COMMANDS, pageQueries: new PageQueries(), sources }),
      cooldowns: new Cooldowns(0),
      logger: createLogger('silent'),
    });
    const moderator = '610000000000000061';
    // two articles of the same day whose headlines start alike get the same id
    const page = (round: number) =>
      `Qatar says hostage talks in Doha are continuing, round ${round}\nPublished 2023-11-20\n\nQatari mediators said the talks were continuing in Doha, round ${round}.`;
    const click = (key: string) => {
      const interaction = buttonClick(`v1|src|add|${key}`, fakeMessage(), moderator);
      (interaction.member as Record<string, unknown>).permissions = '8192';
      return interaction;
    };
    const first = await drafts.put({ prepared: editor.preview(page(1), 'one.txt'), owner: moderator, guild: GUILD_ID });
    const second = await drafts.put({ prepared: editor.preview(page(2), 'two.txt'), owner: moderator, guild: GUILD_ID });
    const [, added] = await admin.handle(click(first));
    expect((added?.body as { content: string }).content).toMatch(/^Added `2023-11-20-/);
    const [, refused] = await admin.handle(click(second));
    const content = (refused?.body as { content: string }).content;
    expect(content).toMatch(
      /^Nothing was added: another source already has the id "2023-11-20-[a-z-]+" \(the same date and a headline that starts the same\): use Edit details/,
    );
    expect(content).not.toMatch(/\/tmp|sources\/|--id/);
    expect(admin.problems).toEqual([]);
  });
});

describe('names that are also properties of JavaScript objects, where Discord sends names', () => {
  it('a subcommand or group called "__proto__" or "constructor" is one the bot does not have', async () => {
    for (const path of [
      [{ name: '__proto__', type: 1, options: [] }],
      [{ name: 'constructor', type: 2, options: [{ name: 'toString', type: 1, options: [] }] }],
    ]) {
      const interaction = slashCommand('faq-admin', {});
      (interaction.data as { options: unknown[] }).options = path;
      expect((await t.first(interaction)).data?.content).toMatch(
        /^Unknown command \/faq-admin (?:__proto__|constructor toString): it may have been removed\. Try \/help\./,
      );
    }
  });

  it('"Find sources" on a message id "__proto__" that Discord did not resolve says the command is unknown, not sorry', async () => {
    const interaction = messageMenu('Find sources', fakeMessage({ content: 'hostages' }));
    (interaction.data as { target_id: string }).target_id = '__proto__';
    expect((await t.first(interaction)).data?.content).toBe('Unknown command "Find sources": it may have been removed.');
  });
});

describe('interactions as Discord never sends them', () => {
  it('one that names no user gets a private sentence (or no suggestions), and nothing escapes', async () => {
    const command = slashCommand('who', { name: 'McGurk' });
    delete command.member;
    expect((await t.first(command)).data?.content).toBe('The bot could not tell who sent this, so it did nothing. Please try again.');
    const typing = slashCommand('who', {});
    Object.assign(typing, {
      type: 4,
      data: { id: '1', name: 'who', type: 1, options: [{ name: 'name', type: 3, value: 'McG', focused: true }] },
    });
    delete typing.member;
    expect((await t.first(typing)).data?.choices).toEqual([]);
  });

  it('permissions that are not a number, or roles that are not a list, count as none', async () => {
    const command = slashCommand('who', { name: 'McGurk' });
    Object.assign(command.member as object, { permissions: 'all of them', roles: 'admin' });
    expect((await t.first(command)).data?.embeds?.[0]?.title).toBe('Who is Brett McGurk?');
  });
});
