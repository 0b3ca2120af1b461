import { wireOfSite } from './wires.ts';

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
  const rest = m?.[1]
    ?.replace(/\s*[—–|-]?\s*all rights reserved\b.*$/i, '')
    .replace(/[\s.,;:|—–-]+$/, '')
    .trim();
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

/**
 * The site a link points to, as an outlet: a wire's own site by the wire's name ("tass.com" → TASS), any other by its
 * host name without "www." ("www.harbourledger.example/…" → "harbourledger.example"); null for what is not an
 * http(s) link.
 *
 * @example
 * siteFromLink('https://www.harbourledger.example/2024/talks') // → 'harbourledger.example'
 * siteFromLink('https://tass.com/world/1') // → 'TASS'
 */
export function siteFromLink(link: string | null | undefined): string | null {
  if (!link) return null;
  let host: string;
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    host = url.hostname.toLowerCase().replace(/^(?:www\d?|m|amp|mobile)\./, '');
  } catch {
    return null;
  }
  if (host === '' || !host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return null;
  return wireOfSite(host) ?? host;
}

/** A page's label for the network it belongs to: "Part of States Newsroom", "A member of the Harbour Press Network". */
const NETWORK_LABEL =
  /^(?:home\s+)?(?:(?:a\s+)?part of|(?:a\s+)?member of|a division of|an? (?:edition|publication|service|project|site) of)\s+(?:the\s+)?/i;
/** The network's name: capitalised words ("of" between them), no sentence punctuation. */
const NETWORK_NAME = /^\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}&'’-]*){0,5}$/u;

/**
 * The outlet a short header line names as the network the site is part of, or null.
 *
 * @example
 * siteFromNetworkLabel('Home Part of States Newsroom') // → 'States Newsroom'
 * siteFromNetworkLabel('Part of the talks stalled') // → null
 */
export function siteFromNetworkLabel(line: string): string | null {
  const text = line.replace(/\s+/g, ' ').trim();
  const label = NETWORK_LABEL.exec(text);
  const name = label ? text.slice(label[0].length) : '';
  return label && NETWORK_NAME.test(name) ? name : null;
}

/**
 * True for a site's brand label above a headline: one to three words, one of them written as a brand is (capitals
 * after small letters, "DayFR", "NewsNow"; or a domain, "harbourledger.example"), not as a section name ("Middle East").
 *
 * @example
 * looksLikeBrand('DayFR Euro')  // → true
 * looksLikeBrand('Middle East') // → false
 */
export function looksLikeBrand(line: string): boolean {
  const words = line.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length > 3 || /[!?,;:"“”]/.test(line)) return false;
  return words.some(
    (w) => (/^\p{L}*\p{Ll}\p{Lu}[\p{L}]*$/u.test(w) && !/^(?:Mc|Mac|O’|O')/.test(w)) || /^[a-z0-9-]{3,}\.[a-z]{2,10}$/.test(w),
  );
}
