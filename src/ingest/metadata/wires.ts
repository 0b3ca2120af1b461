/**
 * News agencies ("wires") as pages name them in datelines and bylines — "(AP)", "/TASS/", "By AFP",
 * "…, Associated Press" — and the full names the corpus records for them.
 */

const WIRES: ReadonlyArray<{ name: string; forms: readonly string[]; sites: readonly string[] }> = [
  { name: 'The Associated Press', forms: ['AP', 'The Associated Press', 'Associated Press', 'AP News'], sites: ['apnews.com', 'ap.org'] },
  { name: 'Reuters', forms: ['Reuters', 'Thomson Reuters'], sites: ['reuters.com'] },
  { name: 'Agence France-Presse', forms: ['AFP', 'Agence France-Presse', 'Agence France Presse', 'France-Presse'], sites: ['afp.com'] },
  { name: 'TASS', forms: ['TASS', 'ITAR-TASS'], sites: ['tass.com', 'tass.ru'] },
  { name: 'United Press International', forms: ['UPI', 'United Press International'], sites: ['upi.com'] },
  { name: 'Deutsche Presse-Agentur', forms: ['dpa', 'DPA', 'Deutsche Presse-Agentur'], sites: ['dpa.com'] },
  { name: 'Xinhua', forms: ['Xinhua', 'Xinhua News Agency'], sites: ['xinhuanet.com', 'news.cn'] },
  { name: 'Anadolu Agency', forms: ['Anadolu', 'Anadolu Agency', 'AA'], sites: ['aa.com.tr'] },
  { name: 'Qatar News Agency', forms: ['QNA', 'Qatar News Agency'], sites: ['qna.org.qa'] },
  { name: 'WAFA', forms: ['WAFA'], sites: ['wafa.ps', 'english.wafa.ps'] },
  { name: 'Kuwait News Agency', forms: ['KUNA'], sites: ['kuna.net.kw'] },
  { name: 'Bloomberg', forms: ['Bloomberg', 'Bloomberg News'], sites: ['bloomberg.com'] },
  { name: 'CNN', forms: ['CNN'], sites: ['cnn.com', 'edition.cnn.com'] },
];

const BY_FORM = new Map(WIRES.flatMap((w) => w.forms.map((f) => [f.toLowerCase(), w.name] as const)));

/**
 * The full name of the wire a page names, or null when `text` is not a wire's name.
 *
 * @example
 * wireName('AP')                 // → 'The Associated Press'
 * wireName('Associated Press')   // → 'The Associated Press'
 * wireName('Gulf Dispatch')      // → null
 */
export function wireName(text: string): string | null {
  const key = text
    .trim()
    .replace(/[.:,]+$/, '')
    .toLowerCase();
  // "AA" and "dpa" are wires only as written (an "Aa" or "DPA" elsewhere is something else)
  if (key === 'aa' && text.trim() !== 'AA') return null;
  return BY_FORM.get(key) ?? null;
}

/**
 * True when two outlet names are the same outlet ("AP" and "The Associated Press", case and "The" aside).
 *
 * @example
 * sameOutlet('Associated Press', 'The Associated Press') // → true
 */
export function sameOutlet(a: string, b: string): boolean {
  const norm = (s: string) =>
    (wireName(s) ?? s)
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

const BY_SITE = new Map(WIRES.flatMap((w) => w.sites.map((site) => [site, w.name] as const)));

/**
 * The wire whose own site a host name is ("apnews.com", "tass.com"), or null.
 *
 * @example
 * wireOfSite('apnews.com') // → 'The Associated Press'
 * wireOfSite('example.org') // → null
 */
export function wireOfSite(host: string): string | null {
  return BY_SITE.get(host.toLowerCase()) ?? null;
}
