/**
 * Polls the feeds servers follow and turns each new item into a review-queue entry — or, for a trusted feed, a
 * source. Every fetch goes through the safe fetcher (public addresses only, size and time caps) as a conditional
 * request, so a feed that has not changed costs a 304. Each new item is fetched, cleaned and read as ingest does,
 * checked against the corpus for an exact copy, judged for relevance (relevance.ts), and recorded once in the feed
 * store, whatever became of it; a queued item is then announced in the server's review channel.
 *
 * Failures stay with their feed: an address that answers 404, garbage or a body over the cap is a line in
 * `/source-admin feeds` and a longer wait before the next try (doubling per error in a row, up to a day), never an
 * exception in the bot. Every wait has jitter, so feeds followed together are not fetched together.
 *
 * Crash safety: an item is recorded after its page was read and judged, in one transaction whose unique key refuses
 * a second record. A process killed before recording meets the item again on the next poll; one killed after
 * recording but before announcing it posts the announcement on its next tick (`unannounced`). A trusted item is added
 * before it is recorded: killed in between, the next poll finds it already in the corpus (an exact copy) and records
 * it as such, so it is in the corpus once.
 *
 * @example
 * const poller = new FeedPoller({ store, editor, fetch: {}, announce: (item, preview) => postReview(item, preview), logger });
 * poller.start(); // polls what is due every 30 s
 * await poller.pollDue(); // or one round by hand (tests)
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isRunning } from '../corpus/durable-files.ts';
import { FetchPageError, type FetchPageOptions, fetchPage } from '../ingest/fetch/fetch-page.ts';
import { FEED_OR_PAGE_TYPES, FeedError, type FeedItem, feedLinksIn, readFeed } from '../ingest/feeds/read-feed.ts';
import { IngestError } from '../ingest/ingest-error.ts';
import { UserError } from '../errors/user-error.ts';
import type { Logger } from '../logging/logger.ts';
import type { CorpusEditor, SourcePreview } from '../serving/corpus-editor.ts';
import {
  type FeedItemRecord,
  type FeedStore,
  type FollowedFeed,
  MAX_QUEUED_PER_GUILD,
  MIN_INTERVAL_MINUTES,
  type NewFeedItem,
} from './feed-store.ts';
import { DEFAULT_MIN_RELEVANCE, judgeRelevance } from './relevance.ts';

/** A feed's body may be larger than an article's: some list a hundred items with their full text. */
export const FEED_MAX_BYTES = 5_000_000;
/** New items taken from one feed per poll; the rest wait for the next poll (they stay unseen until then). */
export const MAX_NEW_ITEMS_PER_POLL = 10;
/** The longest a failing feed waits between tries. */
export const MAX_BACKOFF_MINUTES = 24 * 60;
/** How often the poller looks for due feeds. */
export const TICK_MS = 30_000;
/**
 * How long a process's claim on the feeds it polls holds: longer than a round of them can take (20 feeds, each with
 * up to 10 items fetched under a 10 s cap), so no other process polls them meanwhile; a process killed mid-poll
 * gives them up when it runs out.
 */
export const LEASE_MS = 40 * 60_000;

/** The wait before a feed's next poll: its interval, doubled per error in a row (capped), ±10 % jitter. */
export function nextPollDelayMs(intervalMinutes: number, failuresInARow: number, random: () => number = Math.random): number {
  const minutes = Math.min(MAX_BACKOFF_MINUTES, intervalMinutes * 2 ** Math.min(failuresInARow, 16));
  return Math.round(minutes * 60_000 * (0.9 + 0.2 * random()));
}

/**
 * The feed at an address a moderator gave: the address itself when it is a feed, or the first feed a page names
 * (`<link rel="alternate">`). Throws FetchPageError or FeedError with a message for the moderator.
 *
 * @example
 * await discoverFeed('https://news.example.org/', {}) // → { url: 'https://news.example.org/rss.xml', title: 'Example News', items: 20 }
 */
