/** What a passage holds that a question can ask for, read once when it is indexed. */
import { describe, expect, it } from 'vitest';
import { featuresOf, INTENT_BITS, PLAN_BIT } from '../../src/search/passage-features.ts';

describe('featuresOf', () => {
  it('marks a number and the words it counts, worded as a plan', () => {
    const f = featuresOf('Hamas would free 50 hostages');
    expect(f.has & INTENT_BITS.number).not.toBe(0);
    expect(f.has & PLAN_BIT).not.toBe(0);
    expect(f.number).toBe(' hostag ');
    expect(f.duration).toBe('');
  });

  it('marks a duration and what it lasts, a date, and a year that is not a number', () => {
    const f = featuresOf('The four-day truce began on Friday in 2023');
    expect(f.has & INTENT_BITS.duration).not.toBe(0);
    expect(f.has & INTENT_BITS.date).not.toBe(0);
    expect(f.duration).toContain(' truce ');
    expect(featuresOf('It happened in 2023.').has & INTENT_BITS.number).toBe(0);
  });

  it('reads what happened as no plan', () => {
    expect(featuresOf('Hamas freed 13 hostages.').has & PLAN_BIT).toBe(0);
  });
});
