/**
 * A running bot follows its corpus: an article added, changed or removed in CORPUS_DIR is answered from (or no
 * longer) within seconds, and a broken file leaves the previous corpus answering while the problem is reported.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { ConsoleSession } from '../../src/console/console-session.ts';
import { LiveKnowledge, type ReloadResult } from '../../src/serving/live-knowledge.ts';
import { scratchCorpus, testArticle } from '../helpers/corpus.ts';

const ARTICLE = 'The lighthouse keepers of Zanzibar agreed to a phased ceasefire on Wednesday, the mediators said.';

/** Resolves with the next reload a watcher reports. */
function nextReload(live: LiveKnowledge, stops: Array<() => void>): Promise<ReloadResult> {
  return new Promise((resolve) => stops.push(live.watch({ debounceMs: 50, pollMs: 200, onReload: resolve })));
}

describe('the live corpus', () => {
  const stops: Array<() => void> = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it('answers from an article written into the corpus while it runs', async () => {
    const dir = scratchCorpus();
    const live = LiveKnowledge.open(dir);
    const session = new ConsoleSession(live, COMMANDS, 'json');
    const before = JSON.parse(session.respond('/search lighthouse keepers Zanzibar')) as { found: boolean };
    expect(before.found).toBe(false);
    const reloaded = nextReload(live, stops);
    writeFileSync(join(dir, 'sources', 'lighthouse-ceasefire.md'), testArticle('lighthouse-ceasefire', ARTICLE));
    const result = await reloaded;
    expect(result).toMatchObject({ ok: true, added: ['lighthouse-ceasefire'], removed: [], changed: [] });
    const after = JSON.parse(session.respond('/search lighthouse keepers Zanzibar')) as {
      found: boolean;
      results: Array<{ passage_id: string }>;
    };
    expect(after.found).toBe(true);
    expect(after.results[0]?.passage_id).toBe('lighthouse-ceasefire#1');
  });

  it('answers as soon as the knowledge is read, and prepares what answers share meanwhile, before any reload', async () => {
    const dir = scratchCorpus();
    const heard: string[] = [];
    const live = LiveKnowledge.open(dir, (m) => heard.push(m));
    // answered in the same turn as the start: nothing waited for the preparation
    const first = JSON.parse(new ConsoleSession(live, COMMANDS, 'json').respond('/when Raanan release')) as { found: boolean };
    expect(first.found).toBe(true);
    expect(heard.some((m) => m.startsWith('prepared the answers'))).toBe(false);
    const events: string[] = [];
    const reload = live.reload().then(() => events.push('reload'));
    await live.preparing.then(() => events.push('prepared'));
    await reload;
    expect(events).toEqual(['prepared', 'reload']);
    expect(heard.filter((m) => /^prepared the answers in \d+ ms$/.test(m))).toHaveLength(1);
  });

  it('keeps answering from the previous corpus when a broken file arrives, and says which file and field', async () => {
    const dir = scratchCorpus();
    const live = LiveKnowledge.open(dir);
    const old = live.current();
    const reloaded = nextReload(live, stops);
    writeFileSync(join(dir, 'sources', 'broken-date.md'), testArticle('broken-date', ARTICLE, '2023-13-45'));
    const result = await reloaded;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^sources\/broken-date\.md: field "published"/);
    expect(live.current()).toBe(old);
    expect(new ConsoleSession(live, COMMANDS).respond('/who Barnea')).toContain('Barnea');
  });

  it('notices a changed and a removed source', async () => {
    const dir = scratchCorpus();
    writeFileSync(join(dir, 'sources', 'lighthouse-ceasefire.md'), testArticle('lighthouse-ceasefire', ARTICLE));
    const live = LiveKnowledge.open(dir);
    let reloaded = nextReload(live, stops);
    writeFileSync(join(dir, 'sources', 'lighthouse-ceasefire.md'), testArticle('lighthouse-ceasefire', `${ARTICLE} It begins on Sunday.`));
    expect(await reloaded).toMatchObject({ ok: true, changed: ['lighthouse-ceasefire'] });
    expect(live.current().passageById.get('lighthouse-ceasefire#1')?.text).toContain('It begins on Sunday.');
    stops.splice(0).forEach((stop) => stop());
    reloaded = nextReload(live, stops);
    renameSync(join(dir, 'sources', 'lighthouse-ceasefire.md'), join(dir, 'lighthouse-ceasefire.md.bak'));
    expect(await reloaded).toMatchObject({ ok: true, removed: ['lighthouse-ceasefire'] });
    expect(live.current().sourceById.has('lighthouse-ceasefire')).toBe(false);
  });

  it('runs reloads one at a time and switches only to a whole corpus', async () => {
    const dir = scratchCorpus();
    const live = LiveKnowledge.open(dir);
    writeFileSync(join(dir, 'sources', 'lighthouse-ceasefire.md'), testArticle('lighthouse-ceasefire', ARTICLE));
    const [first, second] = await Promise.all([live.reload(), live.reload()]);
    expect(first).toMatchObject({ ok: true, added: ['lighthouse-ceasefire'] });
    expect(second).toMatchObject({ ok: true, unchanged: true });
    rmSync(join(dir, 'entities.yaml'));
    writeFileSync(join(dir, 'entities.yaml'), readFileSync('corpus/entities.yaml', 'utf8').replace('entities:', 'entities: [oops'));
    const broken = await live.reload();
    expect(broken.ok).toBe(false);
    expect(live.current().sourceById.has('lighthouse-ceasefire')).toBe(true);
  });
});

