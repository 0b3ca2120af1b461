/**
 * Previews kept in the database the processes share: one process's preview is found by another under the same key,
 * whole (the prepared article survives being stored), only by the member who asked, for 30 minutes, at most
 * MAX_DRAFTS per server. On SQLite and on a real PostgreSQL server the test starts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DRAFT_TTL_MS, MAX_DRAFTS } from '../../src/corpus/source-drafts.ts';
import type { SqlFaqStore } from '../../src/faq/sql-faq-store.ts';
import { CorpusEditor, type SourcePreview } from '../../src/serving/corpus-editor.ts';
import { DatabaseDrafts } from '../../src/serving/database-drafts.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { scratchCorpus } from '../helpers/corpus.ts';
import { type FreshDatabase, onBothDatabases } from '../helpers/both-databases.ts';

const OWNER = '610000000000000061';
const GUILD = '222222222222222222';
const page = [
  'Mediators in Doha describe a new round of hostage talks',
  'Published 2025-02-20',
  '',
  'Qatari mediators said on Thursday that a new round of talks on the release of hostages would open in Doha next week.',
].join('\n');

function describeDrafts(name: string, fresh: FreshDatabase): void {
  const opened: SqlFaqStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  const two = async () => {
    const open = await fresh();
    const stores = [await open(), await open()];
    opened.push(...stores);
    return stores;
  };

  describe(`previews in the database on ${name}`, () => {
    it('a preview put by one process is found whole by another, for its owner only, updated and deleted', async () => {
      const [one, other] = (await two()) as [SqlFaqStore, SqlFaqStore];
      const preview = new CorpusEditor(LiveKnowledge.open(scratchCorpus())).preview(page, 'saved.txt', {
        url: 'https://news.example.org/a',
      });
      const mine = new DatabaseDrafts<SourcePreview>(one.database);
      const theirs = new DatabaseDrafts<SourcePreview>(other.database);
      const key = await mine.put({ prepared: preview, owner: OWNER, guild: GUILD });
      expect(key).toMatch(/^[0-9a-f]{8}$/);
      const found = await theirs.get(key, OWNER);
      expect(found?.prepared).toEqual(preview);
      expect(found).toMatchObject({ owner: OWNER, guild: GUILD });
      expect(await theirs.get(key, '610000000000000099')).toBeNull();
      expect(await theirs.get('00000000', OWNER)).toBeNull();
      const revised = { ...preview, options: { ...preview.options, title: 'A headline the moderator gave' } };
      await theirs.update(key, revised);
      expect((await mine.get(key, OWNER))?.prepared.options.title).toBe('A headline the moderator gave');
      await mine.delete(key);
      expect(await theirs.get(key, OWNER)).toBeNull();
    });

    it('a draft expires after 30 minutes, and a server keeps at most MAX_DRAFTS (the oldest give way)', async () => {
      const [store] = (await two()) as [SqlFaqStore];
      let now = Date.parse('2025-02-20T10:00:00Z');
      const drafts = new DatabaseDrafts<{ n: number }>(store.database, DRAFT_TTL_MS, () => now);
      const first = await drafts.put({ prepared: { n: 0 }, owner: OWNER, guild: GUILD });
      now += DRAFT_TTL_MS - 1;
      expect(await drafts.get(first, OWNER)).not.toBeNull();
      now += 2;
      expect(await drafts.get(first, OWNER)).toBeNull();
      const keys: string[] = [];
      for (let n = 1; n <= MAX_DRAFTS + 1; n++) {
        now += 1;
        keys.push(await drafts.put({ prepared: { n }, owner: OWNER, guild: GUILD }));
      }
      expect(await drafts.get(keys[0] ?? '', OWNER)).toBeNull();
      expect((await drafts.get(keys[1] ?? '', OWNER))?.prepared).toEqual({ n: 2 });
      expect((await drafts.get(keys.at(-1) ?? '', OWNER))?.prepared).toEqual({ n: MAX_DRAFTS + 1 });
      // another server's drafts are not counted against this one's
      const elsewhere = await drafts.put({ prepared: { n: -1 }, owner: OWNER, guild: '222222222222222223' });
      expect(await drafts.get(keys[1] ?? '', OWNER)).not.toBeNull();
      expect(await drafts.get(elsewhere, OWNER)).not.toBeNull();
    }, 60_000);
  });
}

onBothDatabases('the previews', describeDrafts);
