/**
 * The FAQ through the interaction layer on API JSON alone (no discord.js): who may change it, what the options
 * accept, and what a member is told when something is missing. The full flows run through the fake Discord in
 * test/delivery/discord/faq.e2e.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import type { FaqStore } from '../../src/faq/faq-store.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { PageQueries } from '../../src/interactions/quote-replies/page-queries.ts';
import { botCatalog } from '../../src/interactions/catalog.ts';
import { Cooldowns } from '../../src/interactions/cooldowns.ts';
import { fixedKnowledge } from '../../src/serving/live-knowledge.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';
import { APP_ID, faqCommand, GUILD_ID, modalSubmit } from '../delivery/discord/fake-discord.ts';
import { ApiTransport } from './api-transport.ts';

const MOD = { userId: '600000000000000006', permissions: '8192' }; // Manage Messages
const MEMBER = { userId: '700000000000000007', permissions: '0' };
const store = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-faq-layer-')));
const knowledge = fixedKnowledge(bundledKnowledge());

const transport = (faq: FaqStore | null) =>
  new ApiTransport({
    catalog: botCatalog({ knowledge, commands: COMMANDS, pageQueries: new PageQueries(), ...(faq ? { faq } : {}) }),
    cooldowns: new Cooldowns(0),
    logger: createLogger('silent'),
  });
const t = transport(store);

afterEach(() => expect(t.problems).toEqual([]));
afterAll(() => store.close());
const entry = await store.add(GUILD_ID, { question: 'Who mediated the talks?', answer: 'Qatar and Egypt.' }, MOD.userId);

describe('the FAQ on the API JSON', () => {
  it('a member may not change it; the server’s moderator role may', async () => {
    const refused = await t.first(faqCommand('faq-admin', 'alias', { entry: entry.id, alias: 'Mediators?' }, MEMBER));
    expect(refused.data?.content).toBe('Sorry — only moderators (Manage Messages, or the FAQ moderator role) can change the FAQ.');
    expect(refused.data?.flags).toBe(64);
    expect((await store.get(GUILD_ID, entry.id)).aliases).toEqual([]);
    const role = '800000000000000008';
    await store.setModeratorRole(GUILD_ID, role);
    const allowed = await t.first(faqCommand('faq-admin', 'alias', { entry: entry.id, alias: 'Mediators?' }, { ...MEMBER, roles: [role] }));
    expect(allowed.data?.content).toBe(`FAQ #${entry.id} is also found as: “Mediators?”.`);
    const form = await t.first(modalSubmit('v1|faqadd', { question: 'Sneaky?', answer: 'x', review_by: '' }, MEMBER));
    expect(form.data?.content).toBe('Sorry — only moderators can change the FAQ.');
  });

  it('options are checked as declared, whatever the JSON says: an entry number, an attached file', async () => {
    expect((await t.first(faqCommand('faq', 'history', { entry: 0 }, MEMBER))).data?.content).toBe('The number must be 1 or more.');
    expect((await t.first(faqCommand('faq', 'history', { entry: 'one' }, { ...MEMBER, types: { entry: 4 } }))).data?.content).toBe(
      'Pick a number from the list, please.',
    );
    const missing = await t.first(faqCommand('faq-admin', 'import', { file: '123' }, { ...MOD, types: { file: 11 } }));
    expect(missing.data?.content).toBe('Attach the file, please.');
    expect((await t.first(faqCommand('faq-admin', 'remove', { entry: 9999 }, MOD))).data?.content).toMatch(
      /^There is no FAQ entry #9999 in this server/,
    );
  });

  it('an export is the deferred reply’s edit, carrying the file', async () => {
    const command = faqCommand('faq-admin', 'export', {}, MOD);
    const sent = await t.handle(command);
    expect(sent.map((s) => [s.method, s.route])).toEqual([
      ['POST', `/interactions/${String(command.id)}/${String(command.token)}/callback`],
      ['PATCH', `/webhooks/${APP_ID}/${String(command.token)}/messages/@original`],
    ]);
    expect(sent[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(sent[1]?.body).toMatchObject({ content: '1 entries.', attachments: [{ id: '0', filename: `faq-${GUILD_ID}.json` }] });
  });

  it('says when the FAQ is unavailable, or used outside a server', async () => {
    expect((await transport(null).first(faqCommand('faq', 'list', {}, MEMBER))).data?.content).toBe(
      'The FAQ is not available on this bot right now.',
    );
    const dm = faqCommand('faq', 'list', {}, MEMBER);
    dm.user = (dm.member as { user: unknown }).user;
    delete dm.member;
    delete dm.guild_id;
    expect((await t.first(dm)).data?.content).toBe('The FAQ belongs to a server: use it there.');
  });
});
