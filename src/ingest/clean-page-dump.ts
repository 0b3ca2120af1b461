/**
 * Cleans a news web page saved as text (a browser's or lynx's dump): navigation menus, share widgets, photo
 * captions, "Read More" teasers, author bios and copyright lines go; the headline, byline and article body stay.
 *
 * The article is found by its byline ("By NAME, NAME and NAME"): the headline is the last unindented block before
 * it, the body runs from the first real paragraph after it to a "——" rule or the end of the prose.
 */
import { type CleanedText, preview, reflow } from './cleaned-text.ts';
import { datelineOutlet } from './clean-plain-text.ts';

const BYLINE = /^\s*By ([A-Z][A-Za-z.'’ -]+(?:,\s+[A-Z][A-Za-z.'’ -]+)*(?:,?\s+and\s+[A-Z][A-Za-z.'’ -]+)?)\s*$/;
const NAV_LINE = /^\s*(?:\*.*|\[ ?\w* ?\]|\[IMG\]|Share|Read More|READ MORE|Copy|Link copied|Menu|Print|Email|twitter|mailto|instagram|facebook|\d+ of \d+ \|?|_+.*Submit Search|Show Search)\s*$/;
const RULE = /^\s*[—–-]{2,}\s*$/;

/** True when the text looks like a saved web page rather than an article: menus, "[ Submit ]" buttons, bullets. */
export function looksLikePageDump(text: string): boolean {
  const lines = text.split('\n');
  const navLines = lines.filter((l) => NAV_LINE.test(l)).length;
  return navLines >= 10 && navLines / Math.max(lines.length, 1) > 0.05;
}

interface Block {
  lines: string[];
  unindented: boolean;
}

function blocksOf(text: string): Block[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines) => ({ lines, unindented: !/^\s/.test(lines[0] ?? '') && !/^\s*\*/.test(lines[0] ?? '') }));
}

/** Why a block is not article text, or null when it is. */
function junkReason(block: Block): string | null {
  const text = reflow(block.lines);
  if (block.lines.every((l) => NAV_LINE.test(l))) return 'navigation or share widget';
  if (/^(?:Read More|READ MORE)\b/.test(block.lines[0]?.trim() ?? '')) return '"Read More" teaser';
  if (/^FILE -|\((?:AP Photo|[^)]*via AP)[^)]*\)/.test(text)) return 'photo caption';
  if (/^Updated\b|\[(?:hour|minute|day|year)\]/.test(text)) return 'timestamp line';
  if (/Copyright \d{4}|All Rights Reserved/i.test(text)) return 'copyright line';
  if (/^\s*\*/.test(block.lines[0] ?? '')) return 'navigation or share widget';
  return null;
}

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .trim();
}

/** "COLLEEN LONG, SEUNG MIN KIM and JULIA FRANKEL" → ["Colleen Long", "Seung Min Kim", "Julia Frankel"]. */
export function parseByline(names: string): string[] {
  return names
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => (n === n.toUpperCase() ? titleCase(n) : n));
}

export function cleanPageDump(text: string): CleanedText {
  const blocks = blocksOf(text);
  const dropped: string[] = [];
  let bylineAt = -1;
  let authors: string[] = [];
  for (const [i, block] of blocks.entries()) {
    const line = block.lines.find((l) => BYLINE.test(l));
    const names = line ? BYLINE.exec(line)?.[1] : undefined;
    if (names) {
      bylineAt = i;
      authors = parseByline(names);
      break;
    }
  }
  const head = bylineAt >= 0 ? blocks.slice(0, bylineAt) : [];
  const titleBlock = head.filter((b) => b.unindented && junkReason(b) === null).pop();
  const title = titleBlock ? reflow(titleBlock.lines) : null;
  if (head.length > 0) dropped.push(`${head.length} blocks of page furniture before the byline (menus, captions, share widgets)`);

  const paragraphs: string[] = [];
  const credits: string[] = [];
  let ended = false;
  for (const block of blocks.slice(bylineAt + 1)) {
    const body = block.lines.filter((l) => !BYLINE.test(l));
    const text = reflow(body);
    if (text === '') continue;
    if (!ended && body.some((l) => RULE.test(l))) {
      ended = true;
      dropped.push('the "——" rule that ends the article');
      continue;
    }
    const reason = junkReason({ ...block, lines: body });
    if (ended) {
      if (reason === null && /\b(contributed|reported from)\b/.test(text)) credits.push(text);
      else dropped.push(`after the article (${reason ?? 'author bio or page footer'}): ${preview(text)}`);
      continue;
    }
    if (reason) dropped.push(`${reason}: ${preview(text)}`);
    else paragraphs.push(text);
  }
  return {
    title,
    authors,
    statedDate: null,
    outletHint: datelineOutlet(paragraphs[0]),
    paragraphs,
    credits,
    dropped,
  };
}
