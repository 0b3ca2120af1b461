/** Splitting a page saved as text into what a reader sees: wrapped paragraphs joined, separate lines kept apart. */
import { describe, expect, it } from 'vitest';
import { textUnits, wrapThreshold } from '../../../src/ingest/read/text-units.ts';

const WRAPPED = [
  'Doha (AFP) - Qatar on Wednesday questioned how talks on a Gaza truce could go',
  'on after the political leader was killed, warning that the attack threatened',
  'months of mediation.',
  '',
  'By AFP',
  'Published: Wed 31 Jul 2024',
  '',
  'Haniyeh died in a strike on the building where he was staying in Tehran, hours',
  'after he had attended the swearing-in of the new president, officials said.',
  '',
  'Related',
  'Who was the political leader?',
  'Iran vows revenge after the killing in Tehran',
  '',
  'Egypt said the strike and its timing pointed to a lack of will to calm the',
  'situation, and warned of a dangerous escalation in the region, and the Al-',
  'Thani government said its mediators would keep working with both sides for',
  'as long as it took to bring the captives home and end the war in the Strip.',
].join('\n');

describe('units of a text page', () => {
  it('joins hard-wrapped lines into paragraphs but keeps a byline, a date line and link titles apart', () => {
    expect(textUnits(WRAPPED).map((u) => u.text)).toEqual([
      'Doha (AFP) - Qatar on Wednesday questioned how talks on a Gaza truce could go on after the political leader was killed, warning that the attack threatened months of mediation.',
      'By AFP',
      'Published: Wed 31 Jul 2024',
      'Haniyeh died in a strike on the building where he was staying in Tehran, hours after he had attended the swearing-in of the new president, officials said.',
      'Related',
      'Who was the political leader?',
      'Iran vows revenge after the killing in Tehran',
      'Egypt said the strike and its timing pointed to a lack of will to calm the situation, and warned of a dangerous escalation in the region, and the Al-Thani government said its mediators would keep working with both sides for as long as it took to bring the captives home and end the war in the Strip.',
    ]);
  });

  it('a page copied with one line per paragraph is not wrapped: every line is a unit', () => {
    const copied = [
      'Israel sends negotiators to Doha after Paris talks',
      'Mediators hope to secure a six-week pause before Ramadan',
      'By Marta Olsen',
      `${'Israel agreed on Saturday night to send a team of negotiators to Qatar, '.repeat(2)}officials said.`,
      `${'The Paris meeting brought together the heads of the intelligence services. '.repeat(3)}`,
    ].join('\n');
    expect(wrapThreshold([copied.split('\n')])).toBe(Infinity);
    expect(textUnits(copied)).toHaveLength(5);
  });

  it('needs several wrapped lines before it joins any: a short text keeps its lines apart', () => {
    expect(textUnits('Talks resume in Doha after a week of silence from both sides\nBy Jane Roe').map((u) => u.text)).toEqual([
      'Talks resume in Doha after a week of silence from both sides',
      'By Jane Roe',
    ]);
  });

  it('strips bullets and numbers its blocks', () => {
    const units = textUnits('     * World\n     * Politics\n\nThe talks resumed.');
    expect(units.map((u) => [u.text, u.bullet, u.block])).toEqual([
      ['World', true, 0],
      ['Politics', true, 0],
      ['The talks resumed.', false, 1],
    ]);
  });
});
