/**
 * Who published a page and whose story it is: the site's own name (a copyright footer, structured metadata) and
 * the wire the story names (its dateline, its byline). A wire story on another site has both: the site is the
 * outlet, the wire is what it reports on.
 */
import type { Byline } from './bylines.ts';
import { preview } from './cleaned-text.ts';
import type { Dateline } from './datelines.ts';
import { siteFromCopyright } from './site-names.ts';
import type { TextUnit } from './text-units.ts';
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
 * Decides the outlet and the outlet reported on from the site's own name and the wire the story names.
 *
 * @example
 * outletHints({ outlet: 'Lakeside Tribune', evidence: '…' }, { outlet: 'The Associated Press', evidence: 'dateline …' })
 * // → { outletHint: { outlet: 'Lakeside Tribune', … }, reportsOnHint: { outlet: 'The Associated Press', … } }
 */
export function outletHints(site: Hint | null, wire: Hint | null): { outletHint: Hint | null; reportsOnHint: Hint | null } {
  if (site && wire && sameOutlet(site.outlet, wire.outlet)) return { outletHint: { outlet: wireName(wire.outlet) ?? wire.outlet, evidence: wire.evidence }, reportsOnHint: null };
  if (site) return { outletHint: site, reportsOnHint: wire };
  return { outletHint: wire, reportsOnHint: null };
}

/**
 * The wire the story names: its dateline first, else a byline ("By AFP", "…, Associated Press").
 *
 * @example
 * wireHint(parseDateline('CAIRO (Reuters) - Talks resumed.'), null) // → { outlet: 'Reuters', evidence: 'dateline "CAIRO (Reuters) -"' }
 */
export function wireHint(dateline: Dateline | null, byline: Byline | null): Hint | null {
  if (dateline?.wire) return { outlet: dateline.wire, evidence: `dateline "${dateline.evidence}"` };
  if (byline?.wire) return { outlet: byline.wire, evidence: `byline "${byline.evidence}"` };
  return null;
}
