/** Date lines under a headline, in the forms news sites print them; a sentence that mentions a month is not one. */
import { describe, expect, it } from 'vitest';
import { isoDay, parseDateLine, pickPublished } from '../../../src/ingest/metadata/publication-date-lines.ts';

const dayOf = (line: string) => parseDateLine(line)?.[0]?.iso ?? null;

describe('reading a date line', () => {
  it.each([
    ['25 February, 2024', '2024-02-25'],
    ['Published: Wed 31 Jul 2024', '2024-07-31'],
    ['May 31, 2024 | 3:45 pm ET', '2024-05-31'],
    ['Updated 17 October 2024', '2024-10-17'],
    ['24 November 2023, 20:58 GMT', '2023-11-24'],
    ['Posted: Monday, November 27, 2023', '2023-11-27'],
    ['Published On 16 Jan 2025', '2025-01-16'],
    ['Oct. 9, 2025, 6:02 a.m. ET', '2025-10-09'],
    ['Thursday, October 9, 2025 7:40AM CDT', '2025-10-09'],
    ['9 Oct 2025, 11:05', '2025-10-09'],
    ['2024-07-31T14:05:00+03:00', '2024-07-31'],
    ['2024-07-31T23:30:00-04:00', '2024-07-31'],
    ['Last updated: Wed 31 Jul 2024 - 19:20', '2024-07-31'],
    ['Fri 24 Nov 2023 10.20 GMT', '2023-11-24'],
    ['Wednesday 15 January 2025 22:22, UK', '2025-01-15'],
    ['Updated: 14 Oct 2025 - 10:05 (Moscow time)', '2025-10-14'],
    ['Published: 3rd March 2024 9:41 am IST', '2024-03-03'],
  ])('"%s" → %s', (line, iso) => {
    expect(dayOf(line)).toBe(iso);
  });

  it('keeps the whole line as evidence and tells "Updated" from "Published"', () => {
    expect(parseDateLine('Last updated: Wed 31 Jul 2024 - 19:20')).toEqual([
      { iso: '2024-07-31', kind: 'updated', evidence: 'Last updated: Wed 31 Jul 2024 - 19:20' },
    ]);
    expect(parseDateLine('Published 30 Jul 2024 Updated 31 Jul 2024')?.map((d) => [d.iso, d.kind])).toEqual([
      ['2024-07-30', 'published'],
      ['2024-07-31', 'updated'],
    ]);
  });

  it('prefers the published date when a page shows both', () => {
    const lines = [...(parseDateLine('Updated 17 October 2024') ?? []), ...(parseDateLine('Published 16 October 2024') ?? [])];
    expect(pickPublished(lines)?.iso).toBe('2024-10-16');
    expect(pickPublished(parseDateLine('Updated 17 October 2024') ?? [])?.iso).toBe('2024-10-17');
  });

  it('never reads a sentence, a date without a year, or a day that does not exist', () => {
    for (const line of [
      'Talks may resume in March.',
      'On May 31, 2024, Biden set out the plan.',
      'May 31',
      'Updated 2 hours ago',
      'Updated [hour]:[minute] [AMPM] [timezone], [monthFull] [day], [year]',
      '31 February 2024',
      'Palestinians wait in Rafah. Photo by Yusuf Daoud | Published 16 Jan 2025 14:10 GMT',
    ]) {
      expect(parseDateLine(line), line).toBeNull();
    }
  });

  it('reads the day of an ISO timestamp as written', () => {
    expect(isoDay('2025-10-13T09:12:00+03:00')).toBe('2025-10-13');
    expect(isoDay('not a date')).toBeNull();
  });
});
