/**
 * A picture label never says less than its source in a way that turns it: the words are cut only at the end of a
 * clause, always with "…"; a cut at a word that would drop a negation, a condition or a time bound gives no words at
 * all; and a date that is a bound ("before Friday", "not until March") stays in the words. The sentences are written
 * to break the rule.
 */
import { describe, expect, it } from 'vitest';
import { fitStatement } from '../../../src/render/timeline-picture/label-text.ts';
import { textWidth } from '../../../src/render/timeline-picture/picture-fonts.ts';
import { eventWords } from '../../../src/render/timeline-picture/timeline-points.ts';

const SIZE = 22;
/** A width that holds `kept` and "…", and not one word more. */
const roomFor = (kept: string) => textWidth(`${kept}…`, SIZE) + 1;

describe('a label cut to its width', () => {
  it('is cut at the end of a clause, with "…"', () => {
    const text = 'Talks continued, and no hostages were to be released before Friday';
    expect(fitStatement(text, roomFor('Talks continued, and no hostages were'), SIZE)).toBe('Talks continued…');
  });

  it('keeps the longest whole clauses that fit', () => {
    const text = 'The cabinet met at night, the envoys waited in Doha, and the vote was put off';
    expect(fitStatement(text, roomFor('The cabinet met at night, the envoys waited in Doha, and the'), SIZE)).toBe(
      'The cabinet met at night, the envoys waited in Doha…',
    );
  });

  it.each([
    ['Aid trucks will cross unless the inspections are suspended again', 'Aid trucks will cross'],
    ['The prisoners will be freed not until the last hostage is home', 'The prisoners will be freed'],
    ['The envoy said the crossing would open only for medical cases', 'The envoy said the crossing would open'],
    ['Hostages were handed over without any of the promised guarantees', 'Hostages were handed over'],
  ])('with no clause that fits, gives no words rather than drop what turns them: "%s"', (text, kept) => {
    expect(fitStatement(text, roomFor(kept), SIZE)).toBe('');
  });

  it('with no clause that fits, cuts at a word when nothing cut off turns the meaning', () => {
    const text = 'Mediators in Doha exchanged written drafts with both delegations overnight';
    expect(fitStatement(text, roomFor('Mediators in Doha exchanged written drafts'), SIZE)).toBe(
      'Mediators in Doha exchanged written drafts…',
    );
  });

  it('is left whole when it fits', () => {
    expect(fitStatement('The truce held', 500, SIZE)).toBe('The truce held');
  });
});

describe('the words of a dated statement', () => {
  it('drop a date that only says when ("On Wednesday")', () => {
    expect(eventWords('On Wednesday, the cabinet signed off.', 'On Wednesday')).toBe('The cabinet signed off');
  });

  it.each([
    ['No hostages were to be released before Friday.', 'Friday', 'No hostages were to be released before Friday'],
    ['The crossing stays shut until Sunday.', 'Sunday', 'The crossing stays shut until Sunday'],
    ['The vote will not come before March 3.', 'March 3', 'The vote will not come before March 3'],
  ])('keep a date that is a bound: "%s"', (sentence, date, words) => {
    expect(eventWords(sentence, date)).toBe(words);
  });
});

describe('a clause cut', () => {
  it('never drops the condition or time bound of what it keeps', () => {
    const text = 'Aid will flow through Rafah, unless the talks fail, the officials said';
    // no cut before "unless": the words run on into the condition, and "…" shows it goes on
    expect(fitStatement(text, roomFor('Aid will flow through Rafah, unless the'), SIZE)).toBe('Aid will flow through Rafah, unless the…');
    expect(fitStatement(text, roomFor('Aid will flow through Rafah, unless the talks fail, the'), SIZE)).toBe(
      'Aid will flow through Rafah, unless the talks fail…',
    );
  });
});
