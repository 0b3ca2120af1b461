/** Deals recognised from the passages that state terms: their status from the verbs, grouped by date. */
import { describe, expect, it } from 'vitest';
import { isUnrelatedSwap, statusOf } from '../../src/deals/deals.ts';

describe('deal status', () => {
  it('reads the furthest status a passage reports', () => {
    expect(statusOf('Israel and Hamas agreed to a ceasefire deal on Wednesday.')).toBe('agreed');
    expect(statusOf('The ceasefire took effect at noon on Friday.')).toBe('in force');
    expect(statusOf('The truce collapsed on Friday morning.')).toBe('collapsed');
    expect(statusOf('Hamas rejected the proposal.')).toBe('rejected');
    expect(statusOf('Mediators put forward a new proposal.')).toBe('proposed');
  });

  it('does not take a hedged agreement for a deal agreed', () => {
    expect(statusOf('Hamas seemingly agreed to the parameters of a deal, officials said.')).not.toBe('agreed');
    expect(statusOf('Israel could have agreed to a ceasefire deal within days.')).not.toBe('agreed');
    expect(statusOf('The sides had reportedly agreed to a truce, but neither confirmed it.')).not.toBe('agreed');
    // the hedge is on one statement only: another, plain, still counts
    expect(statusOf('Talks seemingly agreed to a deal stalled; on Friday the sides agreed to a four-day truce.')).toBe('agreed');
  });

  it('does not take agreeing to something else for a deal', () => {
    expect(statusOf('Israel agreed to send a team of negotiators to Qatar.')).not.toBe('agreed');
    expect(statusOf('The Israelis have not yet agreed to consider it.')).not.toBe('agreed');
  });

  it('tells a prisoner swap outside the talks from the hostage deal', () => {
    expect(isUnrelatedSwap(['Last month, Qatar managed to secure a milestone US-Iran prisoner swap.'])).toBe(true);
    expect(isUnrelatedSwap(['The swap of hostages for Palestinian prisoners began on Friday.'])).toBe(false);
  });
});
