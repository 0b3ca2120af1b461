/**
 * A reload never freezes the bot: at 10,000 passages, adding one article used to rebuild everything on the event
 * loop and hold up every answer (and `/healthz`) for seconds. Now the corpus is read in a worker, a source change is
 * applied as an update at every size, and a full build (an `entities.yaml` edit, a start without a usable save) is
 * made in a worker while the old knowledge answers. Nothing here times anything: each test counts the turns of the
 * event loop while the reload runs (none, when the reload ran on the loop in one piece) and checks that every answer
 * given meanwhile came whole from the old knowledge.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { ConsoleSession } from '../../src/console/console-session.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { CorpusError } from '../../src/corpus/source-file.ts';
import { cacheFileOf } from '../../src/serving/knowledge-cache.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { scratchCorpus, testArticle } from '../helpers/corpus.ts';

const ARTICLE = 'The lighthouse keepers of Zanzibar agreed to a phased ceasefire on Wednesday, the mediators said.';

/** Waits for `work`, calling `each` at every turn of the event loop meanwhile; says how many turns there were. */
async function turnsWhile<T>(work: Promise<T>, each: () => void): Promise<{ result: T; turns: number }> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  let turns = 0;
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (settled) return { result: await work, turns };
    turns++;
    each();
  }
}

/** What `/search` finds, by passage id. */
const found = (session: ConsoleSession, query: string) =>
  (JSON.parse(session.respond(`/search ${query}`)) as { results: Array<{ passage_id: string }> }).results.map((r) => r.passage_id);

/** What a fresh build of `dir` would give, in the terms a reader of answers can see. */
const passagesOf = (k: Knowledge) => JSON.stringify(k.passages.map((p) => [p.id, p.dates, p.mentions]));

/** A test that starts worker threads to build: on a busy machine each start and build takes seconds. */
const BUILDS = 60_000;

describe('a reload keeps the bot answering', () => {
  it(
    'applies an article added to a small corpus as an update, read off the event loop; answers meanwhile come from the old corpus',
    async () => {
      const dir = scratchCorpus();
      const live = LiveKnowledge.open(dir);
      await live.preparing;
      const old = live.current();
      const session = new ConsoleSession(live, COMMANDS, 'json');
      writeFileSync(join(dir, 'sources', 'lighthouse-ceasefire.md'), testArticle('lighthouse-ceasefire', ARTICLE));
      const seen: boolean[] = [];
      const { result, turns } = await turnsWhile(live.reload(), () =>
        seen.push(live.current() === old && !found(session, 'lighthouse keepers Zanzibar').includes('lighthouse-ceasefire#1')),
      );
      // below 20,000 passages this used to be a full build, run on the event loop in one piece
      expect(result).toMatchObject({ ok: true, how: 'update', added: ['lighthouse-ceasefire'] });
      expect(turns).toBeGreaterThan(10);
      expect(seen.every(Boolean)).toBe(true);
      expect(found(session, 'lighthouse keepers Zanzibar')[0]).toBe('lighthouse-ceasefire#1');
      expect(passagesOf(live.current())).toBe(passagesOf(LiveKnowledge.open(dir).current()));
    },
    BUILDS,
  );

  it(
    'builds for an entities.yaml change in a worker while the old knowledge answers, then switches to it whole',
    async () => {
      const dir = scratchCorpus();
      const live = LiveKnowledge.open(dir);
      await live.preparing;
      const old = live.current();
      const session = new ConsoleSession(live, COMMANDS, 'json');
      const entities = join(dir, 'entities.yaml');
      writeFileSync(
        entities,
        readFileSync(entities, 'utf8').replace('aliases: [David Barnea, Barnea,', 'aliases: [David Barnea, Barnea, the lighthouse keeper,'),
      );
      writeFileSync(
        join(dir, 'sources', 'lighthouse-ceasefire.md'),
        testArticle('lighthouse-ceasefire', `${ARTICLE} The lighthouse keeper flew to Doha.`),
      );
      let answers = 0;
      const { result, turns } = await turnsWhile(live.reload(), () => {
        // the old knowledge, whole: neither the new alias nor the new article
        expect(live.current()).toBe(old);
        expect(found(session, 'lighthouse keepers Zanzibar')).not.toContain('lighthouse-ceasefire#1');
        expect(old.entityById.get('david-barnea')?.aliases).not.toContain('the lighthouse keeper');
        answers++;
      });
      expect(result).toMatchObject({ ok: true, how: 'build', added: ['lighthouse-ceasefire'] });
      expect(turns).toBeGreaterThan(10);
      expect(answers).toBe(turns);
      const next = live.current();
      expect(next).not.toBe(old);
      expect(next.entityById.get('david-barnea')?.aliases).toContain('the lighthouse keeper');
      expect(next.passageById.get('lighthouse-ceasefire#1')?.mentions.map((m) => m.entityId)).toContain('david-barnea');
      expect(passagesOf(next)).toBe(passagesOf(LiveKnowledge.open(dir).current()));
      // the old knowledge was not touched: a build is made beside it
      expect(old.passageById.has('lighthouse-ceasefire#1')).toBe(false);
    },
    BUILDS,
  );

  it(
    'starts without a usable save by building in a worker, the event loop turning meanwhile',
    async () => {
      const dir = scratchCorpus();
      const heard: string[] = [];
      const { result: live, turns } = await turnsWhile(
        LiveKnowledge.load(dir, (m) => heard.push(m)),
        () => undefined,
      );
      expect(turns).toBeGreaterThan(10);
      expect(heard.some((m) => m.startsWith('building the knowledge base'))).toBe(true);
      expect(passagesOf(live.current())).toBe(passagesOf(LiveKnowledge.open(dir).current()));
      expect(found(new ConsoleSession(live, COMMANDS, 'json'), 'Raanan release').length).toBeGreaterThan(0);
    },
    BUILDS,
  );

  it(
    'starts from the save when there is one, and builds again when the save is damaged',
    async () => {
      const dir = scratchCorpus();
      const first = LiveKnowledge.open(dir); // built here, and saved
      const heard: string[] = [];
      await LiveKnowledge.load(dir, (m) => heard.push(m));
      expect(heard.some((m) => m.startsWith('building'))).toBe(false);
      writeFileSync(cacheFileOf(dir, loadCorpus(dir)), 'not a save');
      heard.length = 0;
      const again = await LiveKnowledge.load(dir, (m) => heard.push(m));
      expect(heard.find((m) => m.includes('cannot be read'))).toBeDefined();
      expect(heard.some((m) => m.startsWith('building'))).toBe(true);
      expect(passagesOf(again.current())).toBe(passagesOf(first.current()));
    },
    BUILDS,
  );

  it(
    'refuses a start on a broken corpus with a CorpusError naming the file',
    async () => {
      const dir = scratchCorpus();
      writeFileSync(join(dir, 'sources', 'broken-date.md'), testArticle('broken-date', ARTICLE, '2023-13-45'));
      const start = LiveKnowledge.load(dir);
      await expect(start).rejects.toBeInstanceOf(CorpusError);
      await expect(start).rejects.toThrow(/^sources\/broken-date\.md: field "published"/);
    },
    BUILDS,
  );
});
