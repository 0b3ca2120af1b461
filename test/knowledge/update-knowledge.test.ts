/**
 * A one-article update gives the knowledge a fresh build of the changed corpus gives — the same passages, word
 * statistics, copy groups, entity passages and answers — and adding then removing an article gives back the
 * knowledge from before. The articles are written for these tests and name only entities the corpus already knows,
 * since an update does not look for new people (see `update-knowledge.ts`).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { prepareAnswers, prepareUpdatedAnswers } from '../../src/answers/prepare-answers.ts';
import { runCommand } from '../../src/commands/run-command.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';
import { updateKnowledge } from '../../src/knowledge/update-knowledge.ts';
import { suggestionsOf } from '../helpers/answering-command.ts';
import { scratchCorpus, testArticle } from '../helpers/corpus.ts';

const HARBOR = testArticle(
  'harbor-ledger-crossings',
  [
    'Hamas and Israel traded accusations on Sunday over the slow opening of the crossings, a week into the ceasefire.',
    'Aid convoys waited for hours at the border while inspectors checked each truck, according to two officials briefed on the talks.',
    'Qatar and Egypt urged both sides to keep to the timetable for the next hostage release, which was due on Thursday.',
  ].join('\n\n'),
  '2025-01-26',
);

const QUESTIONS: Array<[string, Record<string, unknown>]> = [
  ['search', { text: 'crossings aid convoys inspectors' }],
  ['search', { text: 'communications cell' }],
  ['search', { text: 'Blinkin Doha' }],
  ['who', { name: 'Qatari prime minister' }],
  ['who', { name: 'Hamas' }],
  ['when', { event: 'next hostage release' }],
  ['when', { event: 'Raanans freed' }],
  ['terms', {}],
  ['terms', { topic: 'hostage release timetable' }],
  ['timeline', {}],
];

const answers = (k: Knowledge) =>
  QUESTIONS.map(([name, input]) =>
    JSON.stringify(runCommand(COMMANDS, name, input, { knowledge: prepareAnswers(k), page: { limit: 5, offset: 0 } })),
  );

/** What an update must leave as a fresh build would: everything but object identity and copy-group numbers. */
function plain(k: Knowledge) {
  const partition = (m: Map<string, number>) => {
    const groups = new Map<number, string[]>();
    for (const [id, g] of m) groups.set(g, [...(groups.get(g) ?? []), id]);
    return [...groups.values()].map((ids) => ids.sort().join(' ')).sort();
  };
  return {
    sources: k.corpus.sources.map((s) => s.id),
    passages: k.passages.map(({ source, ...p }) => ({ ...p, source: source.id })),
    byId: [...k.passageById.keys()].sort(),
    df: new Map([...k.wordStats.df].sort()),
    capitals: new Map([...k.wordStats.capitals].sort()),
    copies: partition(k.copyGroupOf),
    byText: [...k.passagesByText.values()].map((ps) => ps.map((p) => p.id).join(' ')).sort(),
    byEntity: new Map([...k.passagesByEntity].map(([id, ps]) => [id, ps.map((p) => p.id)] as const).sort()),
    entities: k.allEntities,
  };
}

/** The index's own statistics: the word counts that decide typo lookups and the weights of rare words. */
const indexStats = (k: Knowledge) => {
  const { miniSearch, features, ...rest } = k.index.toSnapshot();
  // features come in the order of the index's own document numbers, which an update gives out differently
  return { ...rest, features: new Map(miniSearch.ids.map((id, i) => [id, [features.has[i], features.number[i], features.duration[i]]])) };
};

const sourceOf = (text: string, file: string) => parseSourceFile(text, `sources/${file}`);

