/**
 * The feeds each server follows, every item seen on them, and the review queue, in the bot's database (SQLite in
 * DATA_DIR, or PostgreSQL at DATABASE_URL; schema version 2 of src/faq/migrations.ts). Each item is recorded once per
 * (server, feed, item key) — the table's unique key — so two polls, or two processes, can never queue it twice, and a
 * poll that died before recording an item simply meets it again as new. A queued item keeps the page as fetched, so
 * that Add prepares exactly what the moderator reviewed.
 *
 * @example
 * const feeds = new FeedStore(faqStore.database);
 * await feeds.follow({ guildId, url, title: 'World news', trusted: false, intervalMinutes: 15, by: userId }, new Date());
 * for (const feed of await feeds.claimDue(new Date(), 'host:4242:9f3c01', 40 * 60_000)) console.log(feed.url, feed.lastError);
 */
import { UserError } from '../errors/user-error.ts';
import { first, type SqlDatabase, type SqlSession } from '../faq/sql/sql-database.ts';
import type { IngestOptions } from '../ingest/ingest-source.ts';

/** The shortest interval a server may poll a feed at, and the default. */
export const MIN_INTERVAL_MINUTES = 5;
export const DEFAULT_INTERVAL_MINUTES = 15;
/** How many feeds one server may follow: each is a fetch every few minutes. */
export const MAX_FEEDS_PER_GUILD = 50;

export interface FollowedFeed {
  guildId: string;
  url: string;
  title: string | null;
  /** Relevant items are added without review. */
  trusted: boolean;
  intervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  /** ISO times (UTC). */
  nextPollAt: string;
  lastFetchedAt: string | null;
  /** What went wrong on the last poll, in words for the moderators; null after a good one. */
  lastError: string | null;
  /** Errors in a row. */
  failures: number;
  itemsTaken: number;
  followedBy: string;
  followedAt: string;
}

/** What became of an item: waiting for review (`adding`: a moderator's Add is under way), or decided. */
export type FeedItemState = 'queued' | 'adding' | 'added' | 'rejected' | 'irrelevant' | 'duplicate' | 'unreadable';

/** A queued item's page as fetched, and the details a moderator gave; what Add prepares. */
export interface FeedItemDraft {
  raw: string;
  rawName: string;
  options: IngestOptions;
}

