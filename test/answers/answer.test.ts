/** A passage as a quote result: the one builder every command's results come from. */
import { describe, expect, it } from 'vitest';
import { quoteOf, sourceRef } from '../../src/answers/answer.ts';
import type { Source } from '../../src/corpus/source-schema.ts';

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
    expect(Object.keys(r)).toEqual(['quote', 'passage_id', 'source', 'score', 'date', 'granularity', 'date_text', 'date_basis', 'topics']);
  });

  it('keeps a command’s own fields for its ranking', () => {
    expect(quoteOf(passage, { score: 2, strong: true }).strong).toBe(true);
  });
});
