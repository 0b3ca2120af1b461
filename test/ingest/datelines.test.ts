/** Datelines: the place and wire a story opens with. */
import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../src/ingest/datelines.ts';

describe('reading a dateline', () => {
  it.each([
    ['DOHA, Qatar (AP) — Israel and Hamas agreed…', 'DOHA, Qatar', 'The Associated Press', 'DOHA, Qatar (AP) —'],
    ['CAIRO (Reuters) - A Hamas delegation…', 'CAIRO', 'Reuters', 'CAIRO (Reuters) -'],
    ['JERUSALEM, Nov 24 (Reuters) - Thirteen Israelis…', 'JERUSALEM', 'Reuters', 'JERUSALEM, Nov 24 (Reuters) -'],
    ['Doha (AFP) - Qatar on Wednesday questioned…', 'Doha', 'Agence France-Presse', 'Doha (AFP) -'],
    ['MOSCOW, October 9. /TASS/. The Kremlin welcomes…', 'MOSCOW', 'TASS', 'MOSCOW, October 9. /TASS/.'],
    ['SHARM EL-SHEIKH, Egypt (AP) — Israel and Hamas…', 'SHARM EL-SHEIKH, Egypt', 'The Associated Press', 'SHARM EL-SHEIKH, Egypt (AP) —'],
    ['GAZA CITY — Residents returned…', 'GAZA CITY', null, 'GAZA CITY —'],
  ])('%s', (paragraph, place, wire, evidence) => {
    expect(parseDateline(paragraph)).toEqual({ place, wire, evidence });
  });

  it('a wire-only opening names the wire but no place', () => {
    expect(parseDateline('(CNN) — Talks resumed on Monday.')).toEqual({ place: null, wire: 'CNN', evidence: '(CNN) —' });
  });

  it('an ordinary first sentence has no dateline', () => {
    for (const p of ['Israel agreed on Saturday night to send a team.', 'Qatar’s prime minister (right) met envoys.', 'The U.S. — with Egypt — pressed Hamas.']) {
      expect(parseDateline(p), p).toBeNull();
    }
  });
});
