/**
 * The interaction layer on Discord's own JSON, with no discord.js: what a member sees for each kind of
 * interaction, every response checked against Discord's OpenAPI spec.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { stringOption } from '../../src/commands/options.ts';
import { PageQueries } from '../../src/interactions/quote-replies/page-queries.ts';
import { botCatalog, registrationCatalog } from '../../src/interactions/catalog.ts';
import { payloadsOf } from '../../src/interactions/command-payloads.ts';
import { Cooldowns } from '../../src/interactions/cooldowns.ts';
import { leaf } from '../../src/commands/declare.ts';
import type { Catalog } from '../../src/interactions/components.ts';
import { permissionGate } from '../../src/interactions/gates.ts';
import { privately } from '../../src/interactions/messages/private-reply.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { fixedKnowledge } from '../../src/serving/live-knowledge.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';
import {
  APP_ID,
  autocomplete,
  buttonClick,
  fakeMessage,
  messageMenu,
  modalSubmit,
  slashCommand,
} from '../delivery/discord/fake-discord.ts';
import { ApiTransport, type Response } from './api-transport.ts';

const knowledge = bundledKnowledge();
/** A pasted message of 305 characters, which the bundled corpus answers with 45 quotes. */
const LONG_QUERY = 'hostages '.repeat(34).trim();

function transport(
  options: { cooldownMs?: number; knowledge?: Promise<Knowledge> | Knowledge; catalog?: Catalog; pageQueries?: PageQueries } = {},
): ApiTransport {
  const catalog =
    options.catalog ??
    botCatalog({
      knowledge: fixedKnowledge(options.knowledge ?? knowledge),
      commands: COMMANDS,
      pageQueries: options.pageQueries ?? new PageQueries(),
    });
  return new ApiTransport({ catalog, cooldowns: new Cooldowns(options.cooldownMs ?? 0), logger: createLogger('silent') });
}

const buttons = (r: Response) => r.data?.components?.flatMap((row) => row.components) ?? [];
const button = (r: Response, label: string) => buttons(r).find((b) => b.label === label);
/** The message a member sees for a response, as a button click carries it back. */
const asMessage = (r: Response) =>
  fakeMessage({
    author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
    embeds: r.data?.embeds ?? [],
    components: r.data?.components ?? [],
    flags: r.data?.flags ?? 0,
  });

let used: ApiTransport[] = [];
const fresh = (options: Parameters<typeof transport>[0] = {}) => {
  const t = transport(options);
  used.push(t);
  return t;
};
afterEach(() => {
  // whatever a test made the bot send, it had to be valid for Discord
  expect(used.flatMap((t) => t.problems)).toEqual([]);
  used = [];
});

