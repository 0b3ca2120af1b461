/**
 * Moderators add and remove articles from Discord (`/source-admin`), through the real discord.js client and the
 * loopback fake Discord: a saved page attached or a link on a loopback web server gives a private preview with Add,
 * Edit details and Cancel; Add writes the source and the bot answers from it at once. Members, other servers and
 * private addresses are refused with the reason. The pages here are written for these tests.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema } from '../../../src/config/env.ts';
import { readChanges } from '../../../src/corpus/corpus-changes.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import { LiveKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { scratchCorpus } from '../../helpers/corpus.ts';
import {
  APP_ID,
  buttonClick,
  FakeDiscord,
  fakeMessage,
  faqCommand,
  GUILD_ID,
  modalSubmit,
  type RecordedRequest,
  slashCommand,
} from './fake-discord.ts';

const MOD = { userId: '600000000000000006', permissions: '8192' }; // Manage Messages
const MEMBER = { userId: '700000000000000007', permissions: '0' };
const OTHER_GUILD = '900000000000000009';

type Message = {
  content?: string;
  flags?: number;
  embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>;
  components?: Array<{ components: Array<{ label?: string; custom_id?: string; value?: string }> }>;
};
type Callback = { type: number; data?: Message & { custom_id?: string; choices?: Array<{ name: string; value: string }> } };

const PAGE_HTML = `<!doctype html><html><head><title>Lighthouse truce | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger">
<meta property="og:title" content="Mediators secure a lighthouse truce in Zanzibar talks">
<meta property="article:published_time" content="2025-01-16T08:30:00+00:00">
<meta name="author" content="Marta Olsen">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Mediators secure a lighthouse truce in Zanzibar talks</h1>
<p>By Marta Olsen</p>
<p>The lighthouse keepers of Zanzibar accepted a three-stage truce on Wednesday after nine days of shuttle talks, according to two officials who took part.</p>
<p>Under the first stage, each side would hand back twelve lanterns held since the spring, the officials said.</p>
<p>The mediators plan to meet again on Sunday to settle the second stage, which covers the disputed jetty.</p>
<p>Advertisement</p>
</article>
<footer>© 2025 The Harbor Ledger. All rights reserved.</footer>
</body></html>`;

const PAGE_TEXT = [
  'Skip to content',
  '',
  'Home',
  'World',
  'Politics',
  '',
  'Ferry crews agree on a night-time timetable',
  '',
  'By Idris Kamal',
  '',
  'Published: Wed 31 Jul 2024',
  '',
  'The ferry crews of the northern strait settled on a night-time timetable after a week of talks, their union said on Tuesday.',
  '',
  'The new timetable doubles the number of crossings between midnight and dawn, according to the union’s statement.',
  '',
  'Share',
  '',
  'Back to top',
].join('\n');

describe('/source-admin on Discord', () => {
  const fake = new FakeDiscord();
  let web: Server;
  let webUrl = '';
  let dir = '';
  let live: LiveKnowledge;
  let bot: RunningBot;

  beforeAll(async () => {
    await fake.start();
    web = createServer((req, res) => {
      if (req.url === '/ferry') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(PAGE_TEXT);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    dir = scratchCorpus();
    live = LiveKnowledge.open(dir);
    const env = DiscordEnvSchema.parse({
      DISCORD_TOKEN: `fake.${'x'.repeat(64)}`,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_EDITOR_GUILDS: GUILD_ID,
    });
    bot = await startBot({
      env,
      logger: createLogger('silent'),
      knowledge: live,
      commands: COMMANDS,
      cooldownMs: 0,
      corpusEditing: { live, fetch: { allowLoopback: true } },
    });
    if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
  });

  afterAll(async () => {
    await bot.stop();
    await fake.stop();
    await new Promise((resolve) => web.close(resolve));
  });

  afterEach(() => {
    expect(fake.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
  });

  const callback = (r: RecordedRequest) => r.body as Callback;
  /** The deferred reply's edit for an interaction: what the moderator finally sees. */
  async function edited(interaction: Record<string, unknown>): Promise<Message> {
    const first = callback(await fake.interact(interaction));
    expect([5, 6]).toContain(first.type); // deferred: fetching and reloading may take a moment
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path.includes(`/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original`),
    );
    return edit.body as Message;
  }
  const add = (options: Record<string, string>, who: { userId: string; permissions: string } = MOD, extra: Record<string, unknown> = {}) =>
    faqCommand('source-admin', 'add', options, { ...who, ...extra });
  const buttons = (m: Message) => m.components?.flatMap((row) => row.components) ?? [];
  const field = (m: Message, name: string) => m.embeds?.[0]?.fields?.find((f) => f.name === name)?.value ?? '';
  /** A click on the preview by a moderator (a button carries the clicker's permissions, as on Discord). */
  const click = (customId: string, m: Message, who = MOD) => {
    const i = buttonClick(customId, asMessage(m), who.userId);
    (i.member as Record<string, unknown>).permissions = who.permissions;
    return i;
  };
  const asMessage = (m: Message) =>
    fakeMessage({
      author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
      embeds: m.embeds ?? [],
      components: m.components ?? [],
      flags: 64,
    });

  let preview: Message = {};

  it('an attached HTML page gives a private preview of what was read, kept and dropped', async () => {
    const file = fake.upload('lighthouse.html', PAGE_HTML, 'text/html');
    const attachment = String(file.id);
    preview = await edited(add({ file: attachment }, MOD, { types: { file: 11 }, resolved: { attachments: { [attachment]: file } } }));
    expect(preview.embeds?.[0]?.title).toBe('Preview: Mediators secure a lighthouse truce in Zanzibar talks');
    expect(field(preview, 'Outlet')).toBe('The Harbor Ledger');
    expect(field(preview, 'Authors')).toBe('Marta Olsen');
    expect(field(preview, 'Published')).toMatch(/^2025-01-16 \(stated\) — /);
    expect(field(preview, 'Source id')).toBe('`2025-01-16-mediators-secure-a-lighthouse-truce-in-zanzibar`');
    expect(field(preview, 'Kept and dropped')).toMatch(/^kept 3 paragraphs, dropped \d+ line/);
    expect(preview.embeds?.[0]?.description).toMatch(/^> The lighthouse keepers of Zanzibar accepted/);
    expect(buttons(preview).map((b) => b.label)).toEqual(['Add', 'Edit details', 'Cancel']);
    expect(existsSync(join(dir, 'sources', '2025-01-16-mediators-secure-a-lighthouse-truce-in-zanzibar.md'))).toBe(false);
  });

  it('Edit details opens a form filled with what was read; the corrected preview replaces the old one', async () => {
    const edit = buttons(preview).find((b) => b.label === 'Edit details')?.custom_id ?? '';
    const form = callback(await fake.interact(click(edit, preview)));
    expect(form.type).toBe(9);
    const values: Record<string, string> = Object.fromEntries(
      form.data?.components?.map((row) => [row.components[0]?.custom_id ?? '', row.components[0]?.value ?? '']) ?? [],
    );
    expect(values).toMatchObject({
      title: 'Mediators secure a lighthouse truce in Zanzibar talks',
      outlet: 'The Harbor Ledger',
      authors: 'Marta Olsen',
      published: '2025-01-16',
    });
    const submit = modalSubmit(form.data?.custom_id ?? '', { ...values, outlet: 'The Harbor Ledger (weekend edition)' }, MOD);
    submit.message = asMessage(preview);
    const updated = callback(await fake.interact(submit));
    expect(updated.type).toBe(7);
    preview = updated.data ?? {};
    expect(field(preview, 'Outlet')).toBe('The Harbor Ledger (weekend edition)');
  });

  it('Add writes the source, records who added it, and the bot answers from it at once', async () => {
    const addButton = buttons(preview).find((b) => b.label === 'Add')?.custom_id ?? '';
    const done = await edited(click(addButton, preview));
    expect(done.content).toMatch(
      /^Added `2025-01-16-mediators-secure-a-lighthouse-truce-in-zanzibar` to the corpus\. The corpus now has 6 sources/,
    );
    expect(done.components).toEqual([]);
    const answer = callback(await fake.interact(slashCommand('search', { text: 'lighthouse keepers three-stage truce' }, MEMBER.userId)));
    expect(answer.data?.embeds?.[0]?.fields?.[0]?.value).toMatch(/lighthouse keepers of Zanzibar accepted a three-stage truce/);
    expect(answer.data?.embeds?.[0]?.fields?.[0]?.value).toMatch(/The Harbor Ledger \(weekend edition\) · Marta Olsen · 2025-01-16/);
    const changes = readChanges(dir);
    expect(changes.at(-1)).toMatchObject({
      action: 'add',
      id: '2025-01-16-mediators-secure-a-lighthouse-truce-in-zanzibar',
      author: { by: 'discord', user: MOD.userId, guild: GUILD_ID },
    });
    const again = callback(await fake.interact(click(addButton, preview)));
    expect(again.data?.content).toMatch(/^This preview has expired .* Nothing was added\.$/);
  });

  it('the same page again is refused, naming the source it repeats', async () => {
    const file = fake.upload('again.html', PAGE_HTML.replace('Advertisement', 'Story continues below'), 'text/html');
    const refused = await edited(
      add({ file: String(file.id) }, MOD, { types: { file: 11 }, resolved: { attachments: { [String(file.id)]: file } } }),
    );
    expect(refused.content).toMatch(
      /^Nothing was added: this article is already in the corpus as "2025-01-16-mediators-secure-a-lighthouse-truce-in-zanzibar"/,
    );
  });

  it('a link to a web page gives a preview; Cancel adds nothing', async () => {
    const shown = await edited(add({ link: `${webUrl}/ferry` }));
    expect(shown.embeds?.[0]?.title).toBe('Preview: Ferry crews agree on a night-time timetable');
    expect(field(shown, 'Published')).toMatch(/^2024-07-31 \(stated\) — .*Published: Wed 31 Jul 2024/);
    const cancel = buttons(shown).find((b) => b.label === 'Cancel')?.custom_id ?? '';
    const cancelled = callback(await fake.interact(click(cancel, shown)));
    expect(cancelled.data?.content).toBe('Cancelled: nothing was added.');
    expect(readdirSync(join(dir, 'sources')).some((f) => f.includes('ferry'))).toBe(false);
  });

  it('refuses links it must not fetch, saying why', async () => {
    expect((await edited(add({ link: 'http://10.20.30.40/article' }))).content).toMatch(/^Nothing was added: .*private/i);
    expect((await edited(add({ link: 'file:///etc/passwd' }))).content).toMatch(/^Nothing was added: .*http/i);
    expect((await edited(add({ link: `${webUrl}/missing` }))).content).toMatch(/^Nothing was added: .*404/);
  });

  it('members, and moderators of servers not named in CORPUS_EDITOR_GUILDS, are refused politely', async () => {
    const member = callback(await fake.interact(add({ link: `${webUrl}/ferry` }, MEMBER)));
    expect(member.data?.content).toMatch(/only moderators/);
    expect(member.data?.flags).toBe(64);
    const elsewhere = callback(await fake.interact(add({ link: `${webUrl}/ferry` }, MOD, { guildId: OTHER_GUILD })));
    expect(elsewhere.data?.content).toMatch(/shared by every server .* this server is not one of them/);
    const removal = callback(await fake.interact(faqCommand('source-admin', 'remove', { id: 'raanans-freed-2023-10-20' }, MEMBER)));
    expect(removal.data?.content).toMatch(/only moderators/);
    expect(live.current().sourceById.has('raanans-freed-2023-10-20')).toBe(true);
  });

  it('remove takes a source out (its file kept in removed/) and the bot stops quoting it', async () => {
    const id = '2025-01-16-mediators-secure-a-lighthouse-truce-in-zanzibar';
    const done = await edited(faqCommand('source-admin', 'remove', { id }, MOD));
    expect(done.content).toMatch(new RegExp(`^Removed \`${id}\` from the corpus \\(its file is kept as \`removed/${id}\\.`));
    const answer = callback(await fake.interact(slashCommand('search', { text: 'lighthouse keepers three-stage truce' }, MEMBER.userId)));
    expect(JSON.stringify(answer.data)).not.toContain('Zanzibar accepted');
    expect(readChanges(dir).at(-1)).toMatchObject({ action: 'remove', id, author: { user: MOD.userId } });
    const unknown = await edited(faqCommand('source-admin', 'remove', { id: 'no-such-source' }, MOD));
    expect(unknown.content).toBe('Nothing was removed: There is no source "no-such-source" in the corpus.');
  });

  it('a broken file dropped into the corpus leaves the bot answering from the previous corpus', async () => {
    writeFileSync(
      join(dir, 'sources', 'broken.md'),
      readFileSync(join(dir, 'sources', 'raanans-freed-2023-10-20.md'), 'utf8')
        .replace('id: raanans-freed-2023-10-20', 'id: broken')
        .replace(/published: .*/, 'published: 2023-02-30'),
    );
    const reload = await live.reload();
    expect(reload.ok).toBe(false);
    const answer = callback(await fake.interact(slashCommand('who', { name: 'Barnea' }, MEMBER.userId)));
    expect(answer.data?.embeds?.[0]?.title).toMatch(/Barnea/);
  });
});

describe('/source-admin when no server may edit the corpus', () => {
  const fake = new FakeDiscord();
  let bot: RunningBot;
  beforeAll(async () => {
    await fake.start();
    const live = LiveKnowledge.open(scratchCorpus());
    const env = DiscordEnvSchema.parse({
      DISCORD_TOKEN: `fake.${'x'.repeat(64)}`,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    bot = await startBot({
      env,
      logger: createLogger('silent'),
      knowledge: live,
      commands: COMMANDS,
      cooldownMs: 0,
      corpusEditing: { live },
    });
    if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
  });
  afterAll(async () => {
    await bot.stop();
    await fake.stop();
  });

  it('says adding from Discord is off and how to turn it on', async () => {
    const r = (await fake.interact(faqCommand('source-admin', 'add', { link: 'https://example.org/a' }, MOD))).body as Callback;
    expect(r.data?.content).toMatch(/turned off on this bot.*CORPUS_EDITOR_GUILDS/);
  });
});
