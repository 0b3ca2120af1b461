/**
 * The FAQ through the loopback Discord: moderators curate, members read, nothing is lost. Every test works in a server
 * of its own, so each can run alone and in any order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema } from '../../../src/config/env.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import type { FaqStore } from '../../../src/faq/faq-store.ts';
import { SqliteFaqStore } from '../../../src/faq/sqlite-faq-store.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import {
  APP_ID,
  buttonClick,
  FakeDiscord,
  fakeMessage,
  faqAutocomplete,
  faqCommand,
  modalSubmit,
  type RecordedRequest,
} from './fake-discord.ts';

const MOD = { userId: '600000000000000006', permissions: '8192' }; // Manage Messages
const MEMBER = { userId: '700000000000000007', permissions: '0' };
type Reply = {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    custom_id?: string;
    title?: string;
    components?: Array<{ components: Array<{ custom_id: string; value?: string }> }>;
    embeds?: Array<{ title?: string; description?: string; fields?: Array<{ value: string }> }>;
    choices?: Array<{ name: string; value: number | string }>;
  };
};
const body = (r: RecordedRequest) => r.body as Reply;

describe('the FAQ on Discord', () => {
  const fake = new FakeDiscord();
  const dataDir = mkdtempSync(join(tmpdir(), 'talks-faq-e2e-'));
  let store: FaqStore;
  let bot: RunningBot;

  async function launch(): Promise<void> {
    store = await SqliteFaqStore.open(dataDir);
    const env = DiscordEnvSchema.parse({
      DISCORD_TOKEN: `fake.${'x'.repeat(64)}`,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    bot = await startBot({
      env,
      logger: createLogger('silent'),
      knowledge: fixedKnowledge(bundledKnowledge()),
      commands: COMMANDS,
      cooldownMs: 0,
      faq: store,
    });
    if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
  }

  async function restart(): Promise<void> {
    await bot.stop();
    await store.close();
    await launch();
  }

  beforeAll(async () => {
    await fake.start();
    await launch();
  });

  afterAll(async () => {
    await bot.stop();
    await store.close();
    await fake.stop();
  });

  afterEach(() => {
    expect(fake.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
  });

  let guilds = 0;
  /** A server of its own for each test, so that no test depends on what another left behind. */
  const newGuild = () => String(940000000000000000n + BigInt(++guilds));
  const inGuild = (interaction: Record<string, unknown>, guildId: string) =>
    Object.assign(interaction, { guild_id: guildId, authorizing_integration_owners: { '0': guildId } });
  /** An entry to work on, added as a moderator's form would add it. */
  const entryIn = async (guildId: string) =>
    (await store.add(guildId, { question: 'Who mediated the talks?', answer: 'Qatar and Egypt.' }, MOD.userId)).id;

  it('a moderator adds an entry through a form', async () => {
    const guild = newGuild();
    const open = body(await fake.interact(faqCommand('faq-admin', 'add', {}, { ...MOD, guildId: guild })));
    expect(open.type).toBe(9);
    expect(open.data?.custom_id).toBe('v1|faqadd');
    const saved = body(
      await fake.interact(
        inGuild(modalSubmit('v1|faqadd', { question: 'Who mediated the talks?', answer: 'Qatar and Egypt.', review_by: '' }, MOD), guild),
      ),
    );
    expect(saved.data?.content).toMatch(/^Saved FAQ #\d+ \(revision 1\)\./);
    expect(saved.data?.flags).toBe(64);
    const bad = body(
      await fake.interact(
        inGuild(modalSubmit('v1|faqadd', { question: 'When?', answer: 'Typed with care.', review_by: 'next week' }, MOD), guild),
      ),
    );
    expect(bad.data?.content).toMatch(/review_by must be YYYY-MM-DD\. Nothing was saved — your answer, to copy:\nTyped with care\./);
    const entries = await store.list(guild);
    expect(entries.map((e) => [e.id, e.question, e.answer])).toEqual([
      [Number(/#(\d+)/.exec(saved.data?.content ?? '')?.[1]), 'Who mediated the talks?', 'Qatar and Egypt.'],
    ]);
  });

  it('a member without permission is refused politely and privately, and nothing changes', async () => {
    const guild = newGuild();
    const entryId = await entryIn(guild);
    const refused = body(await fake.interact(faqCommand('faq-admin', 'remove', { entry: entryId }, { ...MEMBER, guildId: guild })));
    expect(refused.data?.content).toMatch(/only moderators/);
    expect(refused.data?.flags).toBe(64);
    const form = body(
      await fake.interact(inGuild(modalSubmit('v1|faqadd', { question: 'Sneaky?', answer: 'x', review_by: '' }, MEMBER), guild)),
    );
    expect(form.data?.content).toMatch(/only moderators/);
    expect((await store.list(guild)).map((e) => [e.id, e.revision])).toEqual([[entryId, 1]]);
  });

  it('the moderator role set by the server lets its members edit', async () => {
    const guild = newGuild();
    const entryId = await entryIn(guild);
    const role = '800000000000000008';
    await fake.interact(
      faqCommand(
        'faq-admin',
        'config moderator-role',
        { role },
        {
          ...MOD,
          guildId: guild,
          types: { role: 8 },
          resolved: {
            roles: {
              [role]: {
                id: role,
                name: 'FAQ editors',
                color: 0,
                hoist: false,
                position: 1,
                permissions: '0',
                managed: false,
                mentionable: false,
                flags: 0,
              },
            },
          },
        },
      ),
    );
    const alias = body(
      await fake.interact(
        faqCommand('faq-admin', 'alias', { entry: entryId, alias: 'Who were the mediators' }, { ...MEMBER, guildId: guild, roles: [role] }),
      ),
    );
    expect(alias.data?.content).toMatch(/also found as: “Who were the mediators”/);
  });

  it('a moderator edits through a prefilled form; an edit on a stale revision is refused, not lost', async () => {
    const guild = newGuild();
    const entryId = await entryIn(guild);
    const open = body(await fake.interact(faqCommand('faq-admin', 'edit', { entry: entryId }, { ...MOD, guildId: guild })));
    expect(open.data?.custom_id).toBe(`v1|faqedit|${entryId}|1`);
    expect(open.data?.components?.[1]?.components[0]?.value).toBe('Qatar and Egypt.');
    const saved = body(
      await fake.interact(
        inGuild(
          modalSubmit(
            `v1|faqedit|${entryId}|1`,
            { question: 'Who mediated the talks?', answer: 'Qatar, with Egypt; the US pressed.', review_by: '2027-01-31' },
            MOD,
          ),
          guild,
        ),
      ),
    );
    expect(saved.data?.content).toMatch(/revision 2/);
    const stale = body(
      await fake.interact(
        inGuild(
          modalSubmit(`v1|faqedit|${entryId}|1`, { question: 'Who mediated the talks?', answer: 'Old form text.', review_by: '' }, MOD),
          guild,
        ),
      ),
    );
    expect(stale.data?.content).toMatch(/changed by someone else .* here it is to copy:\nOld form text\./s);
    expect((await store.get(guild, entryId)).answer).toBe('Qatar, with Egypt; the US pressed.');
  });

  it('a moderator cites passages by id and by search; /faq show renders them as attributed quotes', async () => {
    const guild = newGuild();
    const entryId = await entryIn(guild);
    await store.addAlias(guild, entryId, 'Who were the mediators', MOD.userId);
    const byId = body(
      await fake.interact(
        faqCommand(
          'faq-admin',
          'cite',
          { entry: entryId, passages: 'ap-how-the-hostage-deal-came-about#5 nope#9' },
          { ...MOD, guildId: guild },
        ),
      ),
    );
    expect(byId.data?.content).toMatch(/Not in the corpus: nope#9\. Nothing was changed\./);
    const bySearch = body(
      await fake.interact(
        faqCommand(
          'faq-admin',
          'cite',
          { entry: entryId, search: 'Qatar and Egypt acting as critical intermediaries' },
          { ...MOD, guildId: guild },
        ),
      ),
    );
    expect(bySearch.data?.content).toMatch(/now cites \d passage/);
    const shown = body(
      await fake.interact(faqCommand('faq', 'show', { question: 'who were the mediaters' }, { ...MEMBER, guildId: guild })),
    );
    const embed = shown.data?.embeds?.[0];
    expect(embed?.title).toBe('Who mediated the talks?');
    expect(embed?.description).toContain('Qatar and Egypt.');
    expect(embed?.fields?.[0]?.value).toMatch(/^> .*\n— The Associated Press/s);
    expect(shown.data?.flags).toBe(64);
  });

  it('history shows every change with who and when; revert restores a revision', async () => {
    const guild = newGuild();
    const entryId = await entryIn(guild);
    await store.addAlias(guild, entryId, 'Who were the mediators', MEMBER.userId);
    await store.edit(guild, entryId, { answer: 'Qatar, with Egypt; the US pressed.' }, MOD.userId);
    await store.cite(guild, entryId, ['ap-how-the-hostage-deal-came-about#5'], MOD.userId);
    const refused = body(
      await fake.interact(faqCommand('faq-admin', 'cite', { entry: entryId, passages: 'nope#9' }, { ...MOD, guildId: guild })),
    );
    expect(refused.data?.content).toMatch(/Nothing was changed/);
    const history = body(await fake.interact(faqCommand('faq', 'history', { entry: entryId }, { ...MEMBER, guildId: guild })));
    expect(history.data?.embeds?.[0]?.description?.split('\n')).toHaveLength(4); // add, alias, edit, cite (the refused cite left no trace)
    expect(history.data?.embeds?.[0]?.description).toContain(`rev 2 · alias · <@${MEMBER.userId}>`);
    const reverted = body(
      await fake.interact(faqCommand('faq-admin', 'revert', { entry: entryId, revision: 1 }, { ...MOD, guildId: guild })),
    );
    expect(reverted.data?.content).toMatch(/restored to revision 1 \(now revision 5\)/);
    expect((await store.get(guild, entryId)).answer).toBe('Qatar and Egypt.');
  });

  it('autocomplete finds entries by question and alias, typos forgiven', async () => {
    const guild = newGuild();
    const entryId = await entryIn(guild);
    await store.addAlias(guild, entryId, 'Who were the go-betweens', MOD.userId);
    const r = body(await fake.interact(faqAutocomplete('faq', 'show', 'question', 'mediatd', guild)));
    expect(r.data?.choices?.map((c) => c.name)).toEqual(['Who mediated the talks?']);
    const byAlias = body(await fake.interact(faqAutocomplete('faq', 'show', 'question', 'go-betwens', guild)));
    expect(byAlias.data?.choices?.map((c) => c.name)).toEqual(['Who mediated the talks?']);
    const byEntry = body(await fake.interact(faqAutocomplete('faq-admin', 'edit', 'entry', 'who', guild)));
    expect(byEntry.data?.choices?.[0]).toEqual({ name: `#${entryId} Who mediated the talks?`, value: entryId });
  });

  it('the entry survives a bot restart', async () => {
    const guild = newGuild();
    await entryIn(guild);
    await restart();
    const shown = body(
      await fake.interact(faqCommand('faq', 'show', { question: 'Who mediated the talks?' }, { ...MEMBER, guildId: guild })),
    );
    expect(shown.data?.embeds?.[0]?.title).toBe('Who mediated the talks?');
  });

  it('export then import into another server reproduces the FAQ; a conflicting import applies nothing', async () => {
    const [guild, other] = [newGuild(), newGuild()];
    const entryId = await entryIn(guild);
    await store.addAlias(guild, entryId, 'Who were the mediators', MOD.userId);
    await fake.interact(
      faqCommand('faq-admin', 'cite', { entry: entryId, passages: 'ap-how-the-hostage-deal-came-about#5' }, { ...MOD, guildId: guild }),
    );
    // a file goes with the deferred reply's edit: the first response of an interaction carries JSON only
    const exportCommand = faqCommand('faq-admin', 'export', {}, { ...MOD, guildId: guild });
    expect(body(await fake.interact(exportCommand))).toEqual({ type: 5, data: { flags: 64 } });
    const exported = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${String(exportCommand.token)}/messages/@original`,
    );
    expect(exported.files[0]?.name).toBe(`faq-${guild}.json`);
    const file = fake.upload('faq.json', exported.files[0]?.content ?? '');
    const importInto = () =>
      faqCommand(
        'faq-admin',
        'import',
        { file: String(file.id) },
        { ...MOD, guildId: other, types: { file: 11 }, resolved: { attachments: { [String(file.id)]: file } } },
      );
    const imported = body(await fake.interact(importInto()));
    expect(imported.data?.content).toBe('Imported: 1 added, 0 replaced, 0 already the same.');
    const strip = async (g: string) =>
      (await store.list(g)).map(({ question, answer, aliases, citations, reviewBy }) => ({
        question,
        answer,
        aliases,
        citations,
        reviewBy,
      }));
    expect(await strip(other)).toEqual(await strip(guild));

    await store.edit(other, (await store.list(other))[0]?.id ?? 0, { answer: 'Changed here.' }, MOD.userId);
    const conflict = body(await fake.interact(importInto()));
    expect(conflict.data?.content).toMatch(/Nothing was imported: 1 entry differs/);
    expect((await store.list(other))[0]?.answer).toBe('Changed here.');
  });

  it('one server never sees another’s entries', async () => {
    const [guild, other] = [newGuild(), newGuild()];
    const entryId = await entryIn(guild);
    const own = body(await fake.interact(faqCommand('faq', 'show', { question: `#${entryId}` }, { ...MEMBER, guildId: guild })));
    expect(own.data?.embeds?.[0]?.title).toBe('Who mediated the talks?');
    const elsewhere = body(await fake.interact(faqCommand('faq', 'show', { question: `#${entryId}` }, { ...MEMBER, guildId: other })));
    expect(elsewhere.data?.embeds ?? []).toEqual([]);
    const wrongGuild = body(await fake.interact(faqCommand('faq-admin', 'remove', { entry: entryId }, { ...MOD, guildId: other })));
    expect(wrongGuild.data?.content).toMatch(/There is no FAQ entry #\d+ in this server/);
    expect((await store.get(guild, entryId)).revision).toBe(1);
  });

  it('a cited passage missing from the corpus is reported by /faq show and /faq-admin check, never shown', async () => {
    const guild = newGuild();
    const entryId = await entryIn(guild);
    await store.cite(guild, entryId, ['ap-how-the-hostage-deal-came-about#5', 'ap-how-the-hostage-deal-came-about#999'], MOD.userId);
    const shown = body(
      await fake.interact(faqCommand('faq', 'show', { question: 'Who mediated the talks?' }, { ...MEMBER, guildId: guild })),
    );
    expect(shown.data?.embeds?.[0]?.fields).toHaveLength(1);
    expect(shown.data?.embeds?.[0]?.description).toContain('no longer in the corpus: ap-how-the-hostage-deal-came-about#999');
    const check = body(await fake.interact(faqCommand('faq-admin', 'check', {}, { ...MOD, guildId: guild })));
    expect(check.data?.content).toContain(`#${entryId} cites ap-how-the-hostage-deal-came-about#999`);
  });

  it('the starter FAQ shipped in corpus/ seeds a server that chooses it, and /faq list pages through', async () => {
    const guild = newGuild();
    const seeded = body(await fake.interact(faqCommand('faq-admin', 'seed', {}, { ...MOD, guildId: guild })));
    expect(seeded.data?.content).toBe('Imported: 3 added, 0 replaced, 0 already the same.');
    const list = body(await fake.interact(faqCommand('faq', 'list', {}, { ...MEMBER, guildId: guild })));
    expect(list.data?.embeds?.[0]?.description?.split('\n')).toHaveLength(3);
  });

  it('/faq list pages through every entry with Next and Previous', async () => {
    const guild = newGuild();
    for (let i = 1; i <= 12; i++) await store.add(guild, { question: `Question ${String(i).padStart(2, '0')}?`, answer: 'A.' }, MOD.userId);
    const first = body(await fake.interact(faqCommand('faq', 'list', {}, { ...MEMBER, guildId: guild })));
    expect(first.data?.embeds?.[0]?.description?.split('\n')).toHaveLength(10);
    const next = first.data?.components?.[0]?.components[1]?.custom_id ?? '';
    const click = inGuild(
      buttonClick(
        next,
        fakeMessage({ embeds: first.data?.embeds ?? [], components: first.data?.components ?? [], flags: 64 }),
        MEMBER.userId,
      ),
      guild,
    );
    const second = body(await fake.interact(click));
    expect(second.type).toBe(7);
    expect(second.data?.embeds?.[0]?.description?.split('\n')).toHaveLength(2);
  });

  it('a removed entry is gone from view and comes back with revert', async () => {
    const guild = newGuild();
    const entryId = await entryIn(guild);
    await fake.interact(faqCommand('faq-admin', 'remove', { entry: entryId }, { ...MOD, guildId: guild }));
    const gone = body(
      await fake.interact(faqCommand('faq', 'show', { question: 'Who mediated the talks?' }, { ...MEMBER, guildId: guild })),
    );
    expect(gone.data?.content).toMatch(/No FAQ entry matches/);
    await fake.interact(faqCommand('faq-admin', 'revert', { entry: entryId, revision: 1 }, { ...MOD, guildId: guild }));
    expect((await store.get(guild, entryId)).question).toBe('Who mediated the talks?');
  });
});
