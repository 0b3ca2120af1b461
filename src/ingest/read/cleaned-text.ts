/** What cleaning a raw text yields: the article, what the page says about it, and what was kept and dropped. */
export interface CleanedText {
  /** The headline, or null when the page shows none. Never part of `paragraphs`. */
  title: string | null;
  /** The sub-heading (standfirst) under the headline, or null. Never part of `paragraphs`. */
  subtitle: string | null;
  authors: string[];
  /** A date the text states about itself, with the line that states it. */
  statedDate: { iso: string; evidence: string } | null;
  /**
   * Who published the page: the site's own name when the page shows it (og:site_name, JSON-LD publisher, a
   * "© 2024 Site Name" footer, a "Headline | Site" title), else the wire of the dateline or byline.
   */
  outletHint: { outlet: string; evidence: string } | null;
  /** The wire whose story this is, when the page's own site is another outlet (an AP story on a local paper's site). */
  reportsOnHint: { outlet: string; evidence: string } | null;
  /** The dateline the first paragraph opens with ("DOHA, Qatar (AP) —"): the place, and the wire when it names one. */
  dateline: { place: string; wire: string | null; evidence: string } | null;
  /** The page's canonical address (HTML `<link rel="canonical">` or og:url), else null. */
  url: string | null;
  paragraphs: string[];
  /** A final paragraph that stops mid-sentence (a truncated copy), removed from `paragraphs` so it is never quoted. */
  truncated: { text: string } | null;
  /** Credit lines after the article ("Abby Sewell contributed from Beirut."), kept for the notes. */
  credits: string[];
  /** One entry per dropped line or block: its text (shortened) and why it was dropped. */
  dropped: Array<{ text: string; reason: string }>;
}

/**
 * Shortens a dropped block for the ingest report.
 *
 * @example
 * preview('Advertisement') // → 'Advertisement'
 */
export function preview(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
