/**
 * Reads a news feed — RSS (0.9x, 1.0/RDF, 2.0), Atom or JSON Feed — into the items a moderator may want as sources,
 * and finds the feeds a site's page announces (`<link rel="alternate" type="application/rss+xml" href="…">`).
 * The XML is parsed by feedsmith, a maintained parser of every feed format, not by hand; this module only picks out
 * what the bot needs from each format's shape: a stable key per item (its guid or id, else its link), the
 * article's link, the headline, the date the feed gives and a short summary as plain text.
 *
 * A feed is someone else's text: a body that is not a feed is a {@link FeedError} whose message says so without
 * repeating what the site sent, and an item without a usable http(s) link is left out (there is no article to read).
 *
 * @example
 * const feed = readFeed(xml, 'https://news.example.org/rss');
 * for (const item of feed.items) console.log(item.key, item.link, item.title, item.published);
 */
import { createHash } from 'node:crypto';
import { parseFeed } from 'feedsmith';
import { UserError } from '../../errors/user-error.ts';
import { PAGE_TYPES } from '../fetch/fetch-page.ts';
import { parseDocument } from '../read/dom.ts';

/** One article a feed lists. */
export interface FeedItem {
  /** What identifies the item across polls: its guid or id as the feed gives it, else its link. */
  key: string;
  /** The article's address, absolute (resolved against the feed's). */
  link: string;
  title: string | null;
  /** The date the feed gives for the item, as YYYY-MM-DD (UTC), or null. It is a hint: the page's own date wins. */
  published: string | null;
  /** The item's summary as plain text, at most 500 characters, or null. */
  summary: string | null;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  /** Newest first as the feed lists them; at most MAX_ITEMS. */
  items: FeedItem[];
}

/** What the bot takes from one feed at most per read: feeds list 10–50 items; a huge one is cut, not refused. */
export const MAX_ITEMS = 200;

/** The media types a feed is served as, besides the web pages a site's feed is discovered from. */
export const FEED_TYPES: ReadonlySet<string> = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
]);

/** The types a page's `<link rel="alternate">` names a feed by (plain XML and JSON there are other things). */
const ANNOUNCED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);

/** What a followed address may answer with: a feed, or a page that names its feed. */
export const FEED_OR_PAGE_TYPES: ReadonlySet<string> = new Set([...FEED_TYPES, ...PAGE_TYPES]);

/** A body that is not a feed; the message is fit to show a moderator. */
export class FeedError extends UserError {
  override name = 'FeedError';
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && 'value' in value) return text(value.value);
  return null;
};

/** The longest article address kept: longer ones are not links a page gives. */
const MAX_LINK = 2000;

/**
 * An item's key as the feed store keeps it: control characters out (a database refuses a NUL), and a key longer than
 * 200 characters replaced by its SHA-256, so that every key fits an index.
 */
function keyOf(id: string): string {
  const clean = id.replace(/\p{Cc}/gu, '');
  return clean.length <= 200 ? clean : `sha256:${createHash('sha256').update(clean).digest('hex')}`;
}

/** Markup and entities out, whitespace folded: what a summary says (its first 4,000 characters are read). */
function plainText(text: string | null): string | null {
  if (!text) return null;
  const html = text.slice(0, 4000);
  const body = /[<&]/.test(html) ? (parseDocument(`<!doctype html><html><body>${html}</body></html>`).body?.textContent ?? '') : html;
  const folded = body.replace(/\s+/g, ' ').trim();
  if (!folded) return null;
  return folded.length > 500 ? `${folded.slice(0, 499)}…` : folded;
}

/** The day a feed date names, in UTC, or null when it is not a date. */
function dayOf(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().slice(0, 10);
}

/** An absolute http(s) address, or null. */
function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface RawItem {
  id: string | null;
  link: string | null;
  title: string | null;
  date: string | null;
  summary: string | null;
}

