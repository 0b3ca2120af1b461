/**
 * Where each thing lives on the bot's read-only site, in one place: the pages link to each other with these paths,
 * and the Discord answers link each quote to `contextUrl(PUBLIC_URL, passage id)`. A passage is anchored by its own
 * id (`<source id>#<n>`), so the fragment names it exactly; `?q=` carries the same id for the server, which marks
 * the passage even where a browser drops the fragment.
 *
 * @example
 * passagePath('ap-deal#3') // → '/sources/ap-deal?q=ap-deal%233#ap-deal%233'
 */

export const SOURCES_PATH = '/sources';
export const TIMELINE_PATH = '/timeline';
export const TIMELINE_PNG_PATH = '/timeline.png';

/** The source id a passage id starts with (`ap-deal#3` → `ap-deal`). */
export const sourceIdOf = (passageId: string): string => passageId.slice(0, Math.max(0, passageId.lastIndexOf('#')));

/**
 * @example
 * sourcePath('ap-deal') // → '/sources/ap-deal'
 */
export const sourcePath = (sourceId: string): string => `${SOURCES_PATH}/${encodeURIComponent(sourceId)}`;

/**
 * The page of a passage's source, scrolled to the passage and marking it.
 *
 * @example
 * passagePath('ap-deal#3') // → '/sources/ap-deal?q=ap-deal%233#ap-deal%233'
 */
export function passagePath(passageId: string): string {
  const id = encodeURIComponent(passageId);
  return `${sourcePath(sourceIdOf(passageId))}?q=${id}#${id}`;
}

/** PUBLIC_URL without a trailing slash, so paths join to it cleanly. */
export const siteBase = (publicUrl: string): string => publicUrl.replace(/\/+$/, '');

/**
 * The absolute link from a quote to its context.
 *
 * @example
 * contextUrl('https://talks.example.org/', 'ap-deal#3') // → 'https://talks.example.org/sources/ap-deal?q=ap-deal%233#ap-deal%233'
 */
export const contextUrl = (publicUrl: string, passageId: string): string => `${siteBase(publicUrl)}${passagePath(passageId)}`;
