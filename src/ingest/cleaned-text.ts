/** What cleaning a raw text yields: the article and an account of what was kept and dropped. */
export interface CleanedText {
  title: string | null;
  authors: string[];
  /** A date the text states about itself, with the line that states it. */
  statedDate: { iso: string; evidence: string } | null;
  /** An outlet the text names for itself (an "(AP)" dateline, an HTML site name), with the evidence. */
  outletHint: { outlet: string; evidence: string } | null;
  paragraphs: string[];
  /** Credit lines after the article ("Abby Sewell contributed from Beirut."), kept for the notes. */
  credits: string[];
  /** One line per dropped block: why, and its first words. */
  dropped: string[];
}

/** Shortens a dropped block for the ingest report. */
export function preview(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Joins the wrapped lines of one paragraph, keeping a hyphen that ends a line ("Al-" + "Thani"). */
export function reflow(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    out = out === '' ? line : /[A-Za-z]-$/.test(out) ? out + line : `${out} ${line}`;
  }
  return out;
}
