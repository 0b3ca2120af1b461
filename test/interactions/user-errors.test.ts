/**
 * One place tells a member why they were refused: whatever UserError a gate or a handler throws — the FAQ's, ingest's,
 * a fetch's, invalid input, the interaction layer's own Refusal — reaches them as its message, privately and pinging
 * no one, through the dispatcher's single catch; the handlers only throw. Anything else is a failure: the member
 * gets the apology with an error id, and the log gets the error under that id.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMANDS } from '../../commands/index.ts';
import { InvalidInputError, parseOptions, stringOption } from '../../src/commands/options.ts';
import type { UserError } from '../../src/errors/user-error.ts';
import { FaqBusyError, FaqError, FaqImportConflict } from '../../src/faq/faq-errors.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { FetchPageError } from '../../src/ingest/fetch/fetch-page.ts';
import { IngestError } from '../../src/ingest/ingest-error.ts';
import { botCatalog, registrationCatalog } from '../../src/interactions/catalog.ts';
import { Cooldowns } from '../../src/interactions/cooldowns.ts';
import { customIdKind } from '../../src/interactions/custom-id.ts';
import { type FaqSeed, leaf, OPEN, Refusal } from '../../src/commands/declare.ts';
import { button, type Catalog, form } from '../../src/interactions/components.ts';
import { PageQueries } from '../../src/interactions/quote-replies/page-queries.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { fixedKnowledge } from '../../src/serving/live-knowledge.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';
import { APP_ID, buttonClick, faqCommand, fakeMessage, GUILD_ID, modalSubmit, slashCommand } from '../delivery/discord/fake-discord.ts';
import { ApiTransport, type Response } from './api-transport.ts';

/** One of each family, as the domain that refuses throws it. */
const FAMILIES: Record<string, () => UserError> = {
  faq: () => new FaqError('There is no FAQ entry #12 in this server.'),
  'faq-busy': () => new FaqBusyError(),
  'faq-conflict': () => new FaqImportConflict({ added: 0, updated: 0, unchanged: 0, conflicts: ['#3 "Q?" differs from the file'] }),
  ingest: () => new IngestError('page.txt: this is a PDF document, not a text or HTML page; save the page as HTML'),
  fetch: () => new FetchPageError('address', 'the link points to a private or local address, which the bot does not fetch'),
  'invalid-input': () => new InvalidInputError('Type a few words to look up.'),
  refusal: () => new Refusal('Only the person who shared this post can delete it. @everyone'),
};

const throwId = customIdKind(
  'throw',
  z.tuple([z.string()]).transform(([family]) => ({ family })),
  (v) => [v.family],
);
const refusedBy = (family: string) => {
  const make = FAMILIES[family];
  if (!make) throw new Error(`no family ${family}`);
  return make();
};

/** A bot whose handlers do nothing but throw: a family's UserError by name, or a plain failure. */
const catalog: Catalog = {
  commands: [
    {
      type: 'slash',
      name: 'refuse',
      description: 'Throws the refusal it is told to',
      gates: OPEN,
      run: leaf({
        description: 'Throws the refusal it is told to',
        options: { family: stringOption({ description: 'Which', required: true, maxLength: 20 }) },
        handle: ({ family }) =>
          Promise.reject(family === 'failure' ? new Error('the disk is on fire (/var/lib/talks-bot)') : refusedBy(family)),
      }),
    },
    {
      type: 'slash',
      name: 'think',
      description: 'Defers, then throws',
      gates: OPEN,
      run: leaf({
        description: 'Defers, then throws',
        options: { family: stringOption({ description: 'Which', required: true, maxLength: 20 }) },
        async handle({ family }, call) {
          await call.reply.defer({ private: true });
          throw family === 'failure' ? new TypeError('cannot read properties of undefined') : refusedBy(family);
        },
      }),
    },
    {
      type: 'slash',
      name: 'gated',
      description: 'A gate refuses',
      // a precondition: a gate that refuses returns a UserError, told like any other
      gates: {
        cooldown: false,
        allowed: [{ check: (call) => (call.guildId ? new Refusal('Not in this server, sorry.', { identifier: 'not-here' }) : null) }],
      },
      run: leaf({ description: 'A gate refuses', options: {}, handle: () => Promise.reject(new Error('the gate let someone through')) }),
    },
  ],
  components: [
    button({ id: throwId, gates: OPEN, handle: ({ family }) => Promise.reject(refusedBy(family)) }),
    form({ id: throwId, gates: OPEN, handle: ({ family }) => Promise.reject(refusedBy(family)) }),
  ],
  services: registrationCatalog([]).services,
};

