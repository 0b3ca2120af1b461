/**
 * Furniture that shows only in context: a run of short labels is a menu, the lines under "Related" or "Most read"
 * are links to other pages, a line beside "Image: Getty Images" is that photo's caption, a bulleted label is a menu
 * entry. Builds on the line rules of `furniture-lines.ts`.
 */
import { furnitureReason, isLinkListHeading } from './furniture-lines.ts';
import { isProse, isShortLabel, wordCount, endsSentence } from './line-shape.ts';
import type { TextUnit } from './text-units.ts';

/** A statement ends in `.` or `!`; a question ("Who was Ismail Haniyeh?") is the usual shape of a link title. */
const endsStatement = (text: string) => /[.!]["'”’»)\]]*$/u.test(text.trim());

/**
 * Why each unit is furniture (null when it may be article text). `isMeta(i)` marks bylines and date lines, which are
 * never furniture and end a menu run.
 *
 * @example
 * markFurniture(textUnits('Skip to content\nWorld\nBusiness\nMarkets\n\nQatar said the talks would resume on Monday.'), () => false)
 * // → ['skip link', 'navigation menu or section list', 'navigation menu or section list', 'navigation menu or section list', null]
 */
export function markFurniture(units: readonly TextUnit[], isMeta: (index: number) => boolean): Array<string | null> {
  const reasons = units.map((u, i) => (isMeta(i) ? null : furnitureReason(u.text)));
  units.forEach((u, i) => {
    if (reasons[i] === null && !isMeta(i) && u.bullet && !isProse(u.text)) reasons[i] = 'menu or list item';
  });
  markLinkLists(units, reasons, isMeta);
  markMenuRuns(units, reasons, isMeta);
  markCaptionsBesideCredits(units, reasons, isMeta);
  return reasons;
}

/** The lines under a "Related" / "Most read" heading, up to a blank line or the next statement of prose. */
function markLinkLists(units: readonly TextUnit[], reasons: Array<string | null>, isMeta: (i: number) => boolean): void {
  units.forEach((heading, i) => {
    if (!isLinkListHeading(heading.text)) return;
    let lastBlock = heading.block;
    let items = 0;
    for (let j = i + 1; j < units.length; j++) {
      const unit = units[j];
      if (!unit) break;
      if (unit.block !== lastBlock && (items > 0 || unit.block > lastBlock + 1)) break;
      if (isMeta(j) || (isProse(unit.text) && endsStatement(unit.text))) break;
      reasons[j] ??= `link list under "${heading.text}"`;
      items++;
      lastBlock = unit.block;
    }
  });
}

/**
 * Three or more short labels in a row (blank lines aside), two of them not already known furniture: a menu. A
 * section label standing alone between blank lines ("Middle East") joins the menu above it; a longer line standing
 * alone (a short headline) does not.
 */
function markMenuRuns(units: readonly TextUnit[], reasons: Array<string | null>, isMeta: (i: number) => boolean): void {
  const alone = (i: number) => units[i - 1]?.block !== units[i]?.block && units[i + 1]?.block !== units[i]?.block;
  const inRun = (i: number) => {
    const unit = units[i];
    if (!unit || isMeta(i)) return false;
    if (reasons[i] !== null) return !isProse(unit.text);
    if (!isShortLabel(unit.text)) return false;
    if (alone(i) && wordCount(unit.text) > 3) return false; // a short headline standing in its own block
    const next = units[i + 1];
    return !(next && isMeta(i + 1) && wordCount(unit.text) >= 2); // a short headline right above its byline
  };
  let start = 0;
  while (start < units.length) {
    if (!inRun(start)) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < units.length && inRun(end + 1)) end++;
    const span = Array.from({ length: end - start + 1 }, (_, k) => start + k);
    const labels = span.filter((i) => reasons[i] === null).length;
    if (span.length >= 3 && labels >= 2) for (const i of span) reasons[i] ??= 'navigation menu or section list';
    start = end + 1;
  }
}

/** A line without sentence punctuation right beside a short photo credit ("Image: Getty Images"), with no blank line between, is its caption. */
function markCaptionsBesideCredits(units: readonly TextUnit[], reasons: Array<string | null>, isMeta: (i: number) => boolean): void {
  units.forEach((unit, i) => {
    if (reasons[i] !== 'photo caption or credit' || wordCount(unit.text) > 6) return;
    for (const j of [i - 1, i + 1]) {
      const near = units[j];
      if (!near || reasons[j] !== null || isMeta(j) || near.block !== unit.block) continue;
      if (!endsSentence(near.text) && wordCount(near.text) >= 3) reasons[j] = 'photo caption';
    }
  });
}