export async function discoverFeed(
  address: string,
  fetch: FetchPageOptions,
): Promise<{ url: string; title: string | null; items: number }> {
  const options = { ...fetch, mediaTypes: FEED_OR_PAGE_TYPES, maxBytes: FEED_MAX_BYTES };
  const page = await fetchPage(address, options);
  if (page.contentType === 'text/html' || page.contentType === 'application/xhtml+xml') {
    const [link] = feedLinksIn(page.body, page.url);
    if (!link) {
      // some sites serve their feed as text/html: a page that names no feed may be the feed itself
      try {
        const feed = readFeed(page.body, page.url);
        return { url: page.url, title: feed.title, items: feed.items.length };
      } catch {
        throw new FeedError('That page names no feed (no RSS, Atom or JSON Feed link in it): give the feed’s own address.');
      }
    }
    const feedPage = await fetchPage(link, options);
    const feed = readFeed(feedPage.body, feedPage.url);
    return { url: feedPage.url, title: feed.title, items: feed.items.length };
  }
  const feed = readFeed(page.body, page.url);
  return { url: page.url, title: feed.title, items: feed.items.length };
}

/**
 * Whether the holder of a lease (`host:pid:random`) is a process of this machine that no longer runs — or an earlier
 * process with this one's pid (a container's bot is often pid 1 each time) — so its feeds are free at once instead of
 * when the lease runs out. A holder on another machine is never judged gone here.
 *
 * @example
 * holderGone('myhost:4242:9f3c01', 'myhost:4243:aa0b1c') // → true once process 4242 has exited
 */
export function holderGone(holder: string, self: string): boolean {
  const [host, pid] = holder.split(':');
  if (host !== hostname() || holder === self) return false;
  return Number(pid) === process.pid || !isRunning(Number(pid));
}

/** How many polls try an article that times out or answers 5xx, 429 or 408 before it is recorded as unreadable. */
export const MAX_TRIES = 3;

/** Reasons a page fetch may succeed on a later try: the item is left unseen rather than recorded. */
const TRANSIENT = new Set(['timeout', 'network', 'dns']);

export interface FeedPollerOptions {
  store: FeedStore;
  editor: CorpusEditor;
  fetch: FetchPageOptions;
  /**
   * Posts a queued item's review message in the server's review channel and returns the message's id; null when
   * this process cannot post (no bot token): items then wait in the queue.
   */
  announce: ((item: FeedItemRecord, preview: SourcePreview, reviewChannelId: string) => Promise<string>) | null;
  /**
   * The servers whose feeds are polled (the corpus editors' servers); unset, every server's. A server taken off the
   * list keeps its feeds in the database, unpolled, until it is put back.
   */
  guilds?: readonly string[];
  logger: Logger;
  now?: () => Date;
  random?: () => number;
}

/** What one poll of one feed did, for logs and tests. */
export interface PollReport {
  feed: string;
  guildId: string;
  notModified: boolean;
  error: string | null;
  /** New items by what became of them. */
  items: Partial<Record<NewFeedItem['state'], number>>;
}