describe('source changes applied to the running knowledge, not rebuilt, at every size', () => {
  // the bundled corpus is small: a change to sources is applied as an update all the same
  const open = (dir: string) => LiveKnowledge.open(dir);

  it('answers from an added article, a changed one and no longer from a removed one, as a rebuild would', async () => {
    const dir = scratchCorpus();
    const live = open(dir);
    writeFileSync(join(dir, 'sources', 'lighthouse-ceasefire.md'), testArticle('lighthouse-ceasefire', ARTICLE));
    expect(await live.reload()).toMatchObject({ ok: true, how: 'update', added: ['lighthouse-ceasefire'] });
    const session = new ConsoleSession(live, COMMANDS, 'json');
    const found = (q: string) =>
      (JSON.parse(session.respond(`/search ${q}`)) as { results: Array<{ passage_id: string }> }).results.map((r) => r.passage_id);
    expect(found('lighthouse keepers Zanzibar')[0]).toBe('lighthouse-ceasefire#1');
    writeFileSync(
      join(dir, 'sources', 'lighthouse-ceasefire.md'),
      testArticle('lighthouse-ceasefire', ARTICLE.replace('Zanzibar', 'Pemba')),
    );
    expect(await live.reload()).toMatchObject({ ok: true, how: 'update', changed: ['lighthouse-ceasefire'] });
    expect(found('lighthouse keepers Pemba')[0]).toBe('lighthouse-ceasefire#1');
    expect(live.current().passageById.get('lighthouse-ceasefire#1')?.text).not.toContain('Zanzibar');
    const updated = JSON.stringify(live.current().passages.map((p) => [p.id, p.dates, p.mentions]));
    const rebuilt = LiveKnowledge.open(dir).current();
    expect(JSON.stringify(rebuilt.passages.map((p) => [p.id, p.dates, p.mentions]))).toBe(updated);
    rmSync(join(dir, 'sources', 'lighthouse-ceasefire.md'));
    expect(await live.reload()).toMatchObject({ ok: true, how: 'update', removed: ['lighthouse-ceasefire'] });
    expect(found('lighthouse keepers Pemba')).not.toContain('lighthouse-ceasefire#1');
  });

  it('rebuilds when entities.yaml changes, and keeps serving when an added file is broken', async () => {
    const dir = scratchCorpus();
    const live = open(dir);
    const old = live.current();
    writeFileSync(join(dir, 'sources', 'broken-date.md'), testArticle('broken-date', ARTICLE, '2023-13-45'));
    expect((await live.reload()).ok).toBe(false);
    expect(live.current()).toBe(old);
    rmSync(join(dir, 'sources', 'broken-date.md'));
    writeFileSync(
      join(dir, 'entities.yaml'),
      readFileSync(join(dir, 'entities.yaml'), 'utf8').replace('[Israel, Israeli,', '[Zanzibar, Israel, Israeli,'),
    );
    expect(await live.reload()).toMatchObject({ ok: true, how: 'build' });
  }, 60_000);
});

describe.each([
  ['rebuilt: entities.yaml changed too', true, 'build'],
  ['updated', false, 'update'],
] as const)('answers worked out once per knowledge base follow a corpus change (%s)', (_what, entitiesToo, how) => {
  it('/terms with no topic and /timeline are prepared at start-up and show a deal added later', async () => {
    const dir = scratchCorpus();
    const live = LiveKnowledge.open(dir);
    const session = new ConsoleSession(live, COMMANDS, 'json');
    type Reply = { results: Array<{ passage_id: string; date?: string }>; notes: string[] };
    const before = JSON.parse(session.respond('/terms')) as Reply;
    expect(before.results[0]?.passage_id).not.toMatch(/^lighthouse/);
    const timelineBefore = JSON.parse(session.respond('/timeline')) as { total: number };
    writeFileSync(
      join(dir, 'sources', 'lighthouse-deal.md'),
      testArticle(
        'lighthouse-deal',
        'The lighthouse keepers agreed to a ceasefire deal on Wednesday, under which 12 hostages would be freed in exchange for 36 prisoners.',
        '2026-02-05',
      ),
    );
    if (entitiesToo)
      writeFileSync(
        join(dir, 'entities.yaml'),
        readFileSync(join(dir, 'entities.yaml'), 'utf8').replace('[Israel, Israeli,', '[Zanzibar, Israel, Israeli,'),
      );
    expect(await live.reload()).toMatchObject({ ok: true, how, added: ['lighthouse-deal'] });
    const after = JSON.parse(session.respond('/terms')) as Reply;
    expect(after.results[0]?.passage_id).toBe('lighthouse-deal#1');
    expect(after.notes.join(' ')).toMatch(/latest agreed deal \(2026-02-04/);
    const timelineAfter = JSON.parse(session.respond('/timeline')) as { total: number };
    expect(timelineAfter.total).toBe(timelineBefore.total + 1);
  }, 60_000); // a build starts a worker thread: seconds on a busy machine
});
