/** Who published a page and whose story it is: the site's own name, and the credit the story carries. */
import { describe, expect, it } from 'vitest';
import { creditHint, isAgency, outletHints, storyCredit, trailingCredit } from '../../../src/ingest/metadata/outlet-hints.ts';
import { parseByline } from '../../../src/ingest/metadata/bylines.ts';
import { parseDateline } from '../../../src/ingest/metadata/datelines.ts';

const hint = (outlet: string) => ({ outlet, evidence: 'test' });

describe('deciding the outlet and what the page reports on', () => {
  it('the site is the outlet, and a credit naming another outlet is what it reports on', () => {
    expect(outletHints(hint('Harbour Ledger'), hint('Reuters'))).toEqual({
      outletHint: hint('Harbour Ledger'),
      reportsOnHint: hint('Reuters'),
    });
  });

  it('a site and a credit naming the same outlet are one outlet', () => {
    expect(outletHints(hint('Associated Press'), { outlet: 'AP', evidence: 'dateline' })).toEqual({
      outletHint: { outlet: 'The Associated Press', evidence: 'dateline' },
      reportsOnHint: null,
    });
  });

  it('with no site shown, an agency’s credit is only what the page reports on: who republished it stays unknown', () => {
    for (const agency of ['Agence France-Presse', 'Reuters', 'TASS', 'Agencies']) {
      expect(outletHints(null, hint(agency))).toEqual({ outletHint: null, reportsOnHint: hint(agency) });
    }
  });

  it('with no site shown, a credit naming an outlet that is no agency names the outlet', () => {
    expect(outletHints(null, hint('Harbour Ledger'))).toEqual({ outletHint: hint('Harbour Ledger'), reportsOnHint: null });
  });

  it('tells agencies from other outlets', () => {
    expect(['AFP', 'Associated Press', 'Agencies', 'wire services'].map(isAgency)).toEqual([true, true, true, true]);
    expect(['Harbour Ledger', 'The Cedar Post'].map(isAgency)).toEqual([false, false]);
  });
});

describe('the story’s credit', () => {
  it('comes from the dateline first, then the byline, then a credit line', () => {
    const line = hint('Harbour Ledger');
    expect(creditHint(parseDateline('DOVER (Reuters) - Crews met.'), parseByline('By AFP'), line)?.outlet).toBe('Reuters');
    expect(creditHint(null, parseByline('By AFP'), line)?.outlet).toBe('Agence France-Presse');
    expect(creditHint(null, null, line)).toBe(line);
  });

  it('reads credit lines in the forms pages print them', () => {
    expect(storyCredit('– AFP')?.outlet).toBe('Agence France-Presse');
    expect(storyCredit('—Reuters')?.outlet).toBe('Reuters');
    expect(storyCredit('This article was originally published in the Harbour Ledger.')?.outlet).toBe('Harbour Ledger');
    expect(storyCredit('Source: Cedar Post')?.outlet).toBe('Cedar Post');
    expect(storyCredit('Republished with permission from Harbour Ledger')?.outlet).toBe('Harbour Ledger');
  });

  it('is not a sentence that starts with a dash or mentions a source', () => {
    for (const line of [
      '– and the talks went on.',
      '– Monday',
      'Source: officials said the crews had agreed to meet again on Monday morning in the port.',
      'The source told the Harbour Ledger the crews had agreed.',
    ]) {
      expect(storyCredit(line), line).toBeNull();
    }
  });

  it('is read off the end of the last paragraph, which keeps its sentences', () => {
    expect(trailingCredit('The crews will meet again on Monday, the union said. – AFP')).toEqual({
      text: 'The crews will meet again on Monday, the union said.',
      credit: { outlet: 'Agence France-Presse', evidence: 'credit line "– AFP"' },
    });
    expect(trailingCredit('The crews will meet again on Monday. (Reuters)')?.credit.outlet).toBe('Reuters');
    expect(trailingCredit('The crews will meet again on Monday – the union said so.')).toBeNull();
  });
});