export class FeedPoller {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<PollReport[]> | null = null;
  private readonly now: () => Date;
  private readonly random: () => number;
  /** Articles whose fetch failed in a way a later try may not, by server, feed and item: tries so far. */
  private readonly attempts = new Map<string, number>();
  /** Who this process is, in the feeds' leases: `host:pid:random`. */
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(private readonly options: FeedPollerOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  /** Polls due feeds every TICK_MS (a round never overlaps the last); `stop` ends it. */
  start(tickMs = TICK_MS): void {
    if (this.timer) return;
    const tick = () => {
      void this.pollDue()
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'feed poll round failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, tickMs);
        });
    };
    this.timer = setTimeout(tick, Math.min(tickMs, 1_000));
  }

  /** Stops polling, waits for a round under way, and gives up this process's leases so others poll at once. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round?.catch(() => undefined);
    await this.options.store.releaseLeases(this.owner).catch(() => undefined);
  }

  /** One round: announces what earlier rounds queued but did not announce, then polls every due feed, one at a time. */
  pollDue(): Promise<PollReport[]> {
    this.round ??= (async () => {
      try {
        await this.announcePending();
        const reports: PollReport[] = [];
        const due = await this.options.store.claimDue(this.now(), this.owner, LEASE_MS, {
          gone: (holder) => holderGone(holder, this.owner),
          ...(this.options.guilds ? { guilds: this.options.guilds } : {}),
        });
        for (const feed of due) reports.push(await this.poll(feed));
        return reports;
      } finally {
        this.round = null;
      }
    })();
    return this.round;
  }

  /** Polls one feed and records the outcome; never throws for what the feed or its items did. */
  async poll(feed: FollowedFeed): Promise<PollReport> {
    const { store, logger } = this.options;
    const report: PollReport = { feed: feed.url, guildId: feed.guildId, notModified: false, error: null, items: {} };
    const started = this.now();
    try {
      const page = await fetchPage(feed.url, {
        ...this.options.fetch,
        mediaTypes: FEED_OR_PAGE_TYPES,
        maxBytes: FEED_MAX_BYTES,
        conditional: { etag: feed.etag, lastModified: feed.lastModified },
      });
      if (page.notModified) {
        report.notModified = true;
        await store.recordPoll(feed, { at: started, nextPollAt: this.after(feed.intervalMinutes, 0), error: null }, this.owner);
        return report;
      }
      const read = readFeed(page.body, page.url);
      const seen = await store.seenKeys(
        feed.guildId,
        feed.url,
        read.items.map((i) => i.key),
      );
      const unseen = read.items.filter((i) => !seen.has(i.key)).reverse(); // oldest first
      let left = unseen.length;
      // a full review queue takes nothing more until moderators review: the items are met again on a later poll
      const room = MAX_QUEUED_PER_GUILD - (unseen.length > 0 ? await store.queuedCount(feed.guildId) : 0);
      const taken = unseen.slice(0, room > 0 ? MAX_NEW_ITEMS_PER_POLL : 0);
      // the server's minimum, read once for the poll's items
      const minRelevance = taken.length > 0 ? ((await store.settings(feed.guildId)).minRelevance ?? DEFAULT_MIN_RELEVANCE) : 0;
      for (const item of taken) {
        const state = await this.take(feed, item, minRelevance);
        if (state) report.items[state] = (report.items[state] ?? 0) + 1;
        if (state) left--;
      }
      // items left for later (past this poll's share, or their page did not answer) must be met again: the feed is
      // read whole next time (no validators, or it would answer 304), and soon
      await store.recordPoll(
        feed,
        {
          at: started,
          nextPollAt: this.after(left > 0 ? Math.min(feed.intervalMinutes, MIN_INTERVAL_MINUTES) : feed.intervalMinutes, 0),
          error: null,
          etag: left > 0 ? null : (page.etag ?? null),
          lastModified: left > 0 ? null : (page.lastModified ?? null),
          title: read.title,
        },
        this.owner,
      );
    } catch (error) {
      if (!(error instanceof FetchPageError || error instanceof FeedError))
        logger.error({ err: error, feed: feed.url }, 'feed poll failed');
      report.error =
        error instanceof FetchPageError || error instanceof FeedError ? error.message : 'The bot failed reading this feed (logged).';
      await store
        .recordPoll(feed, { at: started, nextPollAt: this.after(feed.intervalMinutes, feed.failures + 1), error: report.error }, this.owner)
        .catch((e: unknown) => logger.error({ err: e, feed: feed.url }, 'feed poll could not be recorded'));
    }
    logger.info({ ...report }, 'feed polled');
    return report;
  }

  /**
   * Reads, judges (against the server's `minRelevance`) and records one new item; returns what became of it, or null
   * when it is left for a later poll.
   */
  private async take(feed: FollowedFeed, item: FeedItem, minRelevance: number): Promise<NewFeedItem['state'] | null> {
    const { store, editor, logger } = this.options;
    const base = { guildId: feed.guildId, feedUrl: feed.url, key: item.key, link: item.link, title: item.title, published: item.published };
    const record = async (fields: Pick<NewFeedItem, 'state' | 'reason'> & Partial<NewFeedItem>) => {
      const recorded = await store.recordItem({ ...base, ...fields }, this.now());
      return recorded ? fields.state : null;
    };
    let raw: string;
    let url: string;
    try {
      const page = await fetchPage(item.link, this.options.fetch);
      raw = page.body;
      url = page.url;
    } catch (error) {
      if (!(error instanceof FetchPageError)) throw error;
      const status = error.status ?? 0;
      const transient =
        TRANSIENT.has(error.reason) || (error.reason === 'http-status' && (status >= 500 || status === 429 || status === 408));
      const attempt = `${feed.guildId} ${feed.url} ${item.key}`;
      const tries = (this.attempts.get(attempt) ?? 0) + 1;
      if (transient && tries < MAX_TRIES) {
        this.attempts.set(attempt, tries);
        return null; // tried again on the next poll
      }
      this.attempts.delete(attempt);
      return record({
        state: 'unreadable',
        reason: `The article could not be fetched${transient ? ` (${MAX_TRIES} tries)` : ''}: ${error.message}`,
      });
    }
    if (await store.queuedWithLink(feed.guildId, url, item.link))
      return record({ state: 'duplicate', reason: 'The same article is already waiting for review (from another feed).' });
    let preview: SourcePreview;
    try {
      preview = editor.preview(raw, new URL(url).hostname, { url });
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      const duplicate = /already in the corpus/.test(error.message);
      return record({ state: duplicate ? 'duplicate' : 'unreadable', reason: error.message });
    }
    const judged = judgeRelevance(
      editor.live.current(),
      { title: preview.prepared.meta.title, paragraphs: preview.prepared.cleaned.paragraphs },
      minRelevance,
    );
    if (!judged.relevant) return record({ state: 'irrelevant', reason: judged.reason });
    const near = preview.nearDuplicateOf ? ` Mostly the same text as "${preview.nearDuplicateOf.id}".` : '';
    let notAdded = '';
    if (feed.trusted) {
      try {
        const { id } = await editor.add(preview, { by: 'feed', feed: feed.url, guild: feed.guildId }, { feed: feed.url, link: url });
        return record({ state: 'added', reason: `Added without review (trusted feed); ${judged.reason}.${near}`, sourceId: id });
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        if (/already in the corpus/.test(error.message)) return record({ state: 'duplicate', reason: error.message });
        // refused for what a moderator can fix (an id another source has): reviewed instead of lost
        notAdded = ` Not added without review: ${error.message}`;
      }
    }
    const recorded = await store.recordItem(
      {
        ...base,
        state: 'queued',
        reason: `${judged.reason}.${near}${notAdded}`,
        draft: { raw, rawName: preview.rawName, options: preview.options },
      },
      this.now(),
    );
    if (!recorded) return null;
    await this.announceItem(recorded, preview).catch((error: unknown) =>
      logger.warn({ err: error, item: recorded.id }, 'review message not posted; retried on the next round'),
    );
    return 'queued';
  }

  /**
   * Posts the review message of a queued item when its server has a review channel. A refusal the moderators can
   * act on (a UserError from `announce`: the bot may not post there) is kept in the server's settings, where
   * `/source-admin feed-settings` and `queue` show it, until a message goes through.
   */
  private async announceItem(item: FeedItemRecord, preview: SourcePreview): Promise<void> {
    const { store, announce } = this.options;
    const { reviewChannelId, reviewError } = await store.settings(item.guildId);
    if (!reviewChannelId || !announce) return;
    let messageId: string;
    try {
      messageId = await announce(item, preview, reviewChannelId);
    } catch (error) {
      if (error instanceof UserError) await store.setReviewError(item.guildId, error.message);
      throw error;
    }
    await store.setReviewMessage(item.guildId, item.id, messageId);
    if (reviewError !== null) await store.setReviewError(item.guildId, null);
  }

  /**
   * Announces queued items whose announcement a stopped process or a Discord failure left out. A server whose
   * channel refuses one is skipped for the rest of the round; the others are announced.
   */
  private async announcePending(): Promise<void> {
    const { store, editor, logger } = this.options;
    if (!this.options.announce) return;
    const failing = new Set<string>();
    for (const item of await store.unannounced(20, this.options.guilds)) {
      if (failing.has(item.guildId)) continue;
      const draft = await store.draft(item.guildId, item.id);
      if (!draft) continue;
      let preview: SourcePreview;
      try {
        preview = editor.preview(draft.raw, draft.rawName, draft.options);
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        // the corpus has the article now (added by hand, or from another feed): nothing is left to review
        const state = /already in the corpus/.test(error.message) ? 'duplicate' : 'rejected';
        await store.decide(item.guildId, item.id, { state, by: 'feed', reason: error.message }, this.now());
        continue;
      }
      try {
        await this.announceItem(item, preview);
      } catch (error) {
        failing.add(item.guildId);
        logger.warn({ err: error, item: item.id, guild: item.guildId }, 'review message not posted; retried on the next round');
      }
    }
  }

  private after(intervalMinutes: number, failures: number): Date {
    return new Date(this.now().getTime() + nextPollDelayMs(intervalMinutes, failures, this.random));
  }
}
