/**
 * With PUBLIC_URL set, every quote in an answer is one click from its context: a row of link buttons under the
 * embed, "Quote 1 in context" … one per quote field shown (an answer page holds five quotes, a row five buttons),
 * each opening the quote's article on the bot's pages, scrolled to the passage and marking it. The embed's title
 * links to the whole article for `/source <id>` and to the timeline page for `/timeline`. Without PUBLIC_URL
 * nothing is added.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithURL,
  type APIMessageTopLevelComponent,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { Answer, QuoteResult } from '../../answers/answer.ts';
import { contextUrl, siteBase, sourcePath, TIMELINE_PATH } from '../../render/html/page-links.ts';

/** Discord's limit on a link button's URL. */
export const BUTTON_URL_MAX = 512;
/** Discord's limit on buttons in a row: one row holds a page of quotes. */
const ROW_MAX = 5;

export type LinkRow = APIActionRowComponent<APIButtonComponentWithURL>;

/** The link to a passage; the `?q=` half is dropped if the whole would pass Discord's limit, and null if even that does. */
function buttonUrl(publicUrl: string, passageId: string): string | null {
  const full = contextUrl(publicUrl, passageId);
  if (full.length <= BUTTON_URL_MAX) return full;
  const anchorOnly = full.replace(/\?q=[^#]*/, '');
  return anchorOnly.length <= BUTTON_URL_MAX ? anchorOnly : null;
}

/**
 * The row of context links for the quotes shown, numbered as their fields are (`first` is the first one's number).
 *
 * @example
 * contextLinkRow(answer.results, 6, 'https://talks.example.org')?.components[0]
 * // → { type: 2, style: 5, label: 'Quote 6 in context', url: 'https://talks.example.org/sources/ap-deal?q=…#…' }
 */
export function contextLinkRow(results: readonly QuoteResult[], first: number, publicUrl: string | undefined): LinkRow | null {
  if (!publicUrl) return null;
  const buttons = results.slice(0, ROW_MAX).flatMap((r, i): APIButtonComponentWithURL[] => {
    const url = buttonUrl(publicUrl, r.passage_id);
    return url ? [{ type: ComponentType.Button, style: ButtonStyle.Link, label: `Quote ${first + i} in context`, url }] : [];
  });
  return buttons.length > 0 ? { type: ComponentType.ActionRow, components: buttons } : null;
}

/**
 * Where the embed's title links: the article for `/source <id>`, the timeline page for `/timeline`.
 *
 * @example
 * embedUrlFor({ command: 'source', query: 'ap-deal', found: true, … }, 'https://talks.example.org') // → 'https://talks.example.org/sources/ap-deal'
 */
export function embedUrlFor(answer: Answer, publicUrl: string | undefined): string | null {
  if (!publicUrl || !answer.found) return null;
  if (answer.command === 'source' && answer.query && answer.results[0]?.source.id === answer.query)
    return `${siteBase(publicUrl)}${sourcePath(answer.query)}`;
  if (answer.command === 'timeline') return `${siteBase(publicUrl)}${TIMELINE_PATH}`;
  return null;
}

/**
 * The link rows of a message as Discord sent it back, so a copy of it (a shared post) keeps its context links.
 *
 * @example
 * linkRowsOf(message.components) // → [the "Quote N in context" row] or []
 */
export function linkRowsOf(components: readonly APIMessageTopLevelComponent[] | undefined): LinkRow[] {
  return (components ?? []).filter(
    (row): row is LinkRow =>
      row.type === ComponentType.ActionRow &&
      row.components.length > 0 &&
      row.components.every((c) => c.type === ComponentType.Button && c.style === ButtonStyle.Link),
  );
}
