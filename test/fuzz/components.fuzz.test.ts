/**
 * Hostile clicks and forms through the real interaction layer: every button and form the bot puts under its
 * messages, with custom_ids as the bot wrote them and forged, truncated, stale or from another version, on the
 * messages the bot sent and on altered copies of them; forms submitted with hostile text, fields missing, fields
 * the form never had. For each input: nothing escapes, every response is valid for Discord and cannot ping, the
 * member reads the bot's own words, and a second copy of the bot answers the same.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BOT_USER, fakeMessage } from '../delivery/discord/fake-discord.ts';
import type { Sent } from '../interactions/api-transport.ts';
import { forgedCustomId, hostileText, wrongValue } from './arbitraries.ts';
import { FuzzBot } from './fuzz-bot.ts';
import { fuzz } from './fuzz-report.ts';
import { type Asker, askers, EDITOR_GUILD, envelope } from './interactions.ts';
import { catchUnhandledRejections } from './unhandled.ts';

/** Inputs per test, FUZZ_SCALE times (0.1 for a quick look). */
const RUNS = Math.max(1, Math.round(2500 * Number(process.env.FUZZ_SCALE ?? 1)));
const TIMEOUT = 120_000;
/** The moderator who opened the source preview: only they may use its buttons and form. */
const OWNER = '610000000000000061';
/** Stands for the draft key in a generated custom_id: each input gets a new draft, in both copies of the bot. */
const KEY = 'KEYKEYKE';

let bot: FuzzBot;
/** Messages the bot sent, as Discord gives them back with a click. */
const messages: Array<Record<string, unknown>> = [];
const validIds = new Set<string>([
  'v1|share',
  'v1|faqlist|0',
  'v1|faqlist|10',
  'v1|faqadd',
  'v1|faqedit|1|1',
  'v1|faqedit|2|1',
  'v1|faqedit|1|9',
  `v1|src|add|${KEY}`,
  `v1|src|edit|${KEY}`,
  `v1|src|cancel|${KEY}`,
  `v1|srcform|${KEY}`,
]);

const member: Asker = { guildId: EDITOR_GUILD, permissions: '0', roles: [] };
const slash = (name: string, options: Record<string, unknown>) =>
  envelope(
    2,
    {
      id: '100000000000000001',
      name,
      type: 1,
      options: Object.entries(options).map(([n, value]) => ({ name: n, type: typeof value === 'boolean' ? 5 : 3, value })),
    },
    member,
  );

/** The message a member sees for a response, as a click carries it back. */
function asMessage(sent: Sent[]): Record<string, unknown> | null {
  const body = sent[sent.length - 1]?.body as { data?: Record<string, unknown> } & Record<string, unknown>;
  const data = body?.data ?? body;
  if (!data || !('embeds' in data || 'content' in data)) return null;
  return fakeMessage({
    id: '450000000000000045',
    author: { ...BOT_USER },
    content: data.content ?? '',
    timestamp: '2026-11-24T00:00:00.000Z',
    embeds: data.embeds ?? [],
    type: 20,
    flags: data.flags ?? 0,
    components: data.components ?? [],
  });
}

beforeAll(async () => {
  bot = await FuzzBot.start();
  const asked = [
    slash('search', { text: 'hostages '.repeat(34).trim() }),
    slash('search', { text: 'hostages' }),
    slash('who', { name: 'McGurk' }),
    slash('who', { name: 'Barnea', public: true }),
    slash('timeline', {}),
  ];
  for (const interaction of asked) {
    const sent = await bot.check(interaction);
    const message = asMessage(sent);
    if (message) messages.push(message);
    for (const row of (message?.components ?? []) as Array<{ components: Array<{ custom_id?: string }> }>)
      for (const c of row.components) if (c.custom_id) validIds.add(c.custom_id);
  }
});
afterAll(() => bot.close('components'));
catchUnhandledRejections();

/** A message the button could be on: one the bot sent, or a copy altered as a forger or an edit would. */
const clickedMessage = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }).map((i) => messages[i % messages.length] ?? {}) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 4 }), hostileText, hostileText, fc.constantFrom(0, 64))
      .map(([i, footer, description, flags]) => {
        const original = messages[i % messages.length] ?? {};
        const embeds = (original.embeds as Array<Record<string, unknown>> | undefined) ?? [];
        return {
          ...original,
          flags,
          embeds: embeds.map((e) => ({
            ...e,
            footer: { text: `${footer.slice(0, 900)}\nAsked: ${footer.slice(0, 200)}` },
            description: description.slice(0, 1000),
          })),
        };
      }),
  },
  { weight: 1, arbitrary: fc.constant(null).map(() => ({ ...(messages[0] ?? {}), embeds: [], components: [] })) },
);

/** Who clicks: anyone, or the moderator who owns the preview (with or without the rights). */
const clicker = fc.oneof(
  { weight: 1, arbitrary: askers },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Asker>(
      { guildId: EDITOR_GUILD, permissions: '8192', roles: [], userId: OWNER },
      { guildId: EDITOR_GUILD, permissions: '0', roles: [], userId: OWNER },
    ),
  },
);
const FORM = /faqadd|faqedit|srcform/;

/** Sends an interaction whose custom_id may name the draft: a new draft is made for it in both copies first. */
async function withDraft(interaction: Record<string, unknown>): Promise<void> {
  const data = interaction.data as { custom_id: string };
  if (data.custom_id.includes(KEY)) data.custom_id = data.custom_id.replaceAll(KEY, await bot.draft(OWNER));
  await bot.check(interaction);
}

describe('buttons', () => {
  it(
    "any custom_id on any of the bot's messages: the button works, or the member is told to run the command again",
    { timeout: TIMEOUT },
    async () => {
      const click = fc
        .tuple(forgedCustomId([...validIds].filter((id) => !FORM.test(id))), clickedMessage, clicker, fc.constantFrom(2, 2, 2, 2, 2, 3))
        .map(([customId, message, asker, componentType]) =>
          envelope(3, { custom_id: customId, component_type: componentType }, asker, { message }),
        );
      await fuzz('buttons', click, RUNS * 2, withDraft);
    },
  );
});

describe('forms', () => {
  const fieldIds = fc.constantFrom(
    'question',
    'answer',
    'review_by',
    'title',
    'outlet',
    'authors',
    'published',
    'evidence',
    '__proto__',
    'constructor',
    'nosuch',
  );
  const fields = fc.array(
    fc.tuple(
      fc.oneof({ weight: 5, arbitrary: fieldIds }, { weight: 1, arbitrary: hostileText }),
      fc.oneof({ weight: 8, arbitrary: hostileText }, { weight: 1, arbitrary: wrongValue }),
    ),
    { maxLength: 6 },
  );
  const submit = fc
    .tuple(forgedCustomId([...validIds].filter((id) => FORM.test(id))), fields, clicker, fc.boolean(), fc.boolean())
    .map(([customId, typed, asker, labelled, onMessage]) =>
      envelope(
        5,
        {
          custom_id: customId,
          // the rows of a form as Discord sent them for years, or the newer labels around each input
          components: typed.map(([id, value]) =>
            labelled
              ? { type: 18, id: 1, component: { type: 4, id: 2, custom_id: id, value } }
              : { type: 1, components: [{ type: 4, custom_id: id, value }] },
          ),
        },
        asker,
        onMessage ? { message: messages[0] ?? {} } : {},
      ),
    );
  it(
    "any text in the FAQ and source forms, any custom_id: saved, refused in the bot's words, or told to start again",
    { timeout: TIMEOUT },
    async () => {
      await fuzz('forms', submit, RUNS * 2, withDraft);
    },
  );
});
