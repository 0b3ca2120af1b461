/**
 * A source that shows no year — a wire story whose dateline gives only "October 14", a page whose date line was
 * lost — still dates what it reports ("On September 29, …"): its yearless dates are placed in the year the rest of
 * the corpus suggests, said to be inferred wherever they are shown, and its publication date stays unknown. The
 * articles and people are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { answerWhen } from '../../src/answers/when.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { buildKnowledge, yearEvidence } from '../../src/knowledge/knowledge.ts';
import { inferSourceYear } from '../../src/knowledge/source-years.ts';
import { updateKnowledge } from '../../src/knowledge/update-knowledge.ts';
import { splitIntoPassages } from '../../src/passages/passage.ts';
import { renderText } from '../../src/render/render-text.ts';
import { emptyCorpus, testArticle, undatedArticle, writeSource } from '../helpers/corpus.ts';

const WIRE = undatedArticle(
  'wire-harbor-summit',
  [
    'US President Tom Ardent praised the mediators after the harbor summit in Aqaba, where the ceasefire plan was signed.',
    "On September 29, the White House released the president's twelve-point plan for the Gaza Strip.",
  ].join('\n\n'),
);

function corpusWith(extra: Record<string, string>): string {
  const dir = emptyCorpus();
  const dated: Array<[string, string, string]> = [
    ['lane-doha-talks', 'US President Maria Lane said the mediators in Doha had made progress on the hostage talks.', '2024-03-10'],
    ['lane-cairo-envoy', 'US President Maria Lane sent her envoy to Cairo to press for a ceasefire and a hostage release.', '2024-06-02'],
    [
      'ardent-aqaba-summit',
      'US President Tom Ardent said the harbor summit in Aqaba would seal the ceasefire plan for Gaza.',
      '2026-02-11',
    ],
    [
      'ardent-twelve-points',
      'US President Tom Ardent set out a twelve-point plan for the Gaza Strip ahead of the harbor summit.',
      '2026-03-04',
    ],
  ];
  for (const [id, body, published] of dated) writeSource(dir, id, testArticle(id, body, published));
  for (const [id, text] of Object.entries(extra)) writeSource(dir, id, text);
  return dir;
}

describe('the year of a source that shows none', () => {
  const knowledge = buildKnowledge(loadCorpus(corpusWith({ 'wire-harbor-summit': WIRE })));

  it('is the year of the sources most like it and of the titles it gives: its "September 29" is 2026-09-29, marked inferred', () => {
    const dates = knowledge.passageById.get('wire-harbor-summit#2')?.dates ?? [];
    expect(dates.map((d) => [d.iso, d.kind])).toEqual([['2026-09-29', 'year-inferred']]);
  });

  it('leaves the publication date unknown: only the yearless dates are placed', () => {
    expect(knowledge.sourceById.get('wire-harbor-summit')?.published).toBeNull();
  });

  it('says what the year was inferred from', () => {
    const source = knowledge.sourceById.get('wire-harbor-summit');
    if (!source) throw new Error('no source');
    const evidence = yearEvidence(knowledge);
    const inferred = inferSourceYear(source.id, splitIntoPassages(source), evidence);
    expect(inferred?.year).toBe(2026);
    expect(inferred?.evidence).toMatch(/Tom Ardent is called US President in sources from 2026/);
  });

  it('/when answers with the inferred date and tells the member that the year was inferred', () => {
    const answer = answerWhen(knowledge, 'Ardent twelve-point plan released');
    const top = answer.results[0];
    expect(top?.passage_id).toBe('wire-harbor-summit#2');
    expect(top?.date).toBe('2026-09-29');
    expect(top?.year_inferred).toBe(true);
    expect(renderText(answer)).toMatch(/event date 2026-09-29 \(day; “September 29”; the year inferred: its article shows none\)/);
  });

  it('a one-article update places the added source’s dates as a fresh build does', () => {
    const without = buildKnowledge(loadCorpus(corpusWith({})));
    const source = parseSourceFile(WIRE, 'wire-harbor-summit.md');
    const updated = updateKnowledge(without, { added: [source], removed: [] }).knowledge;
    expect(updated.passageById.get('wire-harbor-summit#2')?.dates.map((d) => d.iso)).toEqual(['2026-09-29']);
  });
});

describe('no year is given when the corpus cannot say', () => {
  it('a corpus of yearless sources alone leaves their dates unknown', () => {
    const dir = emptyCorpus();
    writeSource(dir, 'wire-harbor-summit', WIRE);
    const knowledge = buildKnowledge(loadCorpus(dir));
    expect(knowledge.passageById.get('wire-harbor-summit#2')?.dates).toEqual([]);
  });

  it('the evidence never places a page before a full date it gives itself', () => {
    const later = undatedArticle(
      'wire-looking-back',
      [
        'US President Maria Lane recalled the hostage talks in Doha that began on March 3, 2027.',
        'On May 5, the mediators in Doha met again with her envoy.',
      ].join('\n\n'),
    );
    const knowledge = buildKnowledge(loadCorpus(corpusWith({ 'wire-looking-back': later })));
    // the sources most alike are from 2024, but the page cannot be older than the 2027 it reports
    expect(knowledge.passageById.get('wire-looking-back#2')?.dates ?? []).toEqual([]);
  });
});

describe('"the president" is a person the source has named', () => {
  const knowledge = buildKnowledge(loadCorpus(corpusWith({ 'wire-harbor-summit': WIRE })));

  it('goes to the holder of that office the source named last', () => {
    const mentions = knowledge.passageById.get('wire-harbor-summit#2')?.mentions ?? [];
    expect(mentions.map((m) => [m.text, knowledge.entityById.get(m.entityId)?.name])).toEqual([['the president', 'Tom Ardent']]);
  });

  it('makes the passage findable by the name it never spells out', () => {
    expect(knowledge.index.find('Ardent released').map((h) => h.id)).toContain('wire-harbor-summit#2');
  });
});
