/**
 * Issue "Hardening II", item 15, through the loopback fake with the real discord.js client: with PUBLIC_URL set,
 * `/timeline` and `/when Raanan release` answer with their quotes and then edit the reply to attach the timeline
 * picture. The member must keep seeing every "Quote N in context" button and the title's link after that edit (it
 * used to drop them) and after a page button pressed on the pictured message. Each check is on the message as the
 * member sees it after every request the bot made for the interaction — the reply and every edit folded in order,
 * as Discord applies them — not only on the first reply.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema } from '../../../src/config/env.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { contextUrl, siteBase, TIMELINE_PATH } from '../../../src/render/html/page-links.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { quotedPassageIds } from '../../helpers/quoted-passages.ts';
import { APP_ID, buttonClick, FakeDiscord, fakeMessage, type RecordedRequest, slashCommand } from './fake-discord.ts';

const PUBLIC_URL = 'https://talks.example.org';
/** The id Discord gives the uploaded picture, as a page button's click carries the message back. */
const PICTURE_ID = '1200000000000000001';

type Button = { type: number; style: number; label?: string; custom_id?: string; url?: string; disabled?: boolean };
interface Shown {
  flags?: number;
  embeds?: Array<{
    title?: string;
    url?: string;
    image?: { url: string };
    fields?: Array<{ name: string; value?: string }>;
    footer?: { text: string };
  }>;
  components?: Array<{ components: Button[] }>;
  attachments?: Array<{ id: string; filename?: string }>;
}

/** Every request the bot made for one interaction (its callback, then edits of the original), in order. */
const requestsFor = (fake: FakeDiscord, interaction: Record<string, unknown>) =>
  fake.requests.filter(
    (r) =>
      r.path.startsWith(`/interactions/${String(interaction.id)}/`) ||
      r.path.startsWith(`/webhooks/${APP_ID}/${String(interaction.token)}/`),
  );

/** The message the member sees after each of those requests: a reply or update sets it, an edit replaces the fields it carries. */
function shownAfterEach(requests: readonly RecordedRequest[], clicked: Shown = {}): Shown[] {
  let shown: Shown = {};
  const seen: Shown[] = [];
  for (const r of requests) {
    const body = (r.body ?? {}) as { type?: number; data?: Shown } & Shown;
    if (r.method === 'POST' && r.path.endsWith('/callback') && body.type === 4) shown = { ...body.data };
    else if (r.method === 'POST' && r.path.endsWith('/callback') && body.type === 7) shown = { ...clicked, ...body.data };
    else if (r.method === 'PATCH' && r.path.endsWith('/messages/@original')) shown = { ...shown, ...body };
    else continue;
    seen.push(shown);
  }
  return seen;
}

const buttonsOf = (m: Shown) => (m.components ?? []).flatMap((row) => row.components);
/** The passage ids an answer quotes, in field order, found by the words each field quotes. */
const quotedIds = (m: Shown) => quotedPassageIds(bundledKnowledge(), m.embeds?.[0]?.fields ?? []);

/** One link button per quote field shown, numbered as the fields are, each to that quote's passage. */
function expectContextLinks(m: Shown, first: number): void {
  const fields = m.embeds?.[0]?.fields ?? [];
  expect(fields.length).toBeGreaterThan(0);
  const ids = quotedIds(m);
  expect(buttonsOf(m).filter((b) => b.style === 5)).toEqual(
    fields.map((_, i) => ({ type: 2, style: 5, label: `Quote ${first + i} in context`, url: contextUrl(PUBLIC_URL, ids[i]!) })),
  );
}

/** The pictured message as Discord hands it back on a click, the picture stored under its own id. */
const asClicked = (m: Shown) =>
  fakeMessage({
    author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
    embeds: m.embeds ?? [],
    components: m.components ?? [],
    flags: 64,
    attachments: [
      {
        id: PICTURE_ID,
        filename: 'timeline.png',
        size: 1,
        url: 'https://cdn.example/timeline.png',
        proxy_url: 'https://cdn.example/timeline.png',
      },
    ],
  });

const PICTURED: Array<[string, Record<string, string>, string | undefined]> = [
  ['timeline', {}, `${siteBase(PUBLIC_URL)}${TIMELINE_PATH}`],
  ['when', { event: 'Raanan release' }, undefined],
];

describe('the timeline picture keeps the context links (loopback Discord, PUBLIC_URL set)', () => {
  const fake = new FakeDiscord();
  let bot: RunningBot;
  const dataDir = mkdtempSync(join(tmpdir(), 'talks-timeline-links-e2e-'));

  beforeAll(async () => {
    await fake.start();
    const env = DiscordEnvSchema.parse({
      DISCORD_TOKEN: `fake.${'x'.repeat(64)}`,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      PUBLIC_URL,
      WEB_PORT: '8081',
    });
    bot = await startBot({
      env,
      logger: createLogger('silent'),
      knowledge: fixedKnowledge(bundledKnowledge()),
      commands: COMMANDS,
      cooldownMs: 0,
    });
    if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
  });

  afterAll(async () => {
    await bot.stop();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    // whatever the bot sent had to be valid for Discord
    expect(fake.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
  });

  it.each(PICTURED)(
    '/%s: the reply, the picture edit and a page button press each show every link and the picture once attached',
    async (name, options, titleUrl) => {
      const interaction = slashCommand(name, options);
      await fake.interact(interaction);
      const pictureEdit = await fake.waitFor(
        (r) =>
          r.method === 'PATCH' &&
          r.path === `/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original` &&
          (r.uploads?.length ?? 0) > 0,
      );
      expect(pictureEdit.uploads?.map((u) => u.name)).toEqual(['timeline.png']);

      const steps = shownAfterEach(requestsFor(fake, interaction));
      expect(steps).toHaveLength(2); // the quotes, then the picture
      for (const shown of steps) {
        expectContextLinks(shown, 1);
        expect(shown.embeds?.[0]?.url).toBe(titleUrl);
      }
      const [reply, pictured] = steps as [Shown, Shown];
      // the edit is exactly what the member saw, plus the picture
      expect(pictured.embeds).toEqual([{ ...reply.embeds?.[0], image: { url: 'attachment://timeline.png' } }]);
      expect(pictured.components).toEqual(reply.components);
      expect(pictured.attachments).toEqual([{ id: '0', filename: 'timeline.png' }]);

      const next = buttonsOf(pictured).find((b) => b.label === 'Next ▶');
      expect(next?.disabled).toBe(false);
      const click = buttonClick(next?.custom_id ?? '', asClicked(pictured));
      const update = await fake.interact(click);
      expect(update.uploads ?? []).toEqual([]);
      const [page2] = shownAfterEach(requestsFor(fake, click), pictured) as [Shown];
      expect(page2.embeds?.[0]?.fields?.[0]?.name).toMatch(/^6\. /);
      expectContextLinks(page2, 6);
      expect(page2.embeds?.[0]?.url).toBe(titleUrl);
      expect(page2.embeds?.[0]?.image?.url).toBe('attachment://timeline.png');
      expect(page2.attachments).toEqual([{ id: PICTURE_ID }]);
    },
  );
});
