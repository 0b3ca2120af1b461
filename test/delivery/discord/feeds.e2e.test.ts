/**
 * Followed feeds on Discord, through the real discord.js client and the loopback fake Discord, with a loopback feed
 * server (the tests' loopback allowance): a moderator chooses the review channel and follows a site's page; a poll
 * posts one review message for the relevant item and none for the irrelevant one; Edit details, Add and Reject act on
 * the item, each once; the feeds and the queue are listed; members are refused. Every payload is checked against
 * Discord's spec. The pages are written for these tests.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema } from '../../../src/config/env.ts';
import { readChanges } from '../../../src/corpus/corpus-changes.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import { SqliteFaqStore } from '../../../src/faq/sqlite-faq-store.ts';
import { FeedStore } from '../../../src/feeds/feed-store.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { LiveKnowledge } from '../../../src/serving/live-knowledge.ts';
import { scratchCorpus } from '../../helpers/corpus.ts';
import {
  APP_ID,
  buttonClick,
  FakeDiscord,
  fakeMessage,
  faqAutocomplete,
  faqCommand,
  GUILD_ID,
  modalSubmit,
  type RecordedRequest,
} from './fake-discord.ts';

const MOD = { userId: '600000000000000006', permissions: '8192' }; // Manage Messages
const MEMBER = { userId: '700000000000000007', permissions: '0' };
const REVIEW_CHANNEL = '880000000000000008';

type Message = {
  content?: string;
  embeds?: Array<{ title?: string; fields?: Array<{ name: string; value: string }> }>;
  components?: Array<{ components: Array<{ label?: string; custom_id?: string; url?: string }> }>;
};
type Callback = { type: number; data?: Message & { custom_id?: string; choices?: Array<{ name: string; value: string }> } };

const article = (headline: string, lead: string) => `<!doctype html><html><head><title>${headline}</title>
<meta property="og:site_name" content="The Loopback Courier">
<meta property="article:published_time" content="2025-03-02T09:00:00+00:00">
</head><body><article><h1>${headline}</h1>
<p>${lead}</p>
<p>Qatari and Egyptian mediators met negotiators from both sides in Doha, officials said, as families of the hostages held in Gaza urged a quick deal.</p>
<p>Under the proposal the truce would be extended while more captives are released in exchange for prisoners, according to a diplomat briefed on the talks.</p>
</article></body></html>`;

const PAGES: Record<string, string> = {
  '/site': '<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Home</body></html>',
  '/lanterns': article(
    'Mediators near deal on lantern truce',
    'Hamas and Israel were close to extending the ceasefire by two days, mediators said on Sunday.',
  ),
  '/ferries': article(
    'Ferry crews join captive exchange talks',
    'Negotiators said on Sunday that ferry crews would carry released hostages out of Gaza if Hamas agrees.',
  ),
  '/orchards': article(
    'Orchard crews join hostage release talks',
    'Negotiators said on Sunday that orchard crews would help carry aid into Gaza once Hamas frees more hostages.',
  ),
  '/regatta': `<html><head><title>Harbour club wins regatta</title></head><body><article><h1>Harbour club wins regatta</h1>
<p>The harbour rowing club won the autumn regatta on Saturday by half a length, its third title in four years.</p>
<p>The crew trained through the winter, their coach said.</p></article></body></html>`,
};

const atom = (base: string, paths: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Courier</title><id>urn:courier</id><updated>2025-03-02T09:00:00Z</updated>
${paths.map((p) => `<entry><title>${p.slice(1)}</title><id>urn:courier${p}</id><link rel="alternate" href="${base}${p}"/><updated>2025-03-02T09:00:00Z</updated></entry>`).join('\n')}
</feed>`;

describe('followed feeds on Discord', () => {
  const fake = new FakeDiscord();
  let web: Server;
  let base = '';
  let listed = ['/regatta', '/lanterns'];
  let dir = '';
  let live: LiveKnowledge;
  let faq: SqliteFaqStore;
  let bot: RunningBot;

  beforeAll(async () => {
    await fake.start();
    web = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/atom.xml') {
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        res.end(atom(base, listed));
      } else if (PAGES[path]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGES[path]);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    dir = scratchCorpus();
    live = LiveKnowledge.open(dir);
    faq = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-feeds-e2e-')));
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
      faq,
      corpusEditing: { live, fetch: { allowLoopback: true }, feeds: new FeedStore(faq.database) },
    });
    if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
  });

  afterAll(async () => {
    await bot.stop();
    await faq.close();
    await fake.stop();
    await new Promise((resolve) => web.close(resolve));
  });

  afterEach(() => {
    expect(fake.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
  });

  const callback = (r: RecordedRequest) => r.body as Callback;
  const command = (
    sub: string,
    options: Record<string, string | number | boolean>,
    who = MOD,
    extra: Parameters<typeof faqCommand>[3] = {},
  ) => faqCommand('source-admin', sub, options, { ...who, ...extra });
  /** The deferred reply's (or deferred update's) edit for an interaction. */
  async function edited(interaction: Record<string, unknown>): Promise<Message> {
    const first = callback(await fake.interact(interaction));
    expect([5, 6]).toContain(first.type);
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && r.path.includes(`/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original`),
    );
    return edit.body as Message;
  }
  const posted = () =>
    fake.requests
      .filter((r) => r.method === 'POST' && r.path === `/channels/${REVIEW_CHANNEL}/messages` && r.status === 200)
      .map((r) => r.body as Message);
  const buttons = (m: Message) => m.components?.flatMap((row) => row.components) ?? [];
  const click = (customId: string, m: Message, who = MOD) => {
    const i = buttonClick(
      customId,
      fakeMessage({
        author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
        channel_id: REVIEW_CHANNEL,
        embeds: m.embeds ?? [],
        components: m.components ?? [],
      }),
      who.userId,
    );
    (i.member as Record<string, unknown>).permissions = who.permissions;
    return i;
  };
  const idOf = (m: Message, label: string) => buttons(m).find((b) => b.label === label)?.custom_id ?? '';

  it('refuses members, then lets a moderator choose the review channel and follow a site’s feed', async () => {
    const refused = callback(await fake.interact(command('feeds', {}, MEMBER)));
    expect(refused.data?.content).toMatch(/only moderators/);

    const settings = callback(
      await fake.interact(
        command('feed-settings', { review_channel: REVIEW_CHANNEL }, MOD, {
          types: { review_channel: 7 },
          resolved: { channels: { [REVIEW_CHANNEL]: { id: REVIEW_CHANNEL, name: 'review', type: 0, permissions: '0' } } },
        }),
      ),
    );
    expect(settings.data?.content).toContain(`Review channel: <#${REVIEW_CHANNEL}>`);
    expect(settings.data?.content).toContain('Relevance needed: 6 (the default)');

    const followed = await edited(command('follow', { url: `${base}/site` }));
    expect(followed.content).toBe(
      `Following **Loopback Courier** <${base}/atom.xml>: it lists 2 items now, checked first within a minute, then every 15 minutes. Relevant items go to <#${REVIEW_CHANNEL}> for review.`,
    );
    const again = await edited(command('follow', { url: `${base}/atom.xml` }));
    expect(again.content).toBe(`This server already follows ${base}/atom.xml.`);
    const bad = await edited(command('follow', { url: `${base}/nowhere` }));
    expect(bad.content).toBe('Not followed: The site answered 404 Not Found.');
  });

  it('posts one review message for the relevant item and none for the irrelevant one', async () => {
    const reports = await bot.feeds?.poller.pollDue();
    expect(reports?.map((r) => r.items)).toEqual([{ irrelevant: 1, queued: 1 }]);
    const [message] = posted();
    expect(posted()).toHaveLength(1);
    expect(message?.embeds?.[0]?.title).toBe('For review: Mediators near deal on lantern truce');
    const fields = Object.fromEntries((message?.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['Article']).toBe(`<${base}/lanterns>`);
    expect(fields['Why it was queued']).toMatch(/^relevance \d+ \(needs 6\): topic words .*; names .*Hamas/);
    expect(buttons(message ?? {}).map((b) => b.label)).toEqual(['Add', 'Edit details', 'Reject', 'Open the article']);
    const queue = callback(await fake.interact(command('queue', {})));
    expect(queue.data?.content).toMatch(
      new RegExp(`^1 item waits for review in <#${REVIEW_CHANNEL}>:\\n• \\d+\\. lanterns \\(seen <t:\\d+:R>\\) — \\[review message\\]`),
    );
  });

  it('edits, adds once, and tells a second click who added it', async () => {
    const [message = {}] = posted();
    const form = callback(await fake.interact(click(idOf(message, 'Edit details'), message)));
    expect(form.type).toBe(9);
    const updated = callback(
      await fake.interact(
        (() => {
          const i = modalSubmit(
            form.data?.custom_id ?? '',
            {
              title: 'Mediators near a deal on the lantern truce',
              outlet: 'The Loopback Courier',
              authors: '',
              published: '',
              evidence: '',
            },
            MOD,
          );
          i.message = fakeMessage({ channel_id: REVIEW_CHANNEL, embeds: message.embeds ?? [], components: message.components ?? [] });
          return i;
        })(),
      ),
    );
    expect(updated.type).toBe(7);
    expect(updated.data?.embeds?.[0]?.title).toBe('For review: Mediators near a deal on the lantern truce');

    const memberTry = callback(await fake.interact(click(idOf(message, 'Add'), message, MEMBER)));
    expect(memberTry.data?.content).toMatch(/only moderators/);

    const added = await edited(click(idOf(message, 'Add'), message));
    expect(added.content).toMatch(new RegExp(`^Added as \`([a-z0-9-]+)\` by <@${MOD.userId}>\\. The corpus now has`));
    expect(buttons(added)).toEqual([]);
    const id = /`([a-z0-9-]+)`/.exec(added.content ?? '')?.[1] ?? '';
    expect(live.current().sourceById.get(id)?.title).toBe('Mediators near a deal on the lantern truce');
    const record = readChanges(dir).find((c) => c.action === 'add' && c.id === id);
    expect(record).toMatchObject({
      author: { by: 'discord', user: MOD.userId, guild: GUILD_ID },
      feedItem: { feed: `${base}/atom.xml`, link: `${base}/lanterns` },
    });

    const second = await edited(click(idOf(message, 'Add'), message));
    expect(second.content).toBe(`This item was already added as \`${id}\` by <@${MOD.userId}>.`);
    expect(callback(await fake.interact(command('queue', {}))).data?.content).toBe('Nothing waits for review.');
  });

  it('rejects a new item, logs it, and lists the feed with what it took', async () => {
    listed = ['/regatta', '/lanterns', '/ferries'];
    const feeds = new FeedStore(faq.database);
    const [feed] = await feeds.feeds(GUILD_ID);
    // due now: the next poll is not waited for
    await bot.feeds?.poller.poll({ ...(feed as NonNullable<typeof feed>) });
    const message = posted()[1] ?? {};
    expect(message.embeds?.[0]?.title).toBe('For review: Ferry crews join captive exchange talks');
    const rejected = await edited(click(idOf(message, 'Reject'), message));
    expect(rejected.content).toBe(`Rejected by <@${MOD.userId}>: not added to the corpus.`);
    expect(readChanges(dir).filter((c) => c.action === 'reject')).toEqual([
      expect.objectContaining({
        author: { by: 'discord', user: MOD.userId, guild: GUILD_ID },
        feedItem: { feed: `${base}/atom.xml`, link: `${base}/ferries` },
      }),
    ]);
    expect([...live.current().sourceById.values()].some((s) => s.title === 'Ferry crews join captive exchange talks')).toBe(false);

    const list = callback(await fake.interact(command('feeds', {})));
    expect(list.data?.content).toMatch(
      new RegExp(
        `^This server follows 1 feed:\\n• \\*\\*Loopback Courier\\*\\* — <${base.replace(/[.]/g, '\\.')}/atom\\.xml>\\n  every 15 min · last fetched <t:\\d+:R> · 2 items taken · next check <t:\\d+:R>$`,
      ),
    );
  });

  it('says so when the bot may not post in the review channel, and posts once it may', async () => {
    listed = ['/regatta', '/lanterns', '/ferries', '/orchards'];
    fake.injectFault({
      pattern: new RegExp(`^/channels/${REVIEW_CHANNEL}/messages$`),
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    const [feed] = await new FeedStore(faq.database).feeds(GUILD_ID);
    expect((await bot.feeds?.poller.poll({ ...(feed as NonNullable<typeof feed>) }))?.items).toEqual({ queued: 1 });
    expect(posted()).toHaveLength(2);
    const warned = callback(await fake.interact(command('feed-settings', {})));
    expect(warned.data?.content).toContain(
      `⚠️ The bot cannot post review messages in <#${REVIEW_CHANNEL}>: it has no access to that channel (Missing Access). Give it View Channel, Send Messages and Embed Links there`,
    );
    expect(callback(await fake.interact(command('queue', {}))).data?.content).toMatch(/^⚠️ The bot cannot post review messages/);
    await bot.feeds?.poller.pollDue(); // the next round posts what waits
    expect(posted().at(-1)?.embeds?.[0]?.title).toBe('For review: Orchard crews join hostage release talks');
    expect(callback(await fake.interact(command('feed-settings', {}))).data?.content).not.toContain('⚠️');
  });

  it('unfollows a feed picked from the list', async () => {
    const typed = callback(await fake.interact(faqAutocomplete('source-admin', 'unfollow', 'url', 'atom')));
    expect(typed.data?.choices?.map((c) => c.value)).toEqual([`${base}/atom.xml`]);
    const done = callback(await fake.interact(command('unfollow', { url: `${base}/atom.xml` })));
    expect(done.data?.content).toContain(`Unfollowed <${base}/atom.xml>`);
    expect(callback(await fake.interact(command('feeds', {}))).data?.content).toBe(
      'This server follows no feeds. Follow one with `/source-admin follow`.',
    );
  });
});
