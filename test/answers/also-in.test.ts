import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import { areCopies, collapseCopies } from '../../src/answers/collapse-copies.ts';
import { answerSearch } from '../../src/answers/search.ts';
import { answerTimeline } from '../../src/answers/timeline.ts';
import { answerWhen } from '../../src/answers/when.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { renderAnswerMessage } from '../../src/interactions/quote-replies/render-answer-message.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { renderJson } from '../../src/render/render-json.ts';
import { renderText } from '../../src/render/render-text.ts';
import { bundledKnowledge, emptyCorpus, writeSource } from '../helpers/corpus.ts';

// Texts written for this test. Alpha and Beta carry the same sentence (Beta with straight quotes), Gamma a lightly
// edited version of it, Delta the same sentence a week later (so its "Wednesday" is another day).
const SHARED =
  'The mediators announced on Wednesday that the first exchange of captives would take place at the northern checkpoint at dawn, a step both sides called “long overdue.”';
const EDITED =
  'The mediators announced on Wednesday that the first exchange of captives would happen at the northern checkpoint at dawn, a step both sides called “long overdue.”';

function article(id: string, outlet: string, published: string, paragraphs: string[]): string {
  return `---
id: ${id}
title: A test article from ${outlet}
outlet: ${outlet}
authors: []
published: ${published}
published_basis:
  kind: stated
  evidence: written for the test
language: en
---

${paragraphs.join('\n\n')}
`;
}

const dir = emptyCorpus();
writeSource(
  dir,
  'alpha-wire',
  article('alpha-wire', 'Alpha Wire', '2023-11-23', [
    SHARED,
    'Officials in the capital declined to say how many people would be freed in the first group.',
  ]),
);
writeSource(
  dir,
  'beta-daily',
  article('beta-daily', 'Beta Daily', '2023-11-23', [
    'Crowds gathered in the square as news of the arrangement spread through the city.',
    SHARED.replace(/[“”]/g, '"'),
  ]),
);
writeSource(
  dir,
  'gamma-times',
  article('gamma-times', 'Gamma Times', '2023-11-23', [EDITED, 'Gamma Times could not confirm the number of people involved.']),
);
writeSource(
  dir,
  'delta-weekly',
  article('delta-weekly', 'Delta Weekly', '2023-11-30', [SHARED, 'The weekly summary appears every Thursday.']),
);
const knowledge = buildKnowledge(loadCorpus(dir));
afterAll(() => rmSync(dir, { recursive: true }));

const outletsOf = (answer: Answer, i: number) => [
  answer.results[i]?.source.outlet,
  ...(answer.results[i]?.also_in ?? []).map((a) => a.outlet),
];

describe('a passage that several sources carry', () => {
  it('is grouped once, at knowledge build, across sources and quote styles', () => {
    const group = knowledge.copyGroupOf.get('alpha-wire#1');
    expect(group).toBeDefined();
    expect(knowledge.copyGroupOf.get('beta-daily#2')).toBe(group);
    expect(knowledge.copyGroupOf.get('delta-weekly#1')).toBe(group);
    expect(knowledge.copyGroupOf.has('gamma-times#1')).toBe(false);
  });

  it('/search shows it once, with also_in naming the other outlets, and total counts the collapsed list', () => {
    const answer = answerSearch(knowledge, 'first exchange of captives northern checkpoint');
    expect(answer.total).toBe(1);
    expect(answer.results).toHaveLength(1);
    expect(outletsOf(answer, 0).sort()).toEqual(['Alpha Wire', 'Beta Daily', 'Delta Weekly', 'Gamma Times']);
    const first = answer.results[0];
    expect(first?.also_in?.every((a) => a.passage_id.startsWith(`${a.source_id}#`) && a.published !== null)).toBe(true);
  });

  it('/when shows copies that give the same date once, and keeps a copy that gives another date without a disagreement', () => {
    const answer = answerWhen(knowledge, 'first exchange of captives');
    expect(answer.results.map((r) => r.date)).toEqual(['2023-11-22', '2023-11-29']);
    expect(answer.total).toBe(2);
    expect(outletsOf(answer, 0).sort()).toEqual(['Alpha Wire', 'Beta Daily', 'Gamma Times']);
    expect(outletsOf(answer, 1)).toEqual(['Delta Weekly']);
    expect(answer.notes.join(' ')).not.toMatch(/disagree/);
  });

  it('/timeline gives the date once per copy group', () => {
    const dates = answerTimeline(knowledge, 50).results.filter((r) => /exchange of captives/.test(r.quote));
    expect(dates.map((r) => [r.date, r.also_in?.length ?? 0])).toEqual([
      ['2023-11-22', 2],
      ['2023-11-29', 0],
    ]);
  });

  it('renders also in as text, on Discord and in JSON', () => {
    const answer = answerSearch(knowledge, 'first exchange of captives northern checkpoint');
    expect(renderText(answer)).toMatch(/also in: [A-Z][a-z]+ [A-Z][a-z]+ \(2023-11-(23|30)\), .* \(2023-11-(23|30)\)/);
    const field = renderAnswerMessage(answer, { offset: 0, private: true }).embeds[0]?.fields?.[0]?.value ?? '';
    expect(field).toMatch(/also in: /);
    expect(field.length).toBeLessThanOrEqual(1024);
    expect((JSON.parse(renderJson(answer)) as Answer).results[0]?.also_in).toHaveLength(3);
  });

  it('collapses a list once: collapsing its result again changes nothing', () => {
    const results = answerSearch(knowledge, 'northern checkpoint', 50).results;
    expect(collapseCopies(knowledge, results)).toEqual(results);
    const [a] = results;
    expect(a && areCopies(knowledge, a, a)).toBe(false);
  });

  it('leaves the bundled corpus answers as they were: no passage there has a copy', () => {
    const bundled = bundledKnowledge();
    expect(bundled.copyGroupOf.size).toBe(0);
    for (const q of ['communications cell', 'Qatar', 'hostages released', 'cease-fire']) {
      expect(answerSearch(bundled, q, 100).results.some((r) => r.also_in)).toBe(false);
    }
    expect(answerTimeline(bundled, 1000).results.some((r) => r.also_in)).toBe(false);
  });
});
