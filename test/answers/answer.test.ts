/** A passage as a quote result: the one builder every command's results come from. */
import { describe, expect, it } from 'vitest';
import { NOT_ENGLISH_HINT, quoteOf, sourceRef, writtenMostlyOutsideLatin } from '../../src/answers/answer.ts';
import { answerSearch } from '../../src/answers/search.ts';
import type { Source } from '../../src/corpus/source-schema.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const source: Source = {
  id: 'harbour-voices',
  title: 'Harbour strike talks resume',
  outlet: 'Coast Gazette',
  authors: ['Ana Ruiz'],
  published: '2025-02-10',
  published_basis: { kind: 'stated', evidence: 'Published 10 February 2025' },
  url: 'https://example.org/harbour',
  language: 'en',
  notes: '',
  paragraphs: ['Union leader Mira Castell met the harbour board on Monday. No agreement on night shifts was reached.'],
  file: 'sources/harbour-voices.md',
};
const passage = { id: 'harbour-voices#1', text: source.paragraphs[0] ?? '', source };

describe('a passage as a quote result', () => {
  it('quotes the whole passage, names its id and its source, and scores 1 when nothing else is given', () => {
    expect(quoteOf(passage)).toEqual({ quote: passage.text, passage_id: 'harbour-voices#1', source: sourceRef(source), score: 1 });
  });

  it('shows the excerpt and the score a command gives instead', () => {
    const r = quoteOf(passage, { quote: 'Union leader Mira Castell met the harbour board on Monday. …', score: 0.412 });
    expect(r.quote).toBe('Union leader Mira Castell met the harbour board on Monday. …');
    expect(r.score).toBe(0.412);
    expect(r.source.outlet).toBe('Coast Gazette');
  });

  it('adds what the command adds after the attribution, in the order given, as the JSON shows it', () => {
    const r = quoteOf(passage, { date: '2025-02-10', granularity: 'day', date_text: 'on Monday', date_basis: 'quote', topics: ['ratio'] });
    expect(Object.keys(r)).toEqual([
      'quote',
      'passage_id',
      'source',
      'score',
      'date',
      'granularity',
      'date_display',
      'date_text',
      'date_basis',
      'topics',
    ]);
  });

  it('keeps a command’s own fields for its ranking', () => {
    expect(quoteOf(passage, { score: 2, strong: true }).strong).toBe(true);
  });
});

describe('a question in another script that finds nothing', () => {
  it('is told the sources are in English, once, after what was not found', () => {
    const answer = answerSearch(bundledKnowledge(), 'متى أطلق سراح الرهائن في غزة');
    expect(answer.found).toBe(false);
    expect(answer.notes.at(-1)).toBe(NOT_ENGLISH_HINT);
    expect(answer.notes.filter((n) => n === NOT_ENGLISH_HINT)).toHaveLength(1);
  });

  it('is not told so when asked in English, or when it is mostly English with a word of Arabic', () => {
    expect(answerSearch(bundledKnowledge(), 'zzqxv flurbo').notes).not.toContain(NOT_ENGLISH_HINT);
    expect(writtenMostlyOutsideLatin('Hamas حماس ceasefire talks')).toBe(false);
    expect(writtenMostlyOutsideLatin('متى أطلق سراح الرهائن؟')).toBe(true);
    expect(writtenMostlyOutsideLatin('Когда освободили заложников?')).toBe(true);
    expect(writtenMostlyOutsideLatin('2023-11-24 ?!')).toBe(false);
  });
});
