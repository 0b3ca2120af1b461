/**
 * A picture label never says less than its source in a way that turns it: the words are cut only at the end of a
 * clause, always with "…"; a cut at a word that would drop a negation, a condition or a time bound gives no words at
 * all; and a date that is a bound ("before Friday", "not until March") stays in the words. The sentences are written
 * to break the rule.
 */
import { describe, expect, it } from 'vitest';
import { fitStatement } from '../../../src/render/timeline-picture/label-text.ts';
import { textWidth } from '../../../src/render/timeline-picture/picture-fonts.ts';
import { dateClause, eventWords } from '../../../src/answers/picture/picture-data.ts';

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

describe('a label is the clause its date belongs to', () => {
  it('leaves out who reports it: the label is what was reported', () => {
    expect(
      dateClause('Writers at the paper said in a joint report that, hours after the attack on Oct. 7, envoys called Doha', 'Oct. 7'),
    ).toBe('hours after the attack on Oct. 7, envoys called Doha');
    expect(dateClause('The book quoted a former chief as saying that aid entered Gaza on Saturday', 'on Saturday')).toBe(
      'aid entered Gaza on Saturday',
    );
  });

  it('keeps a reporting frame that leaves too little, or that comes after the date', () => {
    expect(dateClause('Officials said that on Friday it ended', 'on Friday')).toBe('Officials said that on Friday it ended');
    expect(dateClause('On Friday the envoy said that talks would go on', 'On Friday')).toBe(
      'On Friday the envoy said that talks would go on',
    );
  });

  it('gives each of two dates in one sentence its own clause', () => {
    const sentence = "Israel may have allowed aid into Gaza on Saturday morning in light of the captives' release on Friday night";
    expect(dateClause(sentence, 'on Friday night', ['on Saturday morning'])).toBe("the captives' release on Friday night");
    expect(dateClause(sentence, 'on Saturday morning', ['on Friday night'])).toBe(
      'Israel may have allowed aid into Gaza on Saturday morning',
    );
  });

  it('cuts no clause that would say less than three words besides its date', () => {
    expect(dateClause('On Friday, talks resumed in Doha, and on Monday a deal was struck', 'On Friday', ['on Monday'])).toBe(
      'On Friday, talks resumed in Doha',
    );
    expect(dateClause('On Friday, talks resumed, and on Monday a deal was struck', 'On Friday', ['on Monday'])).toBe(
      'On Friday, talks resumed, and on Monday a deal was struck',
    );
    expect(dateClause('On Friday, talks resumed on Monday', 'On Friday', ['on Monday'])).toBe('On Friday, talks resumed on Monday');
  });

  it('leaves a sentence with one date and no frame as it is', () => {
    const sentence = 'Hamas released two captives on Friday following Qatari mediation';
    expect(dateClause(sentence, 'on Friday')).toBe(sentence);
  });
});
