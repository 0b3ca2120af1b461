/**
 * Issue "Hardening II", item 15: with PUBLIC_URL set, an answer with a timeline picture (`/timeline`, `/when` across
 * several dates) is first sent with its quotes, then edited to attach the picture — and that edit used to drop the
 * "Quote N in context" buttons and the embed's URL, because it was built apart from the first reply. These tests
 * replay what the bot sends on the interaction layer (first response, every edit, a page button's update) onto the
 * message a member sees, as Discord applies them, and check that message after EVERY step, not only the first reply.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { PageQueries } from '../../src/interactions/quote-replies/page-queries.ts';
import { botCatalog } from '../../src/interactions/catalog.ts';
import { Cooldowns } from '../../src/interactions/cooldowns.ts';
import { fixedKnowledge } from '../../src/serving/live-knowledge.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { siteBase, TIMELINE_PATH } from '../../src/render/html/page-links.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';
import { APP_ID, buttonClick, fakeMessage, slashCommand } from '../delivery/discord/fake-discord.ts';
import { ApiTransport, type Sent } from './api-transport.ts';

const PUBLIC_URL = 'https://talks.example.org';
const knowledge = bundledKnowledge();
/** The id Discord gives the uploaded picture, as a page button's click carries the message back. */
const PICTURE_ID = '1200000000000000001';

type Button = { type: number; style: number; label?: string; custom_id?: string; url?: string; disabled?: boolean };
interface Shown {
  flags?: number;
  embeds?: Array<{ title?: string; url?: string; image?: { url: string }; fields?: Array<{ name: string; value: string }> }>;
  components?: Array<{ components: Button[] }>;
  attachments?: Array<{ id: string; filename?: string }>;
}

/**
 * The message a member sees after each request the bot sent for one interaction, as Discord applies them: a
 * reply or an update sets the message (an update on top of the message clicked), an edit of the original replaces
 * only the fields it carries. A deferral shows no message yet and is left out.
 */
function shownAfterEach(sent: readonly Sent[], clicked: Shown = {}): Shown[] {
  let shown: Shown = {};
  const seen: Shown[] = [];
  for (const s of sent) {
    const body = (s.body ?? {}) as { type?: number; data?: Shown } & Shown;
    if (s.method === 'POST' && s.route.endsWith('/callback') && body.type === 4) shown = { ...body.data };
    else if (s.method === 'POST' && s.route.endsWith('/callback') && body.type === 7) shown = { ...clicked, ...body.data };
    else if (s.method === 'PATCH' && s.route.endsWith('/messages/@original')) shown = { ...shown, ...body };
    else continue;
    seen.push(shown);
  }
  return seen;
}

const linkButtons = (m: Shown) => (m.components ?? []).flatMap((row) => row.components).filter((b) => b.style === 5);
const buttonLabelled = (m: Shown, label: string) => (m.components ?? []).flatMap((row) => row.components).find((b) => b.label === label);

/** Every quote shown has its context link, numbered as its field is. */
function expectContextLinks(m: Shown): void {
  const fields = m.embeds?.[0]?.fields ?? [];
  expect(fields.length).toBeGreaterThan(0);
  const first = Number(/^(\d+)\. /.exec(fields[0]?.name ?? '')?.[1]);
  expect(linkButtons(m).map((b) => b.label)).toEqual(fields.map((_, i) => `Quote ${first + i} in context`));
  for (const b of linkButtons(m)) expect(b.url?.startsWith(`${siteBase(PUBLIC_URL)}/`)).toBe(true);
}

/** The message as Discord hands it back on a click: with the picture it stored, under its own id. */
const asClicked = (m: Shown) =>
  fakeMessage({
    author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
    embeds: m.embeds ?? [],
    components: m.components ?? [],
    flags: m.flags ?? 64,
    attachments: m.attachments
      ? [
          {
            id: PICTURE_ID,
            filename: 'timeline.png',
            size: 1,
            url: 'https://cdn.example/timeline.png',
            proxy_url: 'https://cdn.example/timeline.png',
          },
        ]
      : [],
  });

let used: ApiTransport[] = [];
function transport(options: { deferFromPassages?: number } = {}): ApiTransport {
  const catalog = botCatalog({
    knowledge: fixedKnowledge(knowledge),
    commands: COMMANDS,
    pageQueries: new PageQueries(),
    publicUrl: PUBLIC_URL,
    ...options,
  });
  const t = new ApiTransport({ catalog, cooldowns: new Cooldowns(0), logger: createLogger('silent') });
  used.push(t);
  return t;
}
afterEach(() => {
  // whatever a test made the bot send, it had to be valid for Discord
  expect(used.flatMap((t) => t.problems)).toEqual([]);
  used = [];
});

const PICTURED: Array<[string, Record<string, string>, string | undefined]> = [
  ['timeline', {}, `${siteBase(PUBLIC_URL)}${TIMELINE_PATH}`],
  ['when', { event: 'Raanan release' }, undefined],
];

describe('with PUBLIC_URL, the timeline picture keeps the context links (Hardening II, item 15)', () => {
  for (const [how, deferFromPassages] of [
    ['at once', undefined],
    ['deferred', 0],
  ] as const) {
    it.each(PICTURED)(
      `/%s (${how}): after every edit the member still sees each quote's link and the title's`,
      async (name, options, titleUrl) => {
        const t = transport(deferFromPassages === undefined ? {} : { deferFromPassages });
        const steps = shownAfterEach(await t.handle(slashCommand(name, options)));
        // the quotes, then the picture
        expect(steps.length).toBeGreaterThanOrEqual(2);
        const [before, last] = [steps.at(-2)!, steps.at(-1)!];
        for (const shown of steps) {
          expectContextLinks(shown);
          expect(shown.embeds?.[0]?.url).toBe(titleUrl);
        }
        // the picture edit is what the member saw before, plus the picture
        expect(last.attachments).toEqual([{ id: '0', filename: 'timeline.png' }]);
        expect(last.embeds).toEqual(before.embeds?.map((e, i) => (i === 0 ? { ...e, image: { url: 'attachment://timeline.png' } } : e)));
        expect(last.components).toEqual(before.components);
      },
    );
  }

  it.each(PICTURED)(
    '/%s: Next ▶ and ◀ Previous after the picture keep the links, the title link and the picture',
    async (name, options, titleUrl) => {
      const t = transport();
      const pictured = shownAfterEach(await t.handle(slashCommand(name, options))).at(-1)!;
      const next = buttonLabelled(pictured, 'Next ▶');
      expect(next?.disabled).toBe(false);
      const page2 = shownAfterEach(await t.handle(buttonClick(next?.custom_id ?? '', asClicked(pictured))), pictured);
      expect(page2).toHaveLength(1);
      const shown2 = page2[0]!;
      expect(shown2.embeds?.[0]?.fields?.[0]?.name).toMatch(/^6\. /);
      expectContextLinks(shown2);
      expect(linkButtons(shown2)[0]?.label).toBe('Quote 6 in context');
      expect(shown2.embeds?.[0]?.url).toBe(titleUrl);
      expect(shown2.embeds?.[0]?.image?.url).toBe('attachment://timeline.png');
      expect(shown2.attachments).toEqual([{ id: PICTURE_ID }]);

      const back = shownAfterEach(
        await t.handle(buttonClick(buttonLabelled(shown2, '◀ Previous')?.custom_id ?? '', asClicked(shown2))),
        shown2,
      )[0]!;
      expect(back.embeds).toEqual(pictured.embeds);
      expect(back.components).toEqual(pictured.components);
      expect(back.attachments).toEqual([{ id: PICTURE_ID }]);
    },
  );
});
