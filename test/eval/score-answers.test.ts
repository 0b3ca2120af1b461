/** The evaluation scorer's definitions (hit@k, MRR, date@k, verbatim), checked on answers written for the test. */
import { describe, expect, it } from 'vitest';
import { answersIn, commandLine, isVerbatim, rankOf, scoreAnswers, type EvalQuestion, type EvalReply } from './score-answers.ts';

const question = (id: string, cmd: string, expectRegexes: string[], date?: string): EvalQuestion => ({
  id,
  cmd,
  q: id,
  expect: expectRegexes,
  ...(date ? { date } : {}),
});
const result = (quote: string, date?: string) => ({ quote, source: { id: 's1' }, ...(date ? { date } : {}) });
const bodies = new Map([
  ['s1', 'Witkoff, the envoy, met al-Hayya in Doha on Sunday. Talks resumed on Friday in Cairo. "It is done," he said.'],
]);

describe('the evaluation scorer', () => {
  it('asks a question as one console line', () => {
    expect(commandLine({ id: 'x', cmd: 'search', q: ' Qatar\n mediation ', expect: [] })).toBe('/search Qatar mediation');
  });

  it('reads one answer per JSON line that has a results array', () => {
    expect(answersIn('{"results":[]}\nwarming up\n{"x":1}\n{"results":[{"quote":"q"}]}\n')).toEqual([
      { results: [] },
      { results: [{ quote: 'q' }] },
    ]);
  });

  it('ranks the first quote that matches every regex, within what one embed field shows', () => {
    expect(rankOf([result('Barnea'), result('witkoff, the ENVOY')], ['Witkoff', 'envoy'])).toBe(1);
    expect(rankOf([result('Witkoff'), result('the envoy')], ['Witkoff', 'envoy'])).toBe(-1);
    expect(rankOf([result(`${'x'.repeat(1020)} Witkoff`)], ['Witkoff'])).toBe(-1);
  });

  it('counts a quote verbatim when each fragment between ellipses is in the body, quotes and spaces folded', () => {
    expect(isVerbatim('Witkoff, the envoy, met al-Hayya … resumed on Friday', bodies.get('s1') ?? '')).toBe(true);
    expect(isVerbatim('“It is done,”   he said.', bodies.get('s1') ?? '')).toBe(true);
    expect(isVerbatim('Talks resumed on Friday in Doha.', bodies.get('s1') ?? '')).toBe(false);
  });

  it('adds up hit@1, hit@3, MRR@3, date@3, verbatim and a line per command; an error is a miss, not a dated question', () => {
    const questions = [
      question('a', 'who', ['Witkoff']),
      question('b', 'when', ['resumed'], '2025-03'),
      question('c', 'who', ['Zini']),
      question('d', 'when', ['x'], '2024'),
    ];
    const replies: EvalReply[] = [
      { results: [result('Witkoff, the envoy, met al-Hayya in Doha on Sunday.')] },
      { results: [result('It is done', '2024-01-02'), result('Talks resumed on Friday in Cairo.', '2025-03-07')] },
      { results: [result('Talks resumed on Friday in Rome.')] },
      { error: 'no answer' },
    ];
    const score = scoreAnswers(questions, replies, bodies);
    expect(score.summary).toBe('questions=4 errors=1 hit@1=25.0% hit@3=50.0% MRR@3=0.375 date@3=100.0% verbatim=75.0%');
    expect(score.perCommand).toBe('who 1/2 (50.0%) · when 1/2 (50.0%), date@3 1/1 (100.0%)');
    expect(score.misses.map((m) => m.split(' ')[0])).toEqual(['NOT-VERBATIM', 'MISS', 'ERROR']);
  });
});
