/**
 * Where a page button finds its query. A query can be 6,000 characters ("Find sources" on a long message) and a
 * custom_id only 100, so the button carries a short key — the first 66 bits of the query's SHA-256, the same on
 * every process — and the query is found again:
 * 1. in this process's memory, where the bot put it when it answered (the last 2,000 queries; each at most 6,000
 *    characters, so at most ~24 MB);
 * 2. else in the message being paged: a paged answer to a short query (up to 200 characters, most commands)
 *    ends its footer with "Asked: <query>", so its buttons keep working after a restart and on any process behind
 *    a load balancer. The key is checked against what is read, so an edited footer cannot change the query.
 * A long query on a process that never saw it (after a restart) says to run the command again.
 *
 * @example
 * const queries = new PageQueries();
 * const key = queries.remember('a long pasted message …'); // → 'Xq3…' (11 characters)
 * queries.find(key, footerText) // → 'a long pasted message …'
 */
import { createHash } from 'node:crypto';

/** The key of an answer without a query (/timeline, /terms without a topic). */
export const NO_QUERY = '-';
const KEY = /^(?:-|[A-Za-z0-9_-]{11})$/;
const FOOTER_QUERY_MAX = 200;
const ASKED = '\nAsked: ';

export const isQueryKey = (key: string) => KEY.test(key);

/** The key a query is kept under: the same on every process and after a restart. */
export function queryKey(query: string | null): string {
  return query ? createHash('sha256').update(query).digest('base64url').slice(0, 11) : NO_QUERY;
}

/** The footer's last line for a paged answer: the query when it is short enough to show, else nothing. */
export function queryFooterLine(query: string): string {
  return query.length <= FOOTER_QUERY_MAX && !query.includes('\n') ? `${ASKED}${query}` : '';
}

export class PageQueries {
  private readonly queries = new Map<string, string>();

  constructor(private readonly max = 2000) {}

  /** Keeps a query for its page buttons and returns its key. */
  remember(query: string | null): string {
    const key = queryKey(query);
    if (query === null || query === '') return key;
    this.queries.delete(key); // most recent last
    this.queries.set(key, query);
    if (this.queries.size > this.max) this.queries.delete(this.queries.keys().next().value ?? '');
    return key;
  }

  /** The query for a key: '' for none, from memory, else from the paged message's footer; null when it is lost. */
  find(key: string, footer: string | undefined): string | null {
    if (key === NO_QUERY) return '';
    const kept = this.queries.get(key);
    if (kept !== undefined) return kept;
    const at = footer?.lastIndexOf(ASKED) ?? -1;
    const shown = at >= 0 ? (footer ?? '').slice(at + ASKED.length) : null;
    return shown !== null && queryKey(shown) === key ? shown : null;
  }
}
