/**
 * Who published a page and whose story it is: the site's own name (a copyright footer, structured metadata) and
 * the wire the story names (its dateline, its byline). A wire story on another site has both: the site is the
 * outlet, the wire is what it reports on.
 */
import type { Byline } from './bylines.ts';
import { preview } from '../read/cleaned-text.ts';
import type { Dateline } from './datelines.ts';
import { siteFromCopyright } from './site-names.ts';
import type { TextUnit } from '../read/text-units.ts';
import { sameOutlet, wireName } from './wires.ts';

/** An outlet's name and the evidence for it. */
export type Hint = { outlet: string; evidence: string };

/**
 * The site's name from copyright lines anywhere on the page: the one that is not a wire's, when there are several
 * (an AP story on a local site carries both "Copyright 2025 The Associated Press" and "© 2025 Lakeside Tribune").
 *
 * @example
 * siteFromFooter(textUnits('Copyright 2025 The Associated Press.\n\n© 2025 Lakeside Tribune. All rights reserved.'))?.outlet
 * // → 'Lakeside Tribune'
 */
export function siteFromFooter(units: readonly TextUnit[]): Hint | null {
  const found = units.flatMap((u) => {
    const site = siteFromCopyright(u.text);
    return site ? [{ outlet: site, evidence: `copyright line "${preview(u.text)}"` }] : [];
  });
  return found.find((f) => !wireName(f.outlet)) ?? found[0] ?? null;
}

/**
 * True when an outlet's name is a news agency's: a wire the pages name ("AFP", "Reuters", "TASS") or an agency named
 * as such ("Agencies", "wire services"). An agency's story is what a site republishes, not the site itself.
 *
 * @example
 * isAgency('AFP')         // → true
 * isAgency('Agencies')    // → true
 * isAgency('Gulf Ledger') // → false
 */
export function isAgency(name: string): boolean {
  return wireName(name) !== null || /\b(?:agenc(?:y|ies)|wires?|wire services?|news services?)\b/i.test(name);
}

/**
 * Decides the outlet and the outlet reported on from the site's own name and the story's credit. The site, when the
 * page shows it, is the outlet, and a credit naming someone else is what it reports on. With no site shown, an
 * agency's credit ("By AFP", "(AP) —") is only what the page reports on — who republished it is unknown — while
 * another outlet's credit ("(JNS) —") names the outlet.
 *
 * @example
 * outletHints({ outlet: 'Lakeside Tribune', evidence: '…' }, { outlet: 'The Associated Press', evidence: 'dateline …' })
 * // → { outletHint: { outlet: 'Lakeside Tribune', … }, reportsOnHint: { outlet: 'The Associated Press', … } }
 * outletHints(null, { outlet: 'Agence France-Presse', evidence: 'byline "By AFP"' })
 * // → { outletHint: null, reportsOnHint: { outlet: 'Agence France-Presse', … } }
 */
export function outletHints(site: Hint | null, credit: Hint | null): { outletHint: Hint | null; reportsOnHint: Hint | null } {
  if (site && credit && sameOutlet(site.outlet, credit.outlet))
    return { outletHint: { outlet: wireName(credit.outlet) ?? credit.outlet, evidence: credit.evidence }, reportsOnHint: null };
  if (site) return { outletHint: site, reportsOnHint: credit };
  if (credit && isAgency(credit.outlet)) return { outletHint: null, reportsOnHint: credit };
  return { outletHint: credit, reportsOnHint: null };
}

/**
 * Whom the story credits: its dateline's bracket first, else a byline's wire ("By AFP", "…, Associated Press"), else
 * a credit line at its end ("– AFP", "Originally published by …").
 *
 * @example
 * creditHint(parseDateline('CAIRO (Reuters) - Talks resumed.'), null, null) // → { outlet: 'Reuters', evidence: 'dateline "CAIRO (Reuters) -"' }
 */
export function creditHint(dateline: Dateline | null, byline: Byline | null, line: Hint | null): Hint | null {
  if (dateline?.wire) return { outlet: dateline.wire, evidence: `dateline "${dateline.evidence}"` };
  if (byline?.wire) return { outlet: byline.wire, evidence: `byline "${byline.evidence}"` };
  return line;
}

/** A story credit line's forms: a dash and the name ("– AFP", "—Reuters"), or a phrase saying where it ran first. */
const DASH_CREDIT = /^[—–-]{1,2}\s*(\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3})\.?$/u;
const RAN_FIRST =
  /^(?:source|via|courtesy(?: of)?|originally (?:published|appeared) (?:in|by|on|at)|first (?:published|appeared) (?:in|by|on|at)|this (?:article|story|report|piece) (?:was )?(?:first |originally )?(?:published|appeared|ran) (?:in|by|on|at)|republished (?:with permission )?(?:from|by|of)|reprinted (?:with permission )?(?:from|by)|syndicated (?:from|by))\s*:?\s*(?:the\s+)?/i;
/** An outlet's name as a credit prints it: up to five capitalised words ("of" and "the" between them). */
const OUTLET_NAME = /^(\p{Lu}[\p{L}\p{N}&'’-]*(?:\.\p{L}+)*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}\p{N}&'’-]*){0,4})\.?$/u;

/**
 * Reads a line that credits the whole story to an outlet, or returns null: "– AFP" under the last paragraph,
 * "Source: Reuters", "This article was originally published in the Harbour Ledger."
 *
 * @example
 * storyCredit('– AFP')                                        // → { outlet: 'Agence France-Presse', evidence: 'credit line "– AFP"' }
 * storyCredit('This article first appeared in Harbour Ledger.') // → { outlet: 'Harbour Ledger', … }
 * storyCredit('– and the talks went on.')                      // → null
 */
export function storyCredit(line: string): Hint | null {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length > 120) return null;
  const ranFirst = RAN_FIRST.exec(text);
  const name = (DASH_CREDIT.exec(text)?.[1] ?? (ranFirst ? OUTLET_NAME.exec(text.slice(ranFirst[0].length))?.[1] : undefined))?.trim();
  if (!name) return null;
  if (DASH_CREDIT.test(text) && !wireName(name) && !/^[A-Z]{2,6}$/.test(name)) return null;
  return { outlet: wireName(name) ?? name, evidence: `credit line "${text}"` };
}

/**
 * A credit at the very end of the last paragraph ("… the ministry said. – AFP"): the paragraph without it, and the
 * credit; null when the paragraph ends otherwise.
 *
 * @example
 * trailingCredit('Talks resume on Monday, officials said. – AFP') // → { text: 'Talks resume on Monday, officials said.', credit: { outlet: 'Agence France-Presse', … } }
 */
export function trailingCredit(paragraph: string): { text: string; credit: Hint } | null {
  const m = /^(.*[.!?]["'”’)]*)\s+([—–-]{1,2}\s*[A-Za-z][\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,2}|\([\p{L}.-]{2,16}\))$/su.exec(
    paragraph.trim(),
  );
  if (!m?.[1] || !m[2]) return null;
  const credit = m[2].startsWith('(') ? storyCredit(`– ${m[2].slice(1, -1)}`) : storyCredit(m[2]);
  return credit ? { text: m[1], credit } : null;
}
