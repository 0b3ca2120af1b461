/**
 * `/when` autocomplete finds its choices through an index of the labels' words, not by reading every label: the
 * choices must be exactly those a reading of the whole timeline gives — the first 25 distinct day-dated labels, in
 * timeline order, that contain every typed word (parts of words, dates and punctuation included) — also after a
 * one-article update added and removed labels.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventChoices } from '../../src/answers/event-choices.ts';
import { sentenceAt } from '../../src/answers/excerpt.ts';
import { prepareAnswers, prepareUpdatedAnswers } from '../../src/answers/prepare-answers.ts';
import { timelineOrder } from '../../src/answers/timeline.ts';
import { benchQueries } from '../bench/bench-queries.ts';
import { syntheticSourceFiles, writeSyntheticCorpus } from '../bench/synthetic-corpus.ts';
import { clipChoice } from '../../src/answers/choices.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';
import { updateKnowledge } from '../../src/knowledge/update-knowledge.ts';

const dir = mkdtempSync(join(tmpdir(), 'talks-event-choices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// enough passages that the labels outnumber the head read in order before the index of their words is asked
writeSyntheticCorpus(dir, { passages: 5000, seed: 7 });
const corpus = loadCorpus(dir);
const knowledge = prepareAnswers(buildKnowledge(corpus));
const queries = benchQueries({ entities: corpus.entities, texts: knowledge.passages.map((p) => p.text) }, { count: 200, seed: 5 });

/** What the user must get: every day-dated label read in timeline order, the first 25 that contain each typed word. */
function readingEveryLabel(k: Knowledge, typed: string): string[] {
  const words = typed
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const labels = timelineOrder(k)
    .filter((e) => e.date.granularity === 'day')
    .map((e) => `${e.date.iso} — ${e.passage.sentences[sentenceAt(e.passage, e.date.index)]?.text ?? e.passage.text}`);
  return [...new Set(labels.filter((l) => words.every((w) => l.toLowerCase().includes(w))))].slice(0, 25).map(clipChoice);
}

/** Typed text of every kind: prefixes of events, whole dates, words with punctuation, a word no label has, nothing. */
const typed = [
  ...queries.autocomplete.when,
  '',
  '   ',
  '2023',
  '-11-',
  ' — ',
  'released on',
  'hostages, said',
  'zzzqx',
  'e',
  'th he',
  ...knowledge.passages.slice(0, 40).map((p) => p.text.split(/\s+/).slice(2, 4).join(' ')),
];

describe('/when autocomplete', () => {
  it('offers the same choices as reading every label, for every kind of typed text', () => {
    expect(timelineOrder(knowledge).filter((e) => e.date.granularity === 'day').length).toBeGreaterThan(3000);
    expect(typed.filter((t) => eventChoices(knowledge, t).length > 0).length).toBeGreaterThan(typed.length / 2);
    for (const t of typed) expect(eventChoices(knowledge, t), t).toEqual(readingEveryLabel(knowledge, t));
  });

  it('offers the same choices after a one-article update as reading the updated timeline', () => {
    const file = syntheticSourceFiles({ passages: 40, seed: 99 })[0];
    if (!file) throw new Error('no synthetic article');
    const parsed = parseSourceFile(file.text, `sources/${file.fileName}`);
    const added = { ...parsed, id: `update-${parsed.id}`.slice(0, 80), file: `sources/update-${file.fileName}` };
    const removed = corpus.sources[0]?.id ?? '';
    const updated = prepareUpdatedAnswers(updateKnowledge(knowledge, { added: [added], removed: [removed] }));
    const newWords = added.paragraphs.flatMap((p) => p.split(/\s+/).slice(0, 2)).slice(0, 20);
    const goneWords = (corpus.sources[0]?.paragraphs ?? []).flatMap((p) => p.split(/\s+/).slice(0, 2)).slice(0, 20);
    for (const t of [...typed.slice(0, 100), ...newWords, ...goneWords])
      expect(eventChoices(updated, t), t).toEqual(readingEveryLabel(updated, t));
  });
});