describe('commands on the API JSON', () => {
  it('answers PING with PONG (an HTTP endpoint check)', async () => {
    expect((await fresh().first({ id: '1', application_id: APP_ID, type: 1, token: 't', version: 1 })).type).toBe(1);
  });

  it('/who answers privately with quote embeds and pings no one', async () => {
    const reply = await fresh().first(slashCommand('who', { name: 'McGurk' }));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(64);
    expect(reply.data?.embeds?.[0]?.title).toBe('Who is Brett McGurk?');
    expect(reply.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(button(reply, 'Post in channel')?.custom_id).toBe('v1|share');
  });

  it('`public: true` posts in the channel with who asked and a delete button', async () => {
    const reply = await fresh().first(slashCommand('who', { name: 'Barnea', public: true }, '777777777777777777'));
    expect(reply.data?.flags ?? 0).toBe(0);
    expect(reply.data?.embeds?.[0]?.description).toContain('Shared by <@777777777777777777>');
    expect(button(reply, 'Delete')?.custom_id).toBe('v1|delete|777777777777777777');
  });

  it('input that breaks an option’s rules is answered in the bot’s words, privately', async () => {
    const reply = await fresh().first(slashCommand('search', { text: '  \u0007  ' }));
    expect(reply.data?.flags).toBe(64);
    expect(reply.data?.embeds?.[0]?.description).toContain('Type a few words to search for.');
  });

  it('an unknown command says so', async () => {
    expect((await fresh().first(slashCommand('frobnicate', {}))).data?.content).toMatch(
      /^Unknown command \/frobnicate: it may have been removed\. Try \/help\./,
    );
  });

  it('autocomplete offers choices without counting against the cooldown', async () => {
    const t = fresh({ cooldownMs: 60_000 });
    const reply = await t.first(autocomplete('who', 'name', 'McG'));
    expect(reply.type).toBe(8);
    expect(reply.data?.choices?.map((c) => c.name)).toContain('Brett McGurk');
    expect((await t.first(slashCommand('who', { name: 'McGurk' }))).data?.embeds).toBeDefined();
  });

  it('while the corpus is still loading, defers privately and then edits the original response', async () => {
    let release: (k: Knowledge) => void = () => undefined;
    const t = fresh({ knowledge: new Promise<Knowledge>((resolve) => (release = resolve)) });
    const interaction = slashCommand('who', { name: 'McGurk' });
    const pending = t.handle(interaction);
    release(knowledge);
    const [first, edit] = await pending;
    expect(first?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit?.method).toBe('PATCH');
    expect(edit?.route).toBe(`/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original`);
    expect(JSON.stringify(edit?.body)).toContain('Who is Brett McGurk?');
  });

  it('"Find sources" searches the message it is used on', async () => {
    const target = fakeMessage({
      content: 'Hamas agreed to free 50 hostages in exchange for 150 Palestinian prisoners during a four-day cease-fire',
    });
    const reply = await fresh().first(messageMenu('Find sources', target));
    expect(reply.data?.flags).toBe(64);
    expect(reply.data?.embeds?.[0]?.fields?.[0]?.value).toMatch(/50 hostages in exchange for 150 Palestinian prisoners/);
    expect((await fresh().first(messageMenu('Find sources', fakeMessage({ content: '**  **' })))).data?.content).toBe(
      'That message has no text to look up.',
    );
  });

  it('an error gives a private apology with an error id, after the first response failed too', async () => {
    const t = fresh();
    t.failNextFirst = true;
    const [apology] = await t.handle(slashCommand('who', { name: 'Burns' }));
    expect((apology?.body as unknown as Response).data?.content).toMatch(
      /^Sorry — something went wrong on our side \(error id `[0-9a-f]{8}`\)/,
    );
    expect((apology?.body as unknown as Response).data?.flags).toBe(64);
  });
});

describe('gates', () => {
  it('the cooldown refuses a second answer within the window, per user; /help does not count', async () => {
    const t = fresh({ cooldownMs: 60_000 });
    expect((await t.first(slashCommand('search', { text: 'Doha' }, '123456789012345678'))).data?.embeds).toBeDefined();
    expect((await t.first(slashCommand('help', {}, '123456789012345678'))).data?.embeds).toBeDefined();
    const again = await t.first(slashCommand('search', { text: 'Cairo' }, '123456789012345678'));
    expect(again.data?.content).toMatch(/^You're asking quickly — try again in \d+ s\.$/);
    expect(again.data?.flags).toBe(64);
    expect((await t.first(slashCommand('search', { text: 'Cairo' }, '223456789012345678'))).data?.embeds).toBeDefined();
  });

  it('a command gated on a permission refuses others privately before its handler runs, and registers that permission', async () => {
    let ran = 0;
    const catalog: Catalog = {
      commands: [
        {
          type: 'slash',
          name: 'announce',
          description: 'Server managers only',
          gates: { cooldown: false, allowed: [permissionGate(PermissionFlagsBits.ManageGuild, 'Only server managers can announce.')] },
          run: leaf({
            description: 'Server managers only',
            options: { text: stringOption({ description: 'What to say', required: true }) },
            handle: async ({ text }, call) => (ran++, call.reply.send(privately(`Announced: ${text}`))),
          }),
        },
      ],
      components: [],
      services: registrationCatalog([]).services,
    };
    const t = fresh({ catalog });
    const member = slashCommand('announce', { text: 'hello' });
    expect((await t.first(member)).data?.content).toBe('Only server managers can announce.');
    expect(ran).toBe(0);
    const manager = slashCommand('announce', { text: 'hello' });
    (manager.member as Record<string, unknown>).permissions = String(PermissionFlagsBits.ManageGuild);
    expect((await t.first(manager)).data?.content).toBe('Announced: hello');
    expect(payloadsOf(catalog)[0]).toMatchObject({ name: 'announce', default_member_permissions: 32 });
  });
});

describe('buttons and forms', () => {
  it('a forged, stale or unknown custom_id says to run the command again', async () => {
    const t = fresh();
    for (const id of [
      'v1|pg|who|5|McGurk',
      'page:who:5:McGurk',
      'v1|pg|who|-5|AAAAAAAAAAA',
      'v1|delete|me',
      'v1|share|x',
      'v1|nosuch',
      'v9|share',
      '',
    ]) {
      const reply = await t.first(buttonClick(id, fakeMessage()));
      expect(reply.data?.content).toBe(
        'This button is from an older version of the bot and no longer works: please run the command again.',
      );
      expect(reply.data?.flags).toBe(64);
    }
    expect((await t.first(modalSubmit('v1|faqedit|x|y', { question: 'Q' }))).data?.content).toMatch(
      /^This form is from an older version of the bot and no longer works: please run the command again\.$/,
    );
  });

  it('a 305-character query pages to page 2 and back: the query does not ride in the custom_id', async () => {
    const t = fresh();
    const first = await t.first(slashCommand('search', { text: LONG_QUERY }));
    expect(first.data?.embeds?.[0]?.footer?.text).toMatch(/1–5 of \d+$/);
    const next = button(first, 'Next ▶');
    expect(next?.custom_id?.length).toBeLessThanOrEqual(100);
    expect(next?.custom_id).not.toContain('hostages');
    const second = await t.first(buttonClick(next?.custom_id ?? '', asMessage(first)));
    expect(second.type).toBe(7);
    expect(second.data?.embeds?.[0]?.fields?.[0]?.name).toMatch(/^6\. /);
    expect(second.data?.embeds?.[0]?.footer?.text).toMatch(/6–10 of \d+$/);
    const back = await t.first(buttonClick(button(second, '◀ Previous')?.custom_id ?? '', asMessage(second)));
    expect(back.data?.embeds).toEqual(first.data?.embeds);
  });

  it('after a restart, a short query pages from what the message shows; a long one, or an edited one, says to run the command again', async () => {
    const before = fresh();
    const short = await before.first(slashCommand('search', { text: 'hostages' }));
    const long = await before.first(slashCommand('search', { text: LONG_QUERY }));
    expect(short.data?.embeds?.[0]?.footer?.text).toMatch(/\nAsked: hostages$/);
    const after = fresh();
    const page2 = await after.first(buttonClick(button(short, 'Next ▶')?.custom_id ?? '', asMessage(short)));
    expect(page2.data?.embeds?.[0]?.footer?.text).toMatch(/6–10 of \d+\nAsked: hostages$/);
    const lost = await after.first(buttonClick(button(long, 'Next ▶')?.custom_id ?? '', asMessage(long)));
    expect(lost.data?.content).toMatch(/run the command again/);
    const edited = asMessage(short);
    (edited.embeds as Array<{ footer: { text: string } }>)[0]!.footer.text = 'x · 1–5 of 9\nAsked: Doha';
    expect((await fresh().first(buttonClick(button(short, 'Next ▶')?.custom_id ?? '', edited))).data?.content).toMatch(
      /run the command again/,
    );
  });

  it('"Post in channel" re-posts the answer publicly; only the sharer may delete it', async () => {
    const t = fresh();
    const first = await t.first(slashCommand('who', { name: 'Sunak' }, '888888888888888888'));
    const shared = await t.first(buttonClick('v1|share', asMessage(first), '888888888888888888'));
    expect(shared.data?.flags ?? 0).toBe(0);
    expect(shared.data?.embeds?.[0]?.description).toContain('Shared by <@888888888888888888>');
    expect((await t.first(buttonClick('v1|delete|888888888888888888', asMessage(shared), '999999999999999999'))).data?.content).toBe(
      'Only the person who shared this post can delete it.',
    );
    const click = buttonClick('v1|delete|888888888888888888', asMessage(shared), '888888888888888888');
    const sent = await t.handle(click);
    expect(sent.map((s) => [s.method, s.route, s.body?.type])).toEqual([
      ['POST', `/interactions/${String(click.id)}/${String(click.token)}/callback`, 6],
      ['DELETE', `/webhooks/${APP_ID}/${String(click.token)}/messages/@original`, undefined],
    ]);
  });
});

describe('registration', () => {
  it('derives from the same declarations: the quote commands with `public`, the FAQ, /source-admin and "Find sources"', () => {
    const payload = payloadsOf(registrationCatalog(COMMANDS));
    expect(payload.map((c) => c.name)).toEqual([
      'who',
      'when',
      'terms',
      'search',
      'timeline',
      'source',
      'help',
      'faq',
      'faq-admin',
      'source-admin',
      'Find sources',
    ]);
    // who may use a command is a gate, and the gate gives Discord its default permission (Manage Messages)
    expect(
      payload
        .filter((c) => 'default_member_permissions' in c)
        .map((c) => [c.name, 'default_member_permissions' in c ? c.default_member_permissions : null]),
    ).toEqual([
      ['faq-admin', 8192],
      ['source-admin', 8192],
    ]);
    expect(payload[0]).toMatchObject({
      type: 1,
      name: 'who',
      options: [
        { type: 3, name: 'name', required: true, max_length: 100, autocomplete: true },
        { type: 5, name: 'public', required: false },
      ],
    });
  });
});