describe('a one-article update', () => {
  it('adds an article as a fresh build of the corpus with it would', () => {
    const dir = scratchCorpus();
    const before = buildKnowledge(loadCorpus(dir));
    const updated = updateKnowledge(before, { added: [sourceOf(HARBOR, 'harbor-ledger-crossings.md')], removed: [] }).knowledge;
    writeFileSync(join(dir, 'sources', 'harbor-ledger-crossings.md'), HARBOR);
    const fresh = buildKnowledge(loadCorpus(dir));
    expect(plain(updated)).toEqual(plain(fresh));
    expect(indexStats(updated)).toEqual(indexStats(fresh));
    expect(answers(updated)).toEqual(answers(fresh));
    // the new article answers at once
    expect(answers(updated)[0]).toContain('harbor-ledger-crossings#2');
  });

  it('carries the prepared answers over — timeline, deal order, autocomplete — as preparing them afresh would', async () => {
    const dir = scratchCorpus();
    const before = prepareAnswers(buildKnowledge(loadCorpus(dir)));
    const updated = prepareUpdatedAnswers(
      updateKnowledge(before, { added: [sourceOf(HARBOR, 'harbor-ledger-crossings.md')], removed: ['cnn-retold-blinken-warns-qatar'] }),
    );
    writeFileSync(join(dir, 'sources', 'harbor-ledger-crossings.md'), HARBOR);
    rmSync(join(dir, 'sources', 'cnn-retold-blinken-warns-qatar.md'));
    const fresh = prepareAnswers(buildKnowledge(loadCorpus(dir)));
    const pages = (k: Knowledge) =>
      [0, 5, 10, 40].flatMap((offset) =>
        ['timeline', 'terms'].map((name) => JSON.stringify(runCommand(COMMANDS, name, {}, { knowledge: k, page: { limit: 5, offset } }))),
      );
    expect(pages(updated)).toEqual(pages(fresh));
    for (const typed of ['', 'release', 'thursday', 'war cabinet']) {
      expect(await suggestionsOf('when', 'event', typed, updated)).toEqual(await suggestionsOf('when', 'event', typed, fresh));
    }
    expect(JSON.stringify(runCommand(COMMANDS, 'timeline', {}, { knowledge: updated, page: { limit: 100, offset: 0 } }))).toContain(
      'harbor-ledger-crossings#3',
    );
  });

  it('gives back the knowledge from before when the article is removed again', () => {
    const dir = scratchCorpus();
    const original = buildKnowledge(loadCorpus(dir));
    const expected = { plain: plain(original), stats: indexStats(original), answers: answers(original) };
    const added = updateKnowledge(original, { added: [sourceOf(HARBOR, 'harbor-ledger-crossings.md')], removed: [] }).knowledge;
    const removed = updateKnowledge(added, { added: [], removed: ['harbor-ledger-crossings'] }).knowledge;
    expect(plain(removed)).toEqual(expected.plain);
    expect(indexStats(removed)).toEqual(expected.stats);
    expect(answers(removed)).toEqual(expected.answers);
  });

  it('replaces a changed article: its old passages are no longer found, its new ones are', () => {
    const dir = scratchCorpus();
    writeFileSync(join(dir, 'sources', 'harbor-ledger-crossings.md'), HARBOR);
    const before = buildKnowledge(loadCorpus(dir));
    const edited = HARBOR.replace('Aid convoys waited for hours', 'Fuel tankers queued overnight');
    const updated = updateKnowledge(before, {
      added: [sourceOf(edited, 'harbor-ledger-crossings.md')],
      removed: ['harbor-ledger-crossings'],
    }).knowledge;
    writeFileSync(join(dir, 'sources', 'harbor-ledger-crossings.md'), edited);
    const fresh = buildKnowledge(loadCorpus(dir));
    expect(plain(updated)).toEqual(plain(fresh));
    expect(answers(updated)).toEqual(answers(fresh));
    expect(updated.index.find('fuel tankers queued overnight')[0]?.id).toBe('harbor-ledger-crossings#2');
    expect(updated.index.find('convoys waited for hours').map((h) => h.id)).not.toContain('harbor-ledger-crossings#2');
  });

  it('finds a republished paragraph a copy of the original, and forgets the copy when the republisher goes', () => {
    const dir = scratchCorpus();
    const before = buildKnowledge(loadCorpus(dir));
    const original = before.passages.find((p) => p.text.length > 200 && p.sourceId === 'cnn-retold-blinken-warns-qatar');
    if (!original) throw new Error('the bundled corpus has no long CNN paragraph');
    const copy = sourceOf(testArticle('wire-copy', `${original.text}\n\nThe wire service said the account was unchanged.`), 'wire-copy.md');
    const updated = updateKnowledge(before, { added: [copy], removed: [] }).knowledge;
    writeFileSync(
      join(dir, 'sources', 'wire-copy.md'),
      testArticle('wire-copy', `${original.text}\n\nThe wire service said the account was unchanged.`),
    );
    expect(updated.copyGroupOf.get('wire-copy#1')).toBe(updated.copyGroupOf.get(original.id));
    expect(updated.copyGroupOf.get('wire-copy#1')).toBeDefined();
    expect(plain(updated).copies).toEqual(plain(buildKnowledge(loadCorpus(dir))).copies);
    const gone = updateKnowledge(updated, { added: [], removed: ['wire-copy'] }).knowledge;
    expect(gone.copyGroupOf.has(original.id)).toBe(false);
    rmSync(join(dir, 'sources', 'wire-copy.md'));
  });
});
