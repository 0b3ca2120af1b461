/** The measure of what ingest reads: each field judged right, missed, wrong or invented against what the page shows. */
import { describe, expect, it } from 'vitest';
import type { SourceMeta } from '../../src/corpus/source-schema.ts';
import { judge, readTruth } from './ingest-metadata.ts';

const table = [
  'nn\ttitle\toutlet\treports_on\tpublished\tauthors\tnotes',
  '01\tFerry strike ends\t\tAFP\t2024-03-05\tMira Castell\t',
  '02\t\t\t\t\t\tthe text says "told the Harbour Ledger" [ok outlet=Harbour Ledger]',
  '03\t\tPortWire\t\t\t\tdateline credit [either-field]',
].join('\n');
const [page1, page2, page3] = readTruth(table);
const meta = (fields: Partial<SourceMeta>): SourceMeta => ({
  id: 'x',
  title: null,
  outlet: null,
  authors: [],
  published: null,
  published_basis: { kind: 'unknown', evidence: '' },
  language: 'en',
  notes: '',
  ...fields,
});

describe('judging what ingest read against what the page shows', () => {
  it('a value the page shows, read the same (a wire by any of its names), is right; read otherwise it is wrong', () => {
    expect(judge(page1!, 'reports_on', meta({ reports_on: 'Agence France-Presse' })).verdict).toBe('right');
    expect(judge(page1!, 'title', meta({ title: 'Ferry Strike Ends.' })).verdict).toBe('right');
    expect(judge(page1!, 'authors', meta({ authors: ['Omar Sandqvist'] })).verdict).toBe('wrong');
    expect(judge(page1!, 'published', meta({})).verdict).toBe('missed');
  });

  it('a value the page does not show is invented, unless the notes allow it or the date says it was inferred', () => {
    expect(judge(page1!, 'outlet', meta({ outlet: 'Agence France-Presse' })).verdict).toBe('invented');
    expect(judge(page2!, 'outlet', meta({ outlet: 'Harbour Ledger' })).verdict).toBe('right');
    expect(judge(page2!, 'outlet', meta({})).verdict).toBe('blank');
    expect(
      judge(page2!, 'published', meta({ published: '2024-03-05', published_basis: { kind: 'inferred', evidence: 'worked out' } })).verdict,
    ).toBe('blank');
    expect(
      judge(page2!, 'published', meta({ published: '2024-03-05', published_basis: { kind: 'stated', evidence: 'line' } })).verdict,
    ).toBe('invented');
  });

  it('where the outlet and the wire are one name, either field holding it is right', () => {
    expect(judge(page3!, 'outlet', meta({ reports_on: 'PortWire' })).verdict).toBe('right');
    expect(judge(page3!, 'reports_on', meta({ outlet: 'PortWire' })).verdict).toBe('right');
    expect(judge(page3!, 'outlet', meta({ outlet: 'Other' })).verdict).toBe('wrong');
  });
});
