/** Datelines: the place and wire a story opens with. */
import { describe, expect, it } from 'vitest';
import { parseDateline, withoutDateline } from '../../../src/ingest/metadata/datelines.ts';

describe('reading a dateline', () => {
  it.each([
    ['DOHA, Qatar (AP) — Israel and Hamas agreed…', 'DOHA, Qatar', 'The Associated Press', 'DOHA, Qatar (AP) —'],
    ['CAIRO (Reuters) - A Hamas delegation…', 'CAIRO', 'Reuters', 'CAIRO (Reuters) -'],
    ['JERUSALEM, Nov 24 (Reuters) - Thirteen Israelis…', 'JERUSALEM', 'Reuters', 'JERUSALEM, Nov 24 (Reuters) -'],
    ['Doha (AFP) - Qatar on Wednesday questioned…', 'Doha', 'Agence France-Presse', 'Doha (AFP) -'],
    ['MOSCOW, October 9. /TASS/. The Kremlin welcomes…', 'MOSCOW', 'TASS', 'MOSCOW, October 9. /TASS/.'],
    ['SHARM EL-SHEIKH, Egypt (AP) — Israel and Hamas…', 'SHARM EL-SHEIKH, Egypt', 'The Associated Press', 'SHARM EL-SHEIKH, Egypt (AP) —'],
    ['GAZA CITY — Residents returned…', 'GAZA CITY', null, 'GAZA CITY —'],
    ['DOVER - The ferry crews…', 'DOVER', null, 'DOVER -'],
    ['Dover: The ferry crews…', 'Dover', null, 'Dover:'],
    ['New Haven: The ferry crews…', 'New Haven', null, 'New Haven:'],
    ['DOVER : The ferry crews…', 'DOVER', null, 'DOVER :'],
    ['CALAIS (Harbour Ledger) — The ferry crews…', 'CALAIS', 'Harbour Ledger', 'CALAIS (Harbour Ledger) —'],
    ['DOVER (Agencies) - The ferry crews…', 'DOVER', 'Agencies', 'DOVER (Agencies) -'],
  ])('%s', (paragraph, place, wire, evidence) => {
    expect(parseDateline(paragraph)).toEqual({ place, wire, evidence });
  });

  it('a wire-only opening names the wire but no place', () => {
    expect(parseDateline('(CNN) — Talks resumed on Monday.')).toEqual({ place: null, wire: 'CNN', evidence: '(CNN) —' });
  });

  it('a credit that is not a wire names the outlet', () => {
    expect(parseDateline('(HPN) — The ferry crews met on Monday.')).toEqual({ place: null, wire: 'HPN', evidence: '(HPN) —' });
  });

  it('comes off the paragraph, which then opens with the story’s first word', () => {
    const paragraph = 'DOVER (AP) — The ferry crews met on Monday.';
    const dateline = parseDateline(paragraph);
    expect(dateline && withoutDateline(paragraph, dateline)).toBe('The ferry crews met on Monday.');
  });

  it('an ordinary first sentence has no dateline', () => {
    for (const p of [
      'Israel agreed on Saturday night to send a team.',
      'Qatar’s prime minister (right) met envoys.',
      'The U.S. — with Egypt — pressed Hamas.',
      'Breaking: The ferry crews walked out.',
      'Castell: We will not return until Monday.',
      'Ferry-port talks resumed on Monday.',
      'Update: Talks resumed.',
    ]) {
      expect(parseDateline(p), p).toBeNull();
    }
  });
});
