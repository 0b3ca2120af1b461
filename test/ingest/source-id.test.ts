/** Source ids from the headline and the date, never from furniture. */
import { describe, expect, it } from 'vitest';
import { cleanRawText } from '../../src/ingest/read/clean-raw-text.ts';
import { slugify, sourceId } from '../../src/ingest/source-id.ts';

describe('source ids', () => {
  it('slugify: lower-case ASCII words joined by hyphens', () => {
    expect(slugify('How the hostage deal came about')).toBe('how-the-hostage-deal-came-about');
    expect(slugify('Qatar’s “offer” — accepted; Hamas’ reply', 3)).toBe('qatars-offer-accepted');
    expect(slugify('Sheikh Mohammed Al-Thani in Doha', 10)).toBe('sheikh-mohammed-al-thani-in-doha');
  });

  it('are the date and the first seven words of the headline', () => {
    expect(sourceId('2024-07-31', 'Qatar casts doubt on truce talks after Haniyeh killing', [])).toBe(
      '2024-07-31-qatar-casts-doubt-on-truce-talks-after',
    );
    expect(sourceId(null, 'Who is at the table?', [])).toBe('who-is-at-the-table');
  });

  it('without a headline, come from the first paragraph after its dateline', () => {
    expect(sourceId('2024-08-25', null, ['CAIRO (Reuters) - A Hamas delegation was in Cairo on Sunday.'])).toBe(
      '2024-08-25-a-hamas-delegation-was-in-cairo-on',
    );
    expect(sourceId(null, null, [])).toBeNull();
  });

  it('stay within the 80 characters a source id may have, cut at a word', () => {
    const id =
      sourceId(
        '2024-07-31',
        'Extraordinarily-long-compound-headline-words everywhere internationally-coordinated negotiations reconvene',
        [],
      ) ?? '';
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).not.toMatch(/-$/);
  });

  it('never come from page furniture', () => {
    const page = [
      'Skip to content',
      'Share',
      'Menu',
      'World',
      'Politics',
      '',
      'Ferry crews agree on a night-time timetable',
      '',
      'Published: Thu 13 Mar 2025',
      '',
      'Share',
      '',
      'The ferry crews of the northern strait settled on a timetable after a week of talks.',
    ].join('\n');
    const cleaned = cleanRawText(page);
    expect(sourceId(cleaned.statedDate?.iso ?? null, cleaned.title, cleaned.paragraphs)).toBe(
      '2025-03-13-ferry-crews-agree-on-a-night-time',
    );
  });
});