/** The log lines a transport wrote (JSON), to see what was logged as a failure. */
function loggedTransport(of: Catalog): { t: ApiTransport; logged: Array<Record<string, unknown>> } {
  const logged: Array<Record<string, unknown>> = [];
  const logger = createLogger(
    'info',
    new Writable({ write: (chunk: Buffer, _enc, done) => (logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) }),
  );
  return { t: new ApiTransport({ catalog: of, cooldowns: new Cooldowns(0), logger }), logged };
}

let used: ApiTransport[] = [];
afterEach(() => {
  // whatever the bot sent had to be valid for Discord
  expect(used.flatMap((t) => t.problems)).toEqual([]);
  used = [];
});
const fresh = (of: Catalog = catalog) => {
  const made = loggedTransport(of);
  used.push(made.t);
  return made;
};

describe('a UserError from a handler reaches the member as its message, through the one catch', () => {
  it.each(Object.keys(FAMILIES))('%s, thrown by a slash command', async (family) => {
    const { t, logged } = fresh();
    const sent = await t.handle(slashCommand('refuse', { family }));
    expect(sent).toHaveLength(1);
    const reply = sent[0]?.body as unknown as Response;
    expect(reply.type).toBe(4);
    expect(reply.data?.content).toBe(refusedBy(family).message);
    expect(reply.data?.flags).toBe(64);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // a refusal is not a failure: nothing is logged as one, and no apology
    expect(logged.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(JSON.stringify(sent)).not.toMatch(/went wrong/);
  });

  it.each(Object.keys(FAMILIES))('%s, thrown after a deferral: the deferred reply becomes the message', async (family) => {
    const { t } = fresh();
    const interaction = slashCommand('think', { family });
    const sent = await t.handle(interaction);
    expect(sent.map((s) => [s.method, s.route])).toEqual([
      ['POST', `/interactions/${String(interaction.id)}/${String(interaction.token)}/callback`],
      ['PATCH', `/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original`],
    ]);
    expect((sent[1]?.body as Response['data'])?.content).toBe(refusedBy(family).message);
  });

  it.each(['faq', 'ingest', 'fetch', 'refusal'])('%s, thrown by a button and by a form', async (family) => {
    const { t } = fresh();
    const clicked = await t.first(buttonClick(throwId.encode({ family }), fakeMessage()));
    expect([clicked.type, clicked.data?.content, clicked.data?.flags]).toEqual([4, refusedBy(family).message, 64]);
    const submitted = await t.first(modalSubmit(throwId.encode({ family }), { text: 'typed' }));
    expect([submitted.type, submitted.data?.content, submitted.data?.flags]).toEqual([4, refusedBy(family).message, 64]);
  });

  it('a gate that refuses gives its UserError, and the handler never runs', async () => {
    const { t, logged } = fresh();
    const reply = await t.first(slashCommand('gated', {}));
    expect([reply.data?.content, reply.data?.flags]).toEqual(['Not in this server, sorry.', 64]);
    expect(logged.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('input that breaks an option’s rules is an InvalidInputError, told the same way', async () => {
    const { t } = fresh();
    const input = { family: 'x'.repeat(21) };
    const rules = parseOptions({ family: stringOption({ description: 'Which', required: true, maxLength: 20 }) }, input);
    const reply = await t.first(slashCommand('refuse', input));
    expect(rules.ok).toBe(false);
    expect([reply.data?.content, reply.data?.flags]).toEqual([rules.ok ? null : rules.message, 64]);
  });
});

describe('anything else is a failure', () => {
  it('the member gets the apology with an error id, never the error; the log gets the error under that id', async () => {
    const { t, logged } = fresh();
    const reply = await t.first(slashCommand('refuse', { family: 'failure' }));
    expect(reply.data?.content).toMatch(/^Sorry — something went wrong on our side \(error id `([0-9a-f]{8})`\)\. Please try again\.$/);
    expect(reply.data?.flags).toBe(64);
    expect(reply.data?.content).not.toMatch(/fire|var/);
    const errorId = /`([0-9a-f]{8})`/.exec(reply.data?.content ?? '')?.[1];
    const failure = logged.find((l) => l.msg === 'interaction failed');
    expect(failure).toMatchObject({ level: 50, errorId, err: { message: 'the disk is on fire (/var/lib/talks-bot)' } });
  });

  it('after a deferral too: the apology follows, and the log has the error', async () => {
    const { t, logged } = fresh();
    const sent = await t.handle(slashCommand('think', { family: 'failure' }));
    expect((sent.at(-1)?.body as Response['data'])?.content).toMatch(
      /^Sorry — something went wrong on our side \(error id `[0-9a-f]{8}`\)/,
    );
    expect(logged.find((l) => l.msg === 'interaction failed')).toMatchObject({
      level: 50,
      err: { message: 'cannot read properties of undefined' },
    });
  });
});

describe('/faq-admin seed reads the starter FAQ from its context', () => {
  const MOD = { userId: '600000000000000006', permissions: '8192', guildId: GUILD_ID };
  const knowledge = fixedKnowledge(bundledKnowledge());
  const seed = {
    format: 'talks-bot-faq/1',
    entries: [{ question: 'Who mediated the hostage talks?', answer: 'Qatar, with Egypt.', aliases: [], citations: [], review_by: null }],
  };
  const withSeed = async (faqSeed: FaqSeed | undefined) => {
    const faq = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-user-errors-faq-')));
    const { t, logged } = fresh(
      botCatalog({ knowledge, commands: COMMANDS, pageQueries: new PageQueries(), faq, ...(faqSeed ? { faqSeed } : {}) }),
    );
    return { t, logged, faq };
  };

  it('imports what the context gives', async () => {
    const { t, faq } = await withSeed(() => seed);
    expect((await t.first(faqCommand('faq-admin', 'seed', {}, MOD))).data?.content).toBe(
      'Imported: 1 added, 0 replaced, 0 already the same.',
    );
    expect((await faq.list(GUILD_ID)).map((e) => e.question)).toEqual(['Who mediated the hostage talks?']);
    await faq.close();
  });

  it('a seed that cannot be read, or that the store refuses, is told as "Nothing was imported: …"', async () => {
    const unreadable = await withSeed(() => {
      throw new SyntaxError('Unexpected token } in JSON at position 12');
    });
    const told = await unreadable.t.first(faqCommand('faq-admin', 'seed', {}, MOD));
    expect([told.data?.content, told.data?.flags]).toEqual(['Nothing was imported: Unexpected token } in JSON at position 12', 64]);
    expect(unreadable.logged.filter((l) => (l.level as number) >= 50)).toEqual([]);
    await unreadable.faq.close();
    const refused = await withSeed(() => ({ format: 'talks-bot-faq/1', entries: [{ question: '', answer: 'A.' }] }));
    expect((await refused.t.first(faqCommand('faq-admin', 'seed', {}, MOD))).data?.content).toMatch(
      /^Nothing was imported: entry 1, field "question"/,
    );
    await refused.faq.close();
  });

  it('without a starter FAQ in the context, seeding says there is none', async () => {
    const { t, faq } = await withSeed(undefined);
    expect((await t.first(faqCommand('faq-admin', 'seed', {}, MOD))).data?.content).toBe(
      'Nothing was imported: this bot has no starter FAQ.',
    );
    await faq.close();
  });
});