/** Each format's items in one shape. */
function rawItems(parsed: ReturnType<typeof parseFeed>): { title: string | null; items: RawItem[] } {
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const feed = parsed.feed as {
        title?: unknown;
        items?: Array<{
          title?: unknown;
          link?: unknown;
          guid?: unknown;
          pubDate?: unknown;
          description?: unknown;
          dc?: { date?: unknown; dates?: unknown[] };
        }>;
      };
      return {
        title: text(feed.title),
        items: (feed.items ?? []).map((item) => ({
          id: text(item.guid),
          link: text(item.link) ?? (/^https?:/i.test(text(item.guid) ?? '') ? text(item.guid) : null),
          title: text(item.title),
          date: text(item.pubDate) ?? text(item.dc?.date) ?? text(item.dc?.dates?.[0]),
          summary: text(item.description),
        })),
      };
    }
    case 'atom': {
      const feed = parsed.feed as {
        title?: unknown;
        entries?: Array<{
          id?: unknown;
          title?: unknown;
          links?: Array<{ href?: unknown; rel?: unknown; type?: unknown }>;
          published?: unknown;
          updated?: unknown;
          summary?: unknown;
          content?: unknown;
        }>;
      };
      return {
        title: text(feed.title),
        items: (feed.entries ?? []).map((entry) => {
          const links = entry.links ?? [];
          const alternate = links.find((l) => (text(l.rel) ?? 'alternate') === 'alternate') ?? links[0];
          return {
            id: text(entry.id),
            link: text(alternate?.href),
            title: text(entry.title),
            date: text(entry.published) ?? text(entry.updated),
            summary: text(entry.summary) ?? text(entry.content),
          };
        }),
      };
    }
    case 'json': {
      const feed = parsed.feed as {
        title?: unknown;
        items?: Array<{
          id?: unknown;
          url?: unknown;
          external_url?: unknown;
          title?: unknown;
          date_published?: unknown;
          date_modified?: unknown;
          summary?: unknown;
          content_text?: unknown;
          content_html?: unknown;
        }>;
      };
      return {
        title: text(feed.title),
        items: (feed.items ?? []).map((item) => ({
          id: typeof item.id === 'number' ? String(item.id) : text(item.id),
          link: text(item.url) ?? text(item.external_url),
          title: text(item.title),
          date: text(item.date_published) ?? text(item.date_modified),
          summary: text(item.summary) ?? text(item.content_text) ?? text(item.content_html),
        })),
      };
    }
  }
}

/**
 * The items of a feed, from its text as fetched. `base` is the feed's address: relative links resolve against it.
 * Throws FeedError when the text is not a feed in any format.
 *
 * @example
 * readFeed('<rss version="2.0"><channel><item><link>/a</link><guid>a1</guid></item></channel></rss>', 'https://x.org/rss').items
 * // → [{ key: 'a1', link: 'https://x.org/a', title: null, published: null, summary: null }]
 */
export function readFeed(body: string, base: string): Feed {
  let input: unknown = body;
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      input = JSON.parse(trimmed) as unknown;
    } catch {
      throw new FeedError('The feed is not valid JSON, so it is not a JSON Feed.');
    }
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(input);
  } catch {
    throw new FeedError('That address does not give a feed the bot can read (RSS, Atom or JSON Feed).');
  }
  const { title, items } = rawItems(parsed);
  const seen = new Set<string>();
  const read: FeedItem[] = [];
  for (const item of items) {
    const link = absolute(item.link, base);
    if (!link || link.length > MAX_LINK) continue;
    const key = keyOf(item.id ?? link);
    if (seen.has(key)) continue;
    seen.add(key);
    read.push({ key, link, title: plainText(item.title), published: dayOf(item.date), summary: plainText(item.summary) });
    if (read.length >= MAX_ITEMS) break;
  }
  return { format: parsed.format, title: plainText(title), items: read };
}

/**
 * The feeds a web page announces, in the page's order, as absolute addresses: what a moderator who gives a site's
 * page instead of its feed means to follow.
 *
 * @example
 * feedLinksIn('<link rel="alternate" type="application/rss+xml" href="/feed">', 'https://x.org/news') // → ['https://x.org/feed']
 */
export function feedLinksIn(html: string, base: string): string[] {
  const links = parseDocument(html).querySelectorAll('link[rel~="alternate" i][href]');
  const found: string[] = [];
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    const type = (link?.getAttribute('type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!ANNOUNCED_TYPES.has(type)) continue;
    const href = absolute(link?.getAttribute('href') ?? null, base);
    if (href && !found.includes(href)) found.push(href);
  }
  return found;
}
