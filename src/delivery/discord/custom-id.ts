/**
 * Button custom_ids carry everything needed to rebuild what they act on — command, query and offset for a page, the
 * owner for a delete — so a restart loses nothing. "Share" needs nothing: it re-posts the message it is attached to.
 * Discord caps a custom_id at 100 characters; a page button that would not fit is not shown.
 *
 * @example
 * encodeButton({ action: 'page', command: 'who', offset: 5, query: 'McGurk' }) // → 'v1|page|who|5|McGurk'
 */
export const CUSTOM_ID_MAX = 100;
const VERSION = 'v1';

export type ButtonAction =
  | { action: 'page'; command: string; offset: number; query: string }
  | { action: 'share' }
  | { action: 'delete'; ownerId: string };

export function encodeButton(b: ButtonAction): string | null {
  const id =
    b.action === 'delete' ? `${VERSION}|delete|${b.ownerId}` : b.action === 'share' ? `${VERSION}|share` : `${VERSION}|page|${b.command}|${b.offset}|${b.query}`;
  return id.length <= CUSTOM_ID_MAX ? id : null;
}

/** The action a custom_id stands for, or null when it is not one of ours (or from an older version of the bot). */
export function decodeButton(customId: string): ButtonAction | null {
  const [version, action, ...rest] = customId.split('|');
  if (version !== VERSION) return null;
  if (action === 'delete' && rest.length === 1 && /^\d+$/.test(rest[0] ?? '')) return { action, ownerId: rest[0] ?? '' };
  if (action === 'share' && rest.length === 0) return { action };
  if (action === 'page' && rest.length >= 3) {
    const [command = '', offsetText = '', ...query] = rest;
    const offset = Number(offsetText);
    if (!/^[a-z]+$/.test(command) || !Number.isInteger(offset) || offset < 0 || offset > 10_000) return null;
    return { action, command, offset, query: query.join('|') };
  }
  return null;
}