export interface FeedItemRecord {
  id: number;
  guildId: string;
  feedUrl: string;
  key: string;
  link: string;
  title: string | null;
  published: string | null;
  state: FeedItemState;
  reason: string;
  sourceId: string | null;
  reviewMessageId: string | null;
  seenAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface FeedSettings {
  reviewChannelId: string | null;
  /** The relevance an item needs to be queued; null: the bot's default (src/feeds/relevance.ts). */
  minRelevance: number | null;
  /** Why the last review message could not be posted, in words for the moderators; null once one was. */
  reviewError: string | null;
}

interface FeedRow {
  guild_id: string;
  url: string;
  title: string | null;
  trusted: number;
  interval_minutes: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string;
  last_fetched_at: string | null;
  last_error: string | null;
  failures: number;
  items_taken: number;
  followed_by: string;
  followed_at: string;
}

interface ItemRow {
  id: number;
  guild_id: string;
  feed_url: string;
  item_key: string;
  link: string;
  title: string | null;
  published: string | null;
  state: FeedItemState;
  reason: string;
  source_id: string | null;
  review_message_id: string | null;
  seen_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

const feedOf = (row: FeedRow): FollowedFeed => ({
  guildId: row.guild_id,
  url: row.url,
  title: row.title,
  trusted: Number(row.trusted) === 1,
  intervalMinutes: Number(row.interval_minutes),
  etag: row.etag,
  lastModified: row.last_modified,
  nextPollAt: row.next_poll_at,
  lastFetchedAt: row.last_fetched_at,
  lastError: row.last_error,
  failures: Number(row.failures),
  itemsTaken: Number(row.items_taken),
  followedBy: row.followed_by,
  followedAt: row.followed_at,
});

const itemOf = (row: ItemRow): FeedItemRecord => ({
  id: Number(row.id),
  guildId: row.guild_id,
  feedUrl: row.feed_url,
  key: row.item_key,
  link: row.link,
  title: row.title,
  published: row.published,
  state: row.state,
  reason: row.reason,
  sourceId: row.source_id,
  reviewMessageId: row.review_message_id,
  seenAt: row.seen_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
});

interface SettingsRow {
  review_channel_id: string | null;
  min_relevance: number | null;
  review_error: string | null;
}
const SETTINGS_SELECT = 'SELECT review_channel_id, min_relevance, review_error FROM feed_settings WHERE guild_id = ?';
const settingsOf = (row: SettingsRow | undefined): FeedSettings => ({
  reviewChannelId: row?.review_channel_id ?? null,
  minRelevance: row?.min_relevance == null ? null : Number(row.min_relevance),
  reviewError: row?.review_error ?? null,
});

/** How long an Add's claim on an item holds: adding (writing the source, reloading) takes seconds. */
export const CLAIM_STALE_MS = 2 * 60_000;
/** The most items that wait for review in one server: past it, new items are left for a later poll. */
export const MAX_QUEUED_PER_GUILD = 200;
/** An item that waits for review (one parameter: the time before which a claim is stale). */
const WAITING = "(state = 'queued' OR (state = 'adding' AND decided_at < ?))";
const staleClaim = () => new Date(Date.now() - CLAIM_STALE_MS).toISOString();

const ITEM_COLUMNS =
  'id, guild_id, feed_url, item_key, link, title, published, state, reason, source_id, review_message_id, seen_at, decided_by, decided_at';

/** The outcome of one poll of a feed, as the poller records it. */
export interface PollOutcome {
  at: Date;
  nextPollAt: Date;
  /** null: the poll went well. */
  error: string | null;
  etag?: string | null;
  lastModified?: string | null;
  title?: string | null;
}

/** A new item as the poller judged it: what the record will hold, with the page while it waits for review. */
export type NewFeedItem = Pick<FeedItemRecord, 'guildId' | 'feedUrl' | 'key' | 'link' | 'title' | 'published' | 'state' | 'reason'> & {
  draft?: FeedItemDraft;
  sourceId?: string;
};

export class FeedStore {
  constructor(private readonly db: SqlDatabase) {}

