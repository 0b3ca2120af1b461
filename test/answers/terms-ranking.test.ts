/**
 * `/terms` reads what was worked out at index time and orders only the page it shows (and the margin copies are
 * looked for in) instead of sorting every statement of a topic: its answers stay exactly those of the algorithm
 * before, recorded once in `golden/terms-before.json` (see golden/README.md), on the bundled corpus and on a synthetic
 * one of 6,000 passages, for every benchmark question, on the first two pages — and after a one-article update,
 * `/terms` and `/when` answer as after a fresh build.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareAnswers, prepareUpdatedAnswers } from '../../src/answers/prepare-answers.ts';
import { answerTerms } from '../../src/answers/terms.ts';
import { answerWhen } from '../../src/answers/when.ts';
import { writeSyntheticCorpus } from '../bench/synthetic-corpus.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';
import { updateKnowledge } from '../../src/knowledge/update-knowledge.ts';
import { scratchCorpus, testArticle } from '../helpers/corpus.ts';
import { type GoldenCorpus, type GoldenFile, goldenOf, PAGE_SIZE, PAGES, passagesDigest } from './golden/terms-golden.ts';

/** The answers of the algorithm before, for each question, on each corpus. */
const golden = JSON.parse(readFileSync(join(import.meta.dirname, 'golden', 'terms-before.json'), 'utf8')) as GoldenFile;

/** The first two pages of five, as JSON: what a member sees, and the page after. */
const pages = (answer: (limit: number, offset: number) => unknown) => [0, 5].map((offset) => JSON.stringify(answer(5, offset)));

function expectSameAnswers(knowledge: Knowledge, recorded: GoldenCorpus) {
  // the answers were recorded on these passages: other passages would make every comparison below fail for no fault of /terms
  expect(passagesDigest(knowledge.passages), 'the passages the golden answers were recorded on (see golden/README.md)').toEqual(
    recorded.passages,
  );
  expect(recorded.answers.length).toBeGreaterThan(0);
  for (const before of recorded.answers) {
    const asked = before.question === '' ? null : before.question;
    expect(
      goldenOf(
        before.question,
        PAGES.map((offset) => answerTerms(knowledge, asked, PAGE_SIZE, offset)),
      ),
      `/terms ${before.question}`,
    ).toEqual(before);
  }
}

const synthetic = mkdtempSync(join(tmpdir(), 'talks-terms-ranking-'));
afterAll(() => rmSync(synthetic, { recursive: true, force: true }));

describe('/terms ranking only the page it shows', () => {
  it('answers as the algorithm before on the bundled corpus', () => {
    expectSameAnswers(prepareAnswers(buildKnowledge(loadCorpus('corpus'))), golden.bundled);
  });

  it('answers as the algorithm before on a synthetic corpus of 6,000 passages', () => {
    writeSyntheticCorpus(synthetic, golden.synthetic.options);
    expectSameAnswers(prepareAnswers(buildKnowledge(loadCorpus(synthetic))), golden.synthetic);
  }, 240_000);

  it('follows a one-article update as it follows a fresh build', () => {
    const article = testArticle(
      'harbor-terms-update',
      [
        'Israel and Hamas agreed on Thursday to extend the truce by two days, under which 20 more hostages would be freed in exchange for 60 Palestinian prisoners.',
        'Aid trucks would enter Gaza at a rate of 200 per day during the six-day pause, officials said.',
      ].join('\n\n'),
      '2023-11-28',
    );
    const dir = scratchCorpus();
    const before = prepareAnswers(buildKnowledge(loadCorpus(dir)));
    const file = 'harbor-terms-update.md';
    const updated = prepareUpdatedAnswers(
      updateKnowledge(before, { added: [parseSourceFile(article, `sources/${file}`)], removed: ['cnn-retold-blinken-warns-qatar'] }),
    );
    writeFileSync(join(dir, 'sources', file), article);
    rmSync(join(dir, 'sources', 'cnn-retold-blinken-warns-qatar.md'));
    const fresh = prepareAnswers(buildKnowledge(loadCorpus(dir)));
    for (const topic of ['hostages', 'aid', 'ratio', 'how long is the pause', 'how many hostages', 'prisoners for each hostage']) {
      expect(
        pages((limit, offset) => answerTerms(updated, topic, limit, offset)),
        topic,
      ).toEqual(pages((limit, offset) => answerTerms(fresh, topic, limit, offset)));
    }
    for (const event of ['pause was extended', 'truce extended by two days', 'aid trucks entered']) {
      expect(
        pages((limit, offset) => answerWhen(updated, event, limit, offset)),
        event,
      ).toEqual(pages((limit, offset) => answerWhen(fresh, event, limit, offset)));
    }
    expect(answerTerms(updated, 'aid trucks per day').results.map((r) => r.passage_id)).toContain('harbor-terms-update#2');
  });
});
