import { describe, expect, it } from 'vitest';
import { bodyFingerprint, DuplicateIndex, findDuplicate, NEAR_CONTAINMENT, normaliseText, shingleSet } from '../../src/corpus/duplicates.ts';
import type { Source } from '../../src/corpus/source-schema.ts';

// Texts written for these tests: an invented wire story, its copies, and a different article on the same event.
const WIRE = [
  'Negotiators in Doha reached a tentative arrangement late on Tuesday that would pause the fighting for five days and allow the release of a first group of captives, two officials familiar with the talks said.',
  'Under the arrangement, which still needs the approval of both governments, fifty civilians held in the territory would be handed over in stages, while trucks carrying fuel and medicine would be allowed through the southern crossing.',
  '“We are closer than we have been at any point,” one of the officials said, adding that the mediators’ patience had been “stretched to its limit” by last-minute demands.',
  'The officials, who spoke on condition of anonymity because they were not authorised to discuss the negotiations, cautioned that the deal could still collapse over the order in which names would be exchanged.',
  'Mediators shuttled between the two delegations for most of the night — passing written proposals back and forth in a hotel conference room that had been cleared of staff.',
  'A spokeswoman for the mediating government said only that progress had been made and that further meetings were planned for the coming days.',
  'Families of the captives gathered outside the parliament building on Wednesday morning, holding photographs and calling on their leaders to accept the terms without further delay.',
  'Aid groups welcomed the prospect of a pause, saying hospitals in the north had run out of anaesthetic and that clean water was being rationed to a single litre per person each day.',
  'The talks are expected to resume on Thursday, when a technical team will review the lists of names and the logistics of the handovers.',
];

/** The same story as another site prints it: straight quotes, a spaced dash, stray spaces, two paragraphs run together. */
const RESTYLED = [
  WIRE[0],
  `${WIRE[1]}  ${WIRE[2]}`.replace(/[“”]/g, '"').replace(/’/g, "'"),
  ...WIRE.slice(3, 5).map((p) => p.replace(' — ', '\u00a0-- ')),
  ...WIRE.slice(5).map((p) => ` ${p.replace(/ /g, '  ')} `),
] as string[];

/** The wire copy a regional paper ran: one sentence reworded, the aid paragraph dropped, a line of its own added. */
const REPUBLISHED = [
  ...WIRE.slice(0, 5),
  'A spokeswoman for the government hosting the talks would say only that there had been progress and that more meetings were planned.',
  WIRE[6],
  WIRE[8],
  'This article includes reporting from the paper’s regional desk.',
] as string[];

/** A different article about the same night: the same names, places and numbers, written by someone else. */
const SAME_EVENT = [
  'A five-day pause in the fighting moved closer on Tuesday night after mediators in Doha secured a tentative arrangement between the two sides, according to two officials briefed on the talks.',
  'The first group of captives to be released would include fifty civilians, the officials said, and fuel and medicine would be allowed in through the southern crossing once the handovers began.',
  'Both governments must still approve the terms. One official described the mood in the hotel where the delegations met as tense, with proposals exchanged on paper through the night.',
  'Outside the parliament building on Wednesday, relatives of the captives held up photographs and urged their leaders to accept the arrangement.',
  'A technical team is due to meet on Thursday to go through the lists of names.',
];

function source(id: string, paragraphs: readonly string[]): Source {
  return {
    id,
    title: null,
    outlet: null,
    authors: [],
    published: '2023-11-21',
    published_basis: { kind: 'stated', evidence: 'test text' },
    language: 'en',
    notes: '',
    paragraphs: [...paragraphs],
    file: `sources/${id}.md`,
  };
}

const wire = source('wire-story', WIRE);
const other = source('other-story', SAME_EVENT);

describe('bodyFingerprint', () => {
  it('is the same for bodies that differ only in white space, quote style, dashes, paragraph breaks and case', () => {
    expect(bodyFingerprint(RESTYLED)).toBe(bodyFingerprint(WIRE));
    expect(bodyFingerprint(WIRE.map((p) => p.toUpperCase()))).toBe(bodyFingerprint(WIRE));
    expect(bodyFingerprint(['Caf\u0065\u0301 talks'])).toBe(bodyFingerprint(['Caf\u00e9 talks']));
    expect(bodyFingerprint(WIRE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a word changes', () => {
    expect(bodyFingerprint(WIRE.map((p) => p.replace('fifty', 'sixty')))).not.toBe(bodyFingerprint(WIRE));
  });

  it('folds quotes, dashes and spacing in normaliseText', () => {
    expect(normaliseText('Qatar’s  “offer”—accepted')).toBe('qatar\'s "offer" - accepted');
  });
});

describe('findDuplicate', () => {
  it('finds an exact copy that differs only in white space and quote style', () => {
    expect(findDuplicate(RESTYLED, [other, wire])).toEqual({ kind: 'exact', source: wire, similarity: 1 });
  });

  it('finds the wire copy with a reworded sentence and a dropped paragraph as a near duplicate', () => {
    const found = findDuplicate(REPUBLISHED, [other, wire]);
    expect(found?.kind).toBe('near');
    expect(found?.source.id).toBe('wire-story');
    expect(found?.similarity).toBeGreaterThan(0.75);
  });

  it('does not mistake a different article on the same event for a copy', () => {
    expect(findDuplicate(SAME_EVENT, [wire])).toBeNull();
    const shared = shingleSet(SAME_EVENT).filter((h) => shingleSet(WIRE).includes(h)).length;
    expect(shared / shingleSet(SAME_EVENT).length).toBeLessThan(NEAR_CONTAINMENT / 5);
  });

  it('handles empty and one-paragraph texts', () => {
    expect(findDuplicate([], [wire])).toBeNull();
    expect(findDuplicate(['', '  '], [wire])).toBeNull();
    expect(findDuplicate(['Talks resume Thursday.'], [wire])).toBeNull();
    expect(findDuplicate([WIRE[0] as string], [wire, source('lede-only', [WIRE[0] as string])])).toMatchObject({ kind: 'exact', source: { id: 'lede-only' } });
    // a brief that is the wire's first paragraph, word for word, republishes it
    expect(findDuplicate([WIRE[0] as string], [wire])).toMatchObject({ kind: 'near', source: { id: 'wire-story' }, similarity: 1 });
    // one shared sentence in a text of its own is a quotation, not a copy
    expect(findDuplicate([`${WIRE[8]} ${SAME_EVENT.join(' ')}`], [wire])).toBeNull();
  });

  it('checks a text against 5,000 sources with one index', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = [...new Set([...WIRE, ...SAME_EVENT].join(' ').split(/\s+/))];
    const sentence = () => Array.from({ length: 30 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
    const sources = Array.from({ length: 5000 }, (_v, i) => source(`generated-${i}`, Array.from({ length: 12 }, sentence)));
    sources.splice(3100, 0, wire);
    const index = new DuplicateIndex(sources);
    expect(index.find(REPUBLISHED)?.source.id).toBe('wire-story');
    expect(index.find(SAME_EVENT)).toBeNull();
    expect(index.find(sources[42]?.paragraphs.slice(2) ?? [])).toMatchObject({ kind: 'near', source: { id: 'generated-42' } });
  });
});
