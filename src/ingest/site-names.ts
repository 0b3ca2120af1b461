/**
 * The site's own name as a page shows it in text: a copyright footer ("© 2024 Gulf Dispatch. All rights reserved.")
 * or a page title with the site after a bar or dash ("Talks resume in Doha | Red Sea Observer").
 */

/**
 * The name in a copyright line, or null when it names none ("© 2023 All rights reserved").
 *
 * @example
 * siteFromCopyright('© 2024 Gulf Dispatch. All rights reserved.') // → 'Gulf Dispatch'
 * siteFromCopyright('Copyright 2023. All rights reserved.')      // → null
 */
export function siteFromCopyright(line: string): string | null {
  const m = /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[.,]?\s*(.*)$/i.exec(line.replace(/\s+/g, ' ').trim());
  const rest = m?.[1]?.replace(/\s*[—–|-]?\s*all rights reserved\b.*$/i, '').replace(/[\s.,;:|—–-]+$/, '').trim();
  if (!rest || rest.length > 60) return null;
  const words = rest.split(' ');
  if (words.length > 6 || !/^\p{Lu}/u.test(rest) || /\b(?:reserved|rights|terms|privacy)\b/i.test(rest)) return null;
  return rest;
}

/**
 * Splits a page title into headline and site name ("Headline | Site", "Headline – Site"), or null when the title
 * has no such suffix. The site part must be short and capitalised, the headline part longer.
 *
 * @example
 * splitTitleSuffix('Hostages freed as leaders meet | Red Sea Observer') // → { headline: 'Hostages freed as leaders meet', site: 'Red Sea Observer' }
 */
export function splitTitleSuffix(title: string): { headline: string; site: string } | null {
  const m = /^(.+)\s+[|–—-]\s+(.+)$/.exec(title.replace(/\s+/g, ' ').trim());
  if (!m?.[1] || !m[2]) return null;
  const site = m[2].trim();
  const headline = m[1].trim();
  if (site.split(' ').length > 5 || !/^\p{Lu}/u.test(site) || /[.!?]$/.test(site)) return null;
  if (headline.split(' ').length < 3) return null;
  return { headline, site };
}

/** The nouns newspapers and news sites name themselves with ("The … Ledger", "… Daily News", "Gulf Dispatch"). */
const MASTHEAD_NOUN =
  /\b(?:Times|Post|News|Herald|Gazette|Ledger|Journal|Tribune|Dispatch|Courier|Chronicle|Observer|Guardian|Telegraph|Review|Daily|Weekly|Press|Wire|Monitor|Express|Star|Mail|Standard|Globe|Sun|Record|Register|Report|Reporter|Bulletin|Today|Network|Voice|Independent|Inquirer|Examiner|Sentinel|Beacon|Messenger|Mirror|Insider|Magazine|Agency|Radio|Television|TV)$/;

/**
 * True for a masthead line above the headline: a short capitalised name ending in a newspaper noun, with no sentence
 * punctuation or digits. A headline is longer and says what happened.
 *
 * @example
 * looksLikeMasthead('The Tidewater Gazette') // → true
 * looksLikeMasthead('Talks resume in Doha') // → false
 */
export function looksLikeMasthead(line: string): boolean {
  const text = line.replace(/\s+/g, ' ').trim();
  const words = text.split(' ');
  if (words.length > 5 || /[\d.,:;!?"“”]/.test(text)) return false;
  return words.every((w) => /^(?:\p{Lu}|of$|the$|and$|&$)/u.test(w)) && MASTHEAD_NOUN.test(text);
}
