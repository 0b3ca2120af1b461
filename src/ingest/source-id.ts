/**
 * Source ids made from what a reader would call the article: its publication date and headline
 * ("2024-07-31-haniyeh-killing-in-tehran-leaves-gaza-truce"), or, for a text with no headline, the first words of
 * its first paragraph (after any dateline). Never from page furniture: the text has been cleaned first.
 */
import { parseDateline } from './metadata/datelines.ts';

/**
 * Lower-case ASCII words of `words` joined by hyphens, at most `maxWords` of them.
 *
 * @example
 * slugify('How the hostage deal came about') // → 'how-the-hostage-deal-came-about'
 * slugify('Qatar’s “offer”, accepted', 2)     // → 'qatars-offer'
 */
export function slugify(words: string, maxWords = 7): string {
  return words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .slice(0, maxWords)
    .join('-');
}

/** The longest id the schema allows (`SOURCE_ID`): 80 characters. */
const MAX_ID = 80;

/**
 * The id for a source: its date (when known) and the first seven words of its headline, or of its first paragraph
 * when it has no headline. Null when neither gives a word.
 *
 * @example
 * sourceId('2024-07-31', 'Qatar casts doubt on truce talks after Haniyeh killing', []) // → '2024-07-31-qatar-casts-doubt-on-truce-talks-after'
 * sourceId(null, null, ['DOHA (AP) — Talks resumed on Monday.'])                   // → 'talks-resumed-on-monday'
 */
export function sourceId(published: string | null, title: string | null, paragraphs: readonly string[]): string | null {
  let words = title ? slugify(title) : '';
  if (words === '') {
    const first = paragraphs[0] ?? '';
    const dateline = parseDateline(first);
    words = slugify(dateline ? first.slice(first.indexOf(dateline.evidence) + dateline.evidence.length) : first);
  }
  if (words === '') return null;
  let id = published ? `${published}-${words}` : words;
  while (id.length > MAX_ID && id.includes('-')) id = id.slice(0, id.lastIndexOf('-'));
  return id;
}
