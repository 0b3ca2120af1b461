/**
 * Passages saved as columns come back as the same passages: every field, in order, joined to their sources, with
 * texts that are not a stretch of the passage kept whole.
 */
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/corpus/source-schema.ts';
import type { KnownPassage } from '../../src/knowledge/knowledge.ts';
import { MissingSourceError, packPassages, unpackPassages } from '../../src/serving/saved-passages.ts';

const source = (id: string, paragraphs: string[] = []): Source => ({ id, file: `sources/${id}.md`, paragraphs }) as unknown as Source;
const harbor = source('harbor');
const ledger = source('ledger');

function passage(s: Source, n: number, text: string, extra: Partial<KnownPassage> = {}): KnownPassage {
  return {
    id: `${s.id}#${n}`,
    sourceId: s.id,
    n,
    paragraph: n,
    text,
    sentences: [{ text, start: 0, end: text.length }],
    source: s,
    dates: [],
    mentions: [],
    speakers: [],
    terms: [],
    ...extra,
  };
}

const TEXT = 'Mediators met in Doha on Tuesday. "We are close," the envoy said.';
const passages: KnownPassage[] = [
  passage(harbor, 1, TEXT, {
    sentences: [
      { text: 'Mediators met in Doha on Tuesday.', start: 0, end: 33 },
      { text: '"We are close," the envoy said.', start: 34, end: 65 },
    ],
    dates: [{ text: 'Tuesday', index: 25, iso: '2024-05-07', granularity: 'day', kind: 'weekday' }],
    mentions: [
      { entityId: 'doha', passageId: 'harbor#1', start: 17, end: 21, text: 'Doha', via: 'alias' },
      // a mention whose words are not the stretch its offsets give (written another way) is kept as it was
      { entityId: 'envoy', passageId: 'harbor#1', start: 54, end: 59, text: 'Envoy', via: 'short_form' },
    ],
    speakers: [{ speaker: 'the envoy', entityId: null, direct: true, quote: 'We are close,' }],
    terms: ['hostages', 'ceasefire'],
  }),
  passage(harbor, 2, 'No date here.'),
  passage(ledger, 1, 'Talks resumed in Cairo.', {
    sentences: [{ text: 'Talks resumed in Cairo!', start: 0, end: 23 }],
    speakers: [{ speaker: 'Qatar', entityId: 'qatar', direct: false, quote: null }],
    terms: ['aid'],
  }),
];

describe('passages saved as columns', () => {
  it('come back equal to the passages saved, joined to their sources', () => {
    const byId = new Map([harbor, ledger].map((s) => [s.id, s]));
    const back = unpackPassages(packPassages(passages), (id) => byId.get(id));
    expect(back).toEqual(passages);
    expect(back[2]?.source).toBe(ledger);
  });

  it('keep a text that differs from its stretch of the passage whole, and slice the others', () => {
    const saved = packPassages(passages);
    expect([...saved.mentions.whole.values()]).toEqual(['Envoy']);
    expect([...saved.sentences.whole.values()]).toEqual(['Talks resumed in Cairo!']);
    expect(saved.dates.whole.size).toBe(0);
  });

  it('read each text from its paragraph when the source still has it, and from the save when the source changed', () => {
    const paragraph = `Before the talks. ${TEXT}`;
    const saved = packPassages([{ ...passages[0], source: source('harbor', [paragraph]), paragraph: 1 } as KnownPassage]);
    expect(saved.paragraphStart[0]).toBe(paragraph.indexOf(TEXT));
    for (const now of [source('harbor', [paragraph]), source('harbor', ['An edited first paragraph.']), source('harbor', [])]) {
      expect(unpackPassages(saved, () => now)[0]?.text).toBe(TEXT);
    }
  });

  it('name the first source the corpus no longer has', () => {
    const saved = packPassages(passages);
    expect(() => unpackPassages(saved, (id) => (id === 'harbor' ? harbor : undefined))).toThrow(MissingSourceError);
    expect(() => unpackPassages(saved, (id) => (id === 'harbor' ? harbor : undefined))).toThrow(/ledger/);
  });

  it('refuse a passage whose id is not its source and number', () => {
    expect(() => packPassages([{ ...passages[1], id: 'harbor#9' } as KnownPassage])).toThrow(/harbor#9/);
  });
});
