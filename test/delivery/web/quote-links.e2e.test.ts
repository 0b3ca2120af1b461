/**
 * Through the loopback fake Discord, with the real discord.js client: with PUBLIC_URL set, every answer that shows
 * quotes carries a link to each quote's context — one link button per quote field, numbered as the fields are, on
 * every page, kept when the answer is shared — and the title of `/source <id>` and `/timeline` links to its page.
 * Without PUBLIC_URL, no answer has a link button. Every body is valid against Discord's OpenAPI spec.
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
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { contextUrl } from '../../../src/render/html/page-links.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { quotedPassageIds } from '../../helpers/quoted-passages.ts';
import {
  APP_ID,
  buttonClick,
  FakeDiscord,
  fakeMessage,
  faqCommand,
  GUILD_ID,
  messageMenu,
  type RecordedRequest,
  slashCommand,
} from '../discord/fake-discord.ts';

const PUBLIC_URL = 'https://talks.example.org';
type Button = { type: number; style: number; label?: string; custom_id?: string; url?: string };
type Reply = {
  type: number;
  data?: {
    embeds?: Array<{ url?: string; fields?: Array<{ name: string; value?: string }>; footer?: { text: string } }>;
    components?: Array<{ components: Button[] }>;
    flags?: number;
  };
};
const body = (r: RecordedRequest) => r.body as Reply;
const buttonsOf = (r: Reply) => r.data?.components?.flatMap((row) => row.components) ?? [];
const linksOf = (r: Reply) => buttonsOf(r).filter((b) => b.style === 5);
const asMessage = (r: Reply) =>
  fakeMessage({
    author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
    embeds: r.data?.embeds ?? [],
    components: r.data?.components ?? [],
    flags: r.data?.flags ?? 0,
  });
/** The passage ids an answer quotes, in field order, found by the words each field quotes. */
const quotedIds = (r: Reply) => quotedPassageIds(bundledKnowledge(), r.data?.embeds?.[0]?.fields ?? []);

async function launch(fake: FakeDiscord, faq: FaqStore, publicUrl?: string): Promise<RunningBot> {
  const env = DiscordEnvSchema.parse({
    DISCORD_TOKEN: `fake.${'x'.repeat(64)}`,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    ...(publicUrl ? { PUBLIC_URL: publicUrl, WEB_PORT: '8081' } : {}),
  });
  const bot = await startBot({
    env,
    logger: createLogger('silent'),
    knowledge: fixedKnowledge(bundledKnowledge()),
    commands: COMMANDS,
    cooldownMs: 0,
    faq,
  });
  if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
  return bot;
}

const QUOTE_COMMANDS: Array<[string, Record<string, string>]> = [
  ['who', { name: 'McGurk' }],
  ['when', { event: 'war cabinet approval' }],
  ['terms', {}],
  ['search', { text: 'communications cell' }],
  ['timeline', {}],
  ['source', { id: 'ap-how-the-hostage-deal-came-about' }],
];

describe('quote links to their context (loopback Discord)', () => {
  const fake = new FakeDiscord();
  let faq: FaqStore;
  let entryId = 0;
  let bot: RunningBot;

  beforeAll(async () => {
    await fake.start();
    faq = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-pages-faq-')));
    entryId = (
      await faq.add(
        GUILD_ID,
        { question: 'Who mediated?', answer: 'Qatar, with Egypt.', citations: ['ap-how-the-hostage-deal-came-about#5'] },
        '600000000000000006',
      )
    ).id;
    bot = await launch(fake, faq, PUBLIC_URL);
  });

  afterAll(async () => {
    await bot.stop();
    await faq.close();
    await fake.stop();
  });

  afterEach(() => {
    expect(fake.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
  });

  it.each(QUOTE_COMMANDS)('/%s links each quote shown to its passage on the pages', async (name, options) => {
    const reply = body(await fake.interact(slashCommand(name, options)));
    const fields = reply.data?.embeds?.[0]?.fields ?? [];
    expect(fields.length).toBeGreaterThan(0);
    const ids = quotedIds(reply);
    expect(linksOf(reply)).toEqual(
      fields.map((_, i) => ({ type: 2, style: 5, label: `Quote ${i + 1} in context`, url: contextUrl(PUBLIC_URL, ids[i]!) })),
    );
    // the answer's own buttons keep their row, the links have theirs
    expect(reply.data?.components?.at(-1)?.components.every((b) => b.style === 5)).toBe(true);
  });

  it('links the title of /source <id> to the article and of /timeline to the timeline page', async () => {
    expect(body(await fake.interact(slashCommand('source', { id: 'ap-how-the-hostage-deal-came-about' }))).data?.embeds?.[0]?.url).toBe(
      `${PUBLIC_URL}/sources/ap-how-the-hostage-deal-came-about`,
    );
    expect(body(await fake.interact(slashCommand('timeline', {}))).data?.embeds?.[0]?.url).toBe(`${PUBLIC_URL}/timeline`);
    expect(body(await fake.interact(slashCommand('who', { name: 'McGurk' }))).data?.embeds?.[0]?.url).toBeUndefined();
  });

  it('"Find sources" on a message links its quotes too', async () => {
    const reply = body(
      await fake.interact(messageMenu('Find sources', fakeMessage({ content: 'Qatar set up a communications cell with Hamas' }))),
    );
    expect(linksOf(reply).length).toBe(reply.data?.embeds?.[0]?.fields?.length);
    expect(linksOf(reply)[0]?.url).toBe(contextUrl(PUBLIC_URL, quotedIds(reply)[0]!));
  });

  it('/faq show links the quotes an entry cites', async () => {
    const reply = body(await fake.interact(faqCommand('faq', 'show', { question: String(entryId) }, { types: { question: 3 } })));
    expect(linksOf(reply)[0]?.url).toBe(contextUrl(PUBLIC_URL, 'ap-how-the-hostage-deal-came-about#5'));
  });

  it('the next page numbers its links as its fields (6, 7, …), and a shared answer keeps its links', async () => {
    const first = body(await fake.interact(slashCommand('timeline', {})));
    const next = body(
      await fake.interact(buttonClick(buttonsOf(first).find((b) => b.label === 'Next ▶')?.custom_id ?? '', asMessage(first))),
    );
    expect(linksOf(next)[0]).toMatchObject({ label: 'Quote 6 in context', url: contextUrl(PUBLIC_URL, quotedIds(next)[0]!) });
    const shared = body(await fake.interact(buttonClick('v1|share', asMessage(first))));
    expect(buttonsOf(shared).map((b) => b.label)).toEqual(['Delete', ...linksOf(first).map((b) => b.label)]);
    expect(linksOf(shared)).toEqual(linksOf(first));
  });
});

describe('without PUBLIC_URL', () => {
  const fake = new FakeDiscord();
  let faq: FaqStore;
  let bot: RunningBot;

  beforeAll(async () => {
    await fake.start();
    faq = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-pages-faq-')));
    bot = await launch(fake, faq);
  });

  afterAll(async () => {
    await bot.stop();
    await faq.close();
    await fake.stop();
  });

  it.each(QUOTE_COMMANDS)('/%s carries no link buttons and no title link', async (name, options) => {
    const reply = body(await fake.interact(slashCommand(name, options)));
    expect(reply.data?.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
    expect(linksOf(reply)).toEqual([]);
    expect(reply.data?.embeds?.[0]?.url).toBeUndefined();
    expect(fake.requests.flatMap((r) => r.problems)).toEqual([]);
  });
});
