/**
 * The FAQ store's specification, run against every store (SQLite and PostgreSQL): what a moderator and a member can
 * rely on, whichever database holds the FAQ, including two stores — two machines — on one database at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FaqError, FaqImportConflict, type FaqStore } from '../../src/faq/faq-store.ts';
import { MIGRATIONS } from '../../src/faq/migrations.ts';

export const G1 = '100000000000000001';
export const G2 = '100000000000000002';

/** Opens stores on one fresh database: each call is another process (or machine) connecting to it. */
export type OpenStore = () => Promise<FaqStore>;

export interface StoreBackend {
  name: string;
  /** A new, empty database. */
  freshDatabase(): Promise<OpenStore>;
}

/** `count` calls of `task`, at most `width` at a time. */
async function inParallel(count: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

export function describeFaqStore(backend: StoreBackend): void {
  const opened: FaqStore[] = [];
  const freshStore = async (): Promise<[FaqStore, OpenStore]> => {
    const open = await backend.freshDatabase();
    const tracked: OpenStore = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    return [await tracked(), tracked];
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  describe(`the FAQ store on ${backend.name}`, () => {
    it('creates its schema on first start and applies every migration once, even when two processes start together', async () => {
      const open = await backend.freshDatabase();
      const [a, b] = await Promise.all([open(), open()]);
      opened.push(a, b);
      expect([await a.schemaVersion(), await b.schemaVersion()]).toEqual([MIGRATIONS.at(-1)?.version, MIGRATIONS.at(-1)?.version]);
      const again = await open();
      opened.push(again);
      expect(await again.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
    });

    it('keeps every change as a revision with who and when, and reverts to any of them', async () => {
      const [store] = await freshStore();
      const e = await store.add(G1, { question: 'Who mediated?', answer: 'Qatar.' }, 'mod-a');
      await store.edit(G1, e.id, { answer: 'Qatar and Egypt.' }, 'mod-b');
      await store.addAlias(G1, e.id, 'Who were the mediators', 'mod-b');
      await store.cite(G1, e.id, ['ap-how-the-hostage-deal-came-about#5'], 'mod-a');
      const history = await store.history(G1, e.id);
      expect(history.map((h) => [h.revision, h.action, h.actor])).toEqual([
        [1, 'add', 'mod-a'],
        [2, 'edit', 'mod-b'],
        [3, 'alias', 'mod-b'],
        [4, 'cite', 'mod-a'],
      ]);
      expect(history[1]?.snapshot).toMatchObject({ question: 'Who mediated?', answer: 'Qatar and Egypt.', aliases: [] });
      expect(history[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const reverted = await store.revert(G1, e.id, 1, 'mod-c');
      expect([reverted.answer, reverted.aliases, reverted.citations, reverted.revision]).toEqual(['Qatar.', [], [], 5]);
      expect((await store.history(G1, e.id)).at(-1)).toMatchObject({ action: 'revert to 1', actor: 'mod-c' });
      await expect(store.revert(G1, e.id, 9, 'mod-c')).rejects.toThrow(`Entry #${e.id} has no revision 9.`);
    });

    it('a removed entry disappears from view but keeps its history, and revert brings it back', async () => {
      const [store] = await freshStore();
      const e = await store.add(G1, { question: 'Q?', answer: 'A.' }, 'm');
      await store.remove(G1, e.id, 'm');
      expect(await store.list(G1)).toEqual([]);
      await expect(store.get(G1, e.id)).rejects.toThrow(`There is no FAQ entry #${e.id} in this server.`);
      expect((await store.history(G1, e.id)).map((h) => h.action)).toEqual(['add', 'remove']);
      expect((await store.revert(G1, e.id, 1, 'm')).question).toBe('Q?');
    });

    it('refuses duplicates, taken aliases, empty or oversized text and bad citations, clearly', async () => {
      const [store] = await freshStore();
      const e = await store.add(G1, { question: 'What did Qatar offer?', answer: 'A.' }, 'm');
      await expect(store.add(G1, { question: 'what did qatar  offer', answer: 'B.' }, 'm')).rejects.toThrow(
        `Entry #${e.id} already asks "what did qatar  offer".`,
      );
      await store.addAlias(G1, e.id, 'Qatar offer', 'm');
      const other = await store.add(G1, { question: 'Other?', answer: 'B.' }, 'm');
      await expect(store.addAlias(G1, other.id, 'qatar OFFER', 'm')).rejects.toThrow(
        `"qatar OFFER" is already an alias of entry #${e.id}.`,
      );
      await expect(store.add(G1, { question: '   ', answer: 'x' }, 'm')).rejects.toThrow(/question must not be empty/);
      await expect(store.add(G1, { question: 'Long?', answer: 'x'.repeat(2001) }, 'm')).rejects.toThrow(/at most 2000/);
      await expect(store.cite(G1, e.id, ['not a passage'], 'm')).rejects.toThrow(/passage id/);
      await expect(store.edit(G1, 999_999, { answer: 'x' }, 'm')).rejects.toThrow(FaqError);
      expect(await store.history(G1, e.id)).toHaveLength(2); // the refused changes left no trace
      expect((await store.list(G1)).map((x) => x.question)).toEqual(['Other?', 'What did Qatar offer?']);
    });

    it('keeps each guild’s FAQ to itself', async () => {
      const [store] = await freshStore();
      const e = await store.add(G1, { question: 'Q?', answer: 'A.' }, 'm');
      expect(await store.list(G2)).toEqual([]);
      await expect(store.get(G2, e.id)).rejects.toThrow(FaqError);
      await expect(store.edit(G2, e.id, { answer: 'hijack' }, 'm')).rejects.toThrow(FaqError);
      await store.add(G2, { question: 'Q?', answer: 'Same question, other server.' }, 'm');
      expect((await store.get(G1, e.id)).answer).toBe('A.');
    });

    it('exports a guild and imports it into another, reproducing it', async () => {
      const [store] = await freshStore();
      const e = await store.add(G1, { question: 'Q1?', answer: 'A1.', reviewBy: '2026-12-31' }, 'm');
      await store.addAlias(G1, e.id, 'first question', 'm');
      await store.addAlias(G1, e.id, 'Another wording', 'm');
      await store.cite(G1, e.id, ['s#1', 's#2'], 'm');
      await store.add(G1, { question: 'Q2?', answer: 'A2.' }, 'm');
      const file = JSON.parse(JSON.stringify(await store.exportGuild(G1))) as unknown;
      expect(await store.importGuild(G2, file, 'n')).toEqual({ added: 2, updated: 0, unchanged: 0, conflicts: [] });
      const strip = async (g: string) =>
        (await store.list(g)).map(({ question, answer, aliases, citations, reviewBy }) => ({
          question,
          answer,
          aliases,
          citations,
          reviewBy,
        }));
      expect(await strip(G2)).toEqual(await strip(G1));
      expect((await strip(G1))[0]).toEqual({
        question: 'Q1?',
        answer: 'A1.',
        aliases: ['Another wording', 'first question'],
        citations: ['s#1', 's#2'],
        reviewBy: '2026-12-31',
      });
      expect(await store.importGuild(G2, file, 'n')).toMatchObject({ added: 0, unchanged: 2 });
      const shuffled = {
        format: 'talks-bot-faq/1',
        entries: [
          {
            question: 'Q1?',
            answer: 'A1.',
            review_by: '2026-12-31',
            citations: ['s#1', 's#2'],
            aliases: ['first question', 'Another wording'],
          },
        ],
      };
      expect(await store.importGuild(G2, shuffled, 'n')).toMatchObject({ unchanged: 1, conflicts: [] });
    });

    it('reports import conflicts and applies nothing unless told to overwrite', async () => {
      const [store] = await freshStore();
      const local = await store.add(G2, { question: 'Q1?', answer: 'Local answer.' }, 'm');
      const file = {
        format: 'talks-bot-faq/1',
        entries: [
          { question: 'New?', answer: 'N.' },
          { question: 'Q1?', answer: 'File answer.' },
        ],
      };
      const refused = await store.importGuild(G2, file, 'n').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FaqImportConflict);
      expect((refused as FaqImportConflict).report.conflicts).toEqual([`#${local.id} "Q1?" differs from the file`]);
      expect((refused as Error).message).toBe(
        `Nothing was imported: 1 entry differs from the file (#${local.id} "Q1?" differs from the file). Import again with overwrite to replace them.`,
      );
      expect((await store.list(G2)).map((e) => e.question)).toEqual(['Q1?']); // never half-applied
      expect(await store.importGuild(G2, file, 'n', { overwrite: true })).toMatchObject({ added: 1, updated: 1 });
      expect((await store.get(G2, local.id)).answer).toBe('File answer.');
      await expect(store.importGuild(G2, { format: 'other' }, 'n')).rejects.toThrow(
        /Nothing was imported: field "format": .*not a talks-bot FAQ export/,
      );
    });

    it('stores the moderator role per guild, and clears it', async () => {
      const [store] = await freshStore();
      await store.setModeratorRole(G1, '300000000000000003');
      expect([await store.moderatorRole(G1), await store.moderatorRole(G2)]).toEqual(['300000000000000003', null]);
      await store.setModeratorRole(G1, '300000000000000004');
      expect(await store.moderatorRole(G1)).toBe('300000000000000004');
      await store.setModeratorRole(G1, null);
      expect(await store.moderatorRole(G1)).toBeNull();
    });
  });

  describe(`two machines sharing one FAQ on ${backend.name}`, () => {
    it('what one machine saves, the other reads at once', async () => {
      const [a, openAnother] = await freshStore();
      const b = await openAnother();
      const e = await a.add(G1, { question: 'Shared?', answer: 'Yes.' }, 'mod-a');
      await b.edit(G1, e.id, { answer: 'Yes, by both.' }, 'mod-b');
      await a.setModeratorRole(G1, '300000000000000003');
      expect([(await a.get(G1, e.id)).answer, await b.moderatorRole(G1)]).toEqual(['Yes, by both.', '300000000000000003']);
    });

    it('adding at once from both machines loses no entry', async () => {
      const [a, openAnother] = await freshStore();
      const b = await openAnother();
      const add = (store: FaqStore, tag: string) => (i: number) =>
        store.add(G1, { question: `${tag} question ${i}?`, answer: `From ${tag}.` }, tag);
      await Promise.all([inParallel(60, 4, add(a, 'machine-a')), inParallel(60, 4, add(b, 'machine-b'))]);
      const entries = await b.list(G1);
      expect(entries).toHaveLength(120);
      expect(new Set(entries.map((e) => e.id)).size).toBe(120);
      expect(entries.every((e) => e.revision === 1)).toBe(true);
    });

    it('changing one entry at once from both machines loses no change and never repeats a revision number', async () => {
      const [a, openAnother] = await freshStore();
      const b = await openAnother();
      const e = await a.add(G1, { question: 'Contended?', answer: 'Start.' }, 'm');
      const alias = (store: FaqStore, tag: string) => (i: number) => store.addAlias(G1, e.id, `${tag} wording ${i}`, tag);
      await Promise.all([inParallel(25, 3, alias(a, 'a')), inParallel(25, 3, alias(b, 'b'))]);
      const entry = await a.get(G1, e.id);
      expect(entry.aliases).toHaveLength(50); // a lost update would have dropped the other machine's alias
      expect(entry.revision).toBe(51);
      expect((await b.history(G1, e.id)).map((h) => h.revision)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    });

    it('the same question added at once on both machines is saved once; the other moderator is told why', async () => {
      const [a, openAnother] = await freshStore();
      const b = await openAnother();
      const results = await Promise.allSettled([
        a.add(G1, { question: 'Who pays?', answer: 'A.' }, 'mod-a'),
        b.add(G1, { question: 'who pays', answer: 'B.' }, 'mod-b'),
      ]);
      const saved = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
      expect(saved).toHaveLength(1);
      expect(refused.map((r) => [r instanceof FaqError, r.message])).toEqual([
        [true, expect.stringMatching(`^Entry #${saved[0]?.id} already asks "(Who pays\\?|who pays)"\\.$`)],
      ]);
      expect(await a.list(G1)).toHaveLength(1);
    });
  });
}