  /** Follows a feed; refuses (UserError) a feed the server already follows, or one feed too many. */
  async follow(
    feed: { guildId: string; url: string; title: string | null; trusted: boolean; intervalMinutes: number; by: string },
    now: Date,
  ): Promise<FollowedFeed> {
    const interval = Math.max(MIN_INTERVAL_MINUTES, Math.round(feed.intervalMinutes));
    return this.db.write(`feeds ${feed.guildId}`, async (tx) => {
      if (await first(tx, 'SELECT 1 AS found FROM followed_feeds WHERE guild_id = ? AND url = ?', [feed.guildId, feed.url]))
        throw new UserError(`This server already follows ${feed.url}.`);
      const count = await first<{ n: number }>(tx, 'SELECT count(*) AS n FROM followed_feeds WHERE guild_id = ?', [feed.guildId]);
      if (Number(count?.n ?? 0) >= MAX_FEEDS_PER_GUILD)
        throw new UserError(`This server follows ${MAX_FEEDS_PER_GUILD} feeds, the most it may: unfollow one first.`);
      const at = now.toISOString();
      await tx.all(
        `INSERT INTO followed_feeds (guild_id, url, title, trusted, interval_minutes, next_poll_at, followed_by, followed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [feed.guildId, feed.url, feed.title, feed.trusted ? 1 : 0, interval, at, feed.by, at],
      );
      return feedOf((await first<FeedRow>(tx, 'SELECT * FROM followed_feeds WHERE guild_id = ? AND url = ?', [feed.guildId, feed.url]))!);
    });
  }

  /** Stops following; the items seen stay recorded (a feed followed again does not queue them again). */
  async unfollow(guildId: string, url: string): Promise<boolean> {
    return this.db.write(`feeds ${guildId}`, async (tx) => {
      const found = await first(tx, 'SELECT 1 AS found FROM followed_feeds WHERE guild_id = ? AND url = ?', [guildId, url]);
      if (found) await tx.all('DELETE FROM followed_feeds WHERE guild_id = ? AND url = ?', [guildId, url]);
      return found !== undefined;
    });
  }

  /** The feeds a server follows, in the order they were followed. */
  async feeds(guildId: string): Promise<FollowedFeed[]> {
    return this.db.read(async (tx) =>
      (await tx.all<FeedRow>('SELECT * FROM followed_feeds WHERE guild_id = ? ORDER BY followed_at, url', [guildId])).map(feedOf),
    );
  }

  /**
   * Claims the feeds whose next poll is due at `now` and that no other process is polling, the longest-waiting
   * first: each is leased to `owner` for `leaseMs`, so that one process at a time polls a feed. `recordPoll` ends the
   * lease. A lease also ends when it runs out, or when `gone(holder)` says its holder no longer runs (a process on
   * this machine killed mid-poll), so a restarted bot carries on at once.
   *
   * @example
   * await feeds.claimDue(new Date(), 'host:4242:9f3c01', 40 * 60_000, (holder) => !isRunning(pidOf(holder)))
   */
  async claimDue(
    now: Date,
    owner: string,
    leaseMs: number,
    options: { gone?: (holder: string) => boolean; guilds?: readonly string[]; limit?: number } = {},
  ): Promise<FollowedFeed[]> {
    const { gone = () => false, guilds, limit = 5 } = options;
    if (guilds?.length === 0) return [];
    const at = now.toISOString();
    return this.db.write('feeds poll', async (tx) => {
      const due = await tx.all<FeedRow & { leased_by: string | null; lease_until: string | null }>(
        `SELECT * FROM followed_feeds WHERE next_poll_at <= ?${guilds ? ` AND guild_id IN (${guilds.map(() => '?').join(', ')})` : ''}
         ORDER BY next_poll_at, guild_id, url`,
        [at, ...(guilds ?? [])],
      );
      const free = due
        .filter((row) => row.lease_until === null || row.lease_until <= at || (row.leased_by !== null && gone(row.leased_by)))
        .slice(0, limit);
      const until = new Date(now.getTime() + leaseMs).toISOString();
      for (const row of free)
        await tx.all('UPDATE followed_feeds SET leased_by = ?, lease_until = ? WHERE guild_id = ? AND url = ?', [
          owner,
          until,
          row.guild_id,
          row.url,
        ]);
      return free.map(feedOf);
    });
  }

  /** Gives up every lease `owner` holds (a poller stopping), so other processes poll those feeds at once. */
  async releaseLeases(owner: string): Promise<void> {
    await this.db.write('feeds poll', (tx) =>
      tx.all('UPDATE followed_feeds SET leased_by = NULL, lease_until = NULL WHERE leased_by = ?', [owner]),
    );
  }

  /** Records a poll: when it ran, what went wrong (or that nothing did), the validators, when it is due next. */
  async recordPoll(feed: Pick<FollowedFeed, 'guildId' | 'url'>, outcome: PollOutcome, owner = ''): Promise<void> {
    await this.db.write(`feeds ${feed.guildId}`, async (tx) => {
      const failed = outcome.error !== null;
      await tx.all(
        `UPDATE followed_feeds SET last_fetched_at = ?, next_poll_at = ?, last_error = ?,
           lease_until = CASE WHEN leased_by = ? THEN NULL ELSE lease_until END,
           leased_by = CASE WHEN leased_by = ? THEN NULL ELSE leased_by END,
           failures = ${failed ? 'failures + 1' : '0'},
           etag = ${outcome.etag !== undefined ? '?' : 'etag'}, last_modified = ${outcome.lastModified !== undefined ? '?' : 'last_modified'},
           title = coalesce(?, title)
         WHERE guild_id = ? AND url = ?`,
        [
          outcome.at.toISOString(),
          outcome.nextPollAt.toISOString(),
          outcome.error,
          owner,
          owner,
          ...(outcome.etag !== undefined ? [outcome.etag] : []),
          ...(outcome.lastModified !== undefined ? [outcome.lastModified] : []),
          outcome.title ?? null,
          feed.guildId,
          feed.url,
        ],
      );
    });
  }

  /** Which of `keys` a server has already seen on a feed. */
  async seenKeys(guildId: string, feedUrl: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    return this.db.read(async (tx) => {
      const rows = await tx.all<{ item_key: string }>(
        `SELECT item_key FROM feed_items WHERE guild_id = ? AND feed_url = ? AND item_key IN (${keys.map(() => '?').join(', ')})`,
        [guildId, feedUrl, ...keys],
      );
      return new Set(rows.map((r) => r.item_key));
    });
  }

  /**
   * Records a new item; returns it, or null when it was already recorded (another poll got there first). An item
   * queued or added counts towards its feed's items taken.
   */
  async recordItem(item: NewFeedItem, now: Date): Promise<FeedItemRecord | null> {
    return this.db.write(`feeds ${item.guildId}`, async (tx) => {
      if (
        await first(tx, 'SELECT 1 AS found FROM feed_items WHERE guild_id = ? AND feed_url = ? AND item_key = ?', [
          item.guildId,
          item.feedUrl,
          item.key,
        ])
      )
        return null;
      const at = now.toISOString();
      const decided = item.state === 'queued' ? null : at;
      const row = await first<ItemRow>(
        tx,
        `INSERT INTO feed_items (guild_id, feed_url, item_key, link, title, published, state, reason, draft, source_id, seen_at, decided_by, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${ITEM_COLUMNS}`,
        [
          item.guildId,
          item.feedUrl,
          item.key,
          item.link,
          item.title,
          item.published,
          item.state,
          item.reason,
          item.draft ? JSON.stringify(item.draft) : null,
          item.sourceId ?? null,
          at,
          decided ? 'feed' : null,
          decided,
        ],
      );
      if (item.state === 'queued' || item.state === 'added')
        await tx.all('UPDATE followed_feeds SET items_taken = items_taken + 1 WHERE guild_id = ? AND url = ?', [
          item.guildId,
          item.feedUrl,
        ]);
      return row ? itemOf(row) : null;
    });
  }

  /** One item of a server, or null. */
  async item(guildId: string, id: number): Promise<FeedItemRecord | null> {
    return this.db.read(async (tx) => {
      const row = await first<ItemRow>(tx, `SELECT ${ITEM_COLUMNS} FROM feed_items WHERE guild_id = ? AND id = ?`, [guildId, id]);
      return row ? itemOf(row) : null;
    });
  }

  /** A queued item's page and details, or null when it is not queued (any more). */
  async draft(guildId: string, id: number): Promise<FeedItemDraft | null> {
    return this.db.read(async (tx) => {
      const row = await first<{ draft: string | null }>(
        tx,
        "SELECT draft FROM feed_items WHERE guild_id = ? AND id = ? AND state IN ('queued', 'adding')",
        [guildId, id],
      );
      return row?.draft ? (JSON.parse(row.draft) as FeedItemDraft) : null;
    });
  }

  /** Replaces a queued item's details (Edit details); false when it is no longer queued. */
  async updateDraft(guildId: string, id: number, draft: FeedItemDraft): Promise<boolean> {
    return this.db.write(`feeds ${guildId}`, async (tx) => {
      if (!(await this.isQueued(tx, guildId, id))) return false;
      await tx.all('UPDATE feed_items SET draft = ? WHERE guild_id = ? AND id = ?', [JSON.stringify(draft), guildId, id]);
      return true;
    });
  }

  /** The items waiting for review in a server, oldest first. */
  async queued(guildId: string, limit = 100): Promise<FeedItemRecord[]> {
    return this.db.read(async (tx) =>
      (
        await tx.all<ItemRow>(
          `SELECT ${ITEM_COLUMNS} FROM feed_items WHERE guild_id = ? AND state IN ('queued', 'adding') ORDER BY id LIMIT ?`,
          [guildId, limit],
        )
      ).map(itemOf),
    );
  }

  /**
   * Whether an item with this article's address (as fetched, or as the feed gave it) waits for review in a server, or
   * was rejected there: another feed listing the same article does not bring it back.
   */
  async queuedWithLink(guildId: string, ...links: string[]): Promise<boolean> {
    return this.db.read(
      async (tx) =>
        (await first(
          tx,
          `SELECT 1 AS found FROM feed_items WHERE guild_id = ? AND state IN ('queued', 'adding', 'rejected') AND link IN (${links.map(() => '?').join(', ')})`,
          [guildId, ...links],
        )) !== undefined,
    );
  }

  /**
   * Queued items whose review message has not been posted yet — the poll that queued them stopped first, Discord
   * failed, or the server chose its review channel since — in servers that have a review channel.
   */
  async unannounced(limit = 20, guilds?: readonly string[]): Promise<FeedItemRecord[]> {
    if (guilds?.length === 0) return [];
    return this.db.read(async (tx) =>
      (
        await tx.all<ItemRow>(
          `SELECT ${ITEM_COLUMNS.split(', ')
            .map((c) => `i.${c}`)
            .join(', ')} FROM feed_items i
           JOIN feed_settings s ON s.guild_id = i.guild_id AND s.review_channel_id IS NOT NULL
           WHERE i.state = 'queued' AND i.review_message_id IS NULL${guilds ? ` AND i.guild_id IN (${guilds.map(() => '?').join(', ')})` : ''}
           ORDER BY i.id LIMIT ?`,
          [...(guilds ?? []), limit],
        )
      ).map(itemOf),
    );
  }

  /** Notes the review message an item was posted as. */
  async setReviewMessage(guildId: string, id: number, messageId: string): Promise<void> {
    await this.db.write(`feeds ${guildId}`, (tx) =>
      tx.all('UPDATE feed_items SET review_message_id = ? WHERE guild_id = ? AND id = ?', [messageId, guildId, id]),
    );
  }

  /**
   * Decides a queued item (added or rejected) and drops its page; false when it was no longer queued — another
   * moderator decided first — so each item is decided once.
   */
  async decide(
    guildId: string,
    id: number,
    decision: { state: 'added' | 'rejected' | 'duplicate'; by: string; sourceId?: string; reason?: string },
    now: Date,
  ): Promise<boolean> {
    return this.db.write(`feeds ${guildId}`, async (tx) => {
      if (!(await this.isQueued(tx, guildId, id))) return false;
      await tx.all(
        `UPDATE feed_items SET state = ?, draft = NULL, decided_by = ?, decided_at = ?, source_id = ?, reason = coalesce(?, reason)
         WHERE guild_id = ? AND id = ?`,
        [decision.state, decision.by, now.toISOString(), decision.sourceId ?? null, decision.reason ?? null, guildId, id],
      );
      return true;
    });
  }

  /**
   * Claims a waiting item for an Add by `by`: false when it no longer waits (decided, or another Add holds it). The
   * Add then `finish`es it, or `release`s it when nothing was added; a claim whose process died is stale after
   * CLAIM_STALE_MS, and the item waits again.
   */
  async claim(guildId: string, id: number, by: string, now: Date): Promise<boolean> {
    return this.db.write(`feeds ${guildId}`, async (tx) => {
      if (!(await this.isQueued(tx, guildId, id))) return false;
      await tx.all("UPDATE feed_items SET state = 'adding', decided_by = ?, decided_at = ? WHERE guild_id = ? AND id = ?", [
        by,
        now.toISOString(),
        guildId,
        id,
      ]);
      return true;
    });
  }

  /** Ends `by`'s claim: the item was added as `sourceId` (or was found in the corpus already: `duplicate`). */
  async finish(
    guildId: string,
    id: number,
    by: string,
    outcome: { state: 'added' | 'duplicate'; sourceId: string | null; reason?: string },
    now: Date,
  ): Promise<void> {
    await this.db.write(`feeds ${guildId}`, (tx) =>
      tx.all(
        `UPDATE feed_items SET state = ?, draft = NULL, source_id = ?, decided_at = ?, reason = coalesce(?, reason)
         WHERE guild_id = ? AND id = ? AND state = 'adding' AND decided_by = ?`,
        [outcome.state, outcome.sourceId, now.toISOString(), outcome.reason ?? null, guildId, id, by],
      ),
    );
  }

  /** Gives up `by`'s claim: nothing was added, and the item waits again. */
  async release(guildId: string, id: number, by: string): Promise<void> {
    await this.db.write(`feeds ${guildId}`, (tx) =>
      tx.all(
        "UPDATE feed_items SET state = 'queued', decided_by = NULL, decided_at = NULL WHERE guild_id = ? AND id = ? AND state = 'adding' AND decided_by = ?",
        [guildId, id, by],
      ),
    );
  }

  /** How many items wait for review in a server. */
  async queuedCount(guildId: string): Promise<number> {
    return this.db.read(async (tx) =>
      Number(
        (
          await first<{ n: number }>(tx, "SELECT count(*) AS n FROM feed_items WHERE guild_id = ? AND state IN ('queued', 'adding')", [
            guildId,
          ])
        )?.n ?? 0,
      ),
    );
  }

  /** A server's review settings (nothing set: all null). */
  async settings(guildId: string): Promise<FeedSettings> {
    return this.db.read(async (tx) => settingsOf(await first<SettingsRow>(tx, SETTINGS_SELECT, [guildId])));
  }

  /**
   * Changes what is given of a server's review settings. Choosing a review channel clears the last posting error
   * (it was about the channel before).
   */
  async setSettings(guildId: string, changes: Partial<Omit<FeedSettings, 'reviewError'>>): Promise<FeedSettings> {
    return this.db.write(`feeds ${guildId}`, async (tx) => {
      const row = await first<SettingsRow>(tx, SETTINGS_SELECT, [guildId]);
      const now = settingsOf(row);
      const next: FeedSettings = {
        reviewChannelId: changes.reviewChannelId !== undefined ? changes.reviewChannelId : now.reviewChannelId,
        minRelevance: changes.minRelevance !== undefined ? changes.minRelevance : now.minRelevance,
        reviewError: changes.reviewChannelId !== undefined ? null : now.reviewError,
      };
      const values = [next.reviewChannelId, next.minRelevance, next.reviewError, guildId];
      if (row)
        await tx.all('UPDATE feed_settings SET review_channel_id = ?, min_relevance = ?, review_error = ? WHERE guild_id = ?', values);
      else await tx.all('INSERT INTO feed_settings (review_channel_id, min_relevance, review_error, guild_id) VALUES (?, ?, ?, ?)', values);
      return next;
    });
  }

  /** Notes why a review message could not be posted in a server's review channel, or (null) that one was. */
  async setReviewError(guildId: string, error: string | null): Promise<void> {
    await this.db.write(`feeds ${guildId}`, (tx) =>
      tx.all('UPDATE feed_settings SET review_error = ? WHERE guild_id = ?', [error, guildId]),
    );
  }

  /** Whether an item waits for review: queued, or claimed by an Add that has not finished in CLAIM_STALE_MS (its process died). */
  private async isQueued(tx: SqlSession, guildId: string, id: number): Promise<boolean> {
    return (
      (await first(tx, `SELECT 1 AS found FROM feed_items WHERE guild_id = ? AND id = ? AND ${WAITING}`, [guildId, id, staleClaim()])) !==
      undefined
    );
  }
}
