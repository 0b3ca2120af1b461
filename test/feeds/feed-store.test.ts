/**
 * The feed store's specification, on SQLite and on a real PostgreSQL server the test starts: what a server follows,
 * the poller's state per feed, every item recorded once — also when two processes record it at the same moment — and
 * each queued item decided once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors/user-error.ts';
import type { SqlFaqStore } from '../../src/faq/sql-faq-store.ts';
import { CLAIM_STALE_MS, FeedStore, MAX_FEEDS_PER_GUILD, type NewFeedItem } from '../../src/feeds/feed-store.ts';
import { type FreshDatabase, onBothDatabases } from '../helpers/both-databases.ts';

const G1 = '100000000000000001';
const G2 = '100000000000000002';
const T0 = new Date('2025-03-02T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const item = (key: string, fields: Partial<NewFeedItem> = {}): NewFeedItem => ({
  guildId: G1,
  feedUrl: 'https://news.example.org/rss',
  key,
  link: `https://news.example.org/${key}`,
  title: `Item ${key}`,
  published: '2025-03-02',
  state: 'queued',
  reason: 'relevance 9 (needs 6)',
  draft: { raw: `<p>${key}</p>`, rawName: 'news.example.org', options: { url: `https://news.example.org/${key}` } },
  ...fields,
});

function describeFeedStore(name: string, fresh: FreshDatabase): void {
  const opened: SqlFaqStore[] = [];
  const stores = async (count: number): Promise<FeedStore[]> => {
    const open = await fresh();
    const result: FeedStore[] = [];
    for (let i = 0; i < count; i++) {
      const db = await open();
      opened.push(db);
      result.push(new FeedStore(db.database));
    }
    return result;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  describe(`the feed store on ${name}`, () => {
    it('follows feeds per server, refuses one followed twice or one too many, and unfollows', async () => {
      const [store] = (await stores(1)) as [FeedStore];
      const follow = (guildId: string, url: string, intervalMinutes = 15) =>
        store.follow({ guildId, url, title: null, trusted: false, intervalMinutes, by: 'mod' }, T0);
      expect(await follow(G1, 'https://a.example/rss', 2)).toMatchObject({
        intervalMinutes: 5,
        nextPollAt: T0.toISOString(),
        failures: 0,
        itemsTaken: 0,
      });
      // a refusal reaches the moderator as it is, on either database (not as a database failure)
      const refusal = await follow(G1, 'https://a.example/rss').catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(UserError);
      expect((refusal as Error).message).toBe('This server already follows https://a.example/rss.');
      await follow(G2, 'https://a.example/rss');
      for (let i = 1; i < MAX_FEEDS_PER_GUILD; i++) await follow(G1, `https://a.example/${i}`);
      await expect(follow(G1, 'https://a.example/one-more')).rejects.toThrow(`This server follows ${MAX_FEEDS_PER_GUILD} feeds`);
      expect(await store.unfollow(G1, 'https://a.example/rss')).toBe(true);
      expect(await store.unfollow(G1, 'https://a.example/rss')).toBe(false);
      expect((await store.feeds(G2)).map((f) => f.url)).toEqual(['https://a.example/rss']);
      expect(await store.feeds(G1)).toHaveLength(MAX_FEEDS_PER_GUILD - 1);
    });

    it('keeps the poller’s state: due feeds, validators, errors in a row', async () => {
      const [store] = (await stores(1)) as [FeedStore];
      const feed = await store.follow(
        { guildId: G1, url: 'https://a.example/rss', title: null, trusted: true, intervalMinutes: 15, by: 'mod' },
        T0,
      );
      expect((await store.claimDue(T0, 'p1', 60_000)).map((f) => f.url)).toEqual(['https://a.example/rss']);
      await store.recordPoll(feed, {
        at: T0,
        nextPollAt: minutes(15),
        error: null,
        etag: '"v1"',
        lastModified: 'Sun, 02 Mar 2025 09:00:00 GMT',
        title: 'A',
      });
      expect(await store.claimDue(minutes(14), 'p1', 60_000)).toEqual([]);
      await store.recordPoll(feed, { at: minutes(15), nextPollAt: minutes(45), error: 'The site answered 500 Internal Server Error.' });
      await store.recordPoll(feed, { at: minutes(45), nextPollAt: minutes(105), error: 'The site answered 500 Internal Server Error.' });
      expect((await store.feeds(G1))[0]).toMatchObject({
        trusted: true,
        title: 'A',
        etag: '"v1"',
        lastModified: 'Sun, 02 Mar 2025 09:00:00 GMT',
        failures: 2,
        lastError: 'The site answered 500 Internal Server Error.',
        lastFetchedAt: minutes(45).toISOString(),
        nextPollAt: minutes(105).toISOString(),
      });
      await store.recordPoll(feed, { at: minutes(105), nextPollAt: minutes(120), error: null, etag: null, lastModified: null });
      expect((await store.feeds(G1))[0]).toMatchObject({ failures: 0, lastError: null, etag: null, title: 'A' });
    });

    it('lets one process at a time poll a feed: a claim holds until the poll is recorded or the lease runs out', async () => {
      const [a, b] = (await stores(2)) as [FeedStore, FeedStore];
      const follow = (url: string) => a.follow({ guildId: G1, url, title: null, trusted: false, intervalMinutes: 15, by: 'mod' }, T0);
      await follow('https://a.example/rss');
      await follow('https://b.example/rss');
      const claims = await Promise.all([a.claimDue(T0, 'p1', 10 * 60_000), b.claimDue(T0, 'p2', 10 * 60_000)]);
      expect(
        claims
          .flat()
          .map((f) => f.url)
          .sort(),
      ).toEqual(['https://a.example/rss', 'https://b.example/rss']);
      const [first] = claims.flat();
      const holder = claims[0]?.some((f) => f.url === first?.url) ? 'p1' : 'p2';
      // p1 or p2 was killed mid-poll: nobody else polls its feeds until the lease runs out
      expect(await a.claimDue(minutes(9), 'p3', 10 * 60_000)).toEqual([]);
      // only the holder's record ends its lease: a slow process does not free a feed another has taken
      await a.recordPoll(first ?? { guildId: G1, url: '' }, { at: minutes(1), nextPollAt: minutes(1), error: null }, 'p9');
      expect(await b.claimDue(minutes(2), 'p3', 10 * 60_000)).toEqual([]);
      await a.recordPoll(first ?? { guildId: G1, url: '' }, { at: minutes(1), nextPollAt: minutes(1), error: null }, holder);
      expect((await b.claimDue(minutes(2), 'p3', 10 * 60_000)).map((f) => f.url)).toEqual([first?.url]);
      expect((await b.claimDue(minutes(10), 'p3', 10 * 60_000)).map((f) => f.url)).toHaveLength(1);
      // a stopping poller gives its leases up; a dead holder's lease is free at once; other servers' feeds are not claimed
      await a.releaseLeases('p3');
      expect(await a.claimDue(minutes(11), 'p4', 10 * 60_000, { guilds: [G2] })).toEqual([]);
      expect(await a.claimDue(minutes(11), 'p4', 10 * 60_000, { guilds: [] })).toEqual([]);
      expect(await a.claimDue(minutes(11), 'p4', 10 * 60_000, { guilds: [G1] })).toHaveLength(2);
      expect(await a.claimDue(minutes(12), 'p5', 10 * 60_000, { gone: (h) => h === 'p4' })).toHaveLength(2);
    });

    it('records an item once, even when two processes record it at the same moment', async () => {
      const [a, b] = (await stores(2)) as [FeedStore, FeedStore];
      await a.follow({ guildId: G1, url: 'https://news.example.org/rss', title: null, trusted: false, intervalMinutes: 15, by: 'mod' }, T0);
      const results = await Promise.all([a.recordItem(item('k1'), T0), b.recordItem(item('k1'), T0), a.recordItem(item('k1'), T0)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await a.queued(G1)).toHaveLength(1);
      expect((await a.feeds(G1))[0]?.itemsTaken).toBe(1);
      await a.recordItem(item('k2', { state: 'irrelevant', draft: undefined }), T0);
      expect([...(await b.seenKeys(G1, 'https://news.example.org/rss', ['k1', 'k2', 'k3']))].sort()).toEqual(['k1', 'k2']);
      expect((await a.feeds(G1))[0]?.itemsTaken).toBe(1);
      expect(await a.queuedWithLink(G1, 'https://news.example.org/k1')).toBe(true);
      expect(await a.queuedWithLink(G2, 'https://news.example.org/k1')).toBe(false);
    });

    it('decides a queued item once, drops its page, and keeps edits only while it waits', async () => {
      const [a, b] = (await stores(2)) as [FeedStore, FeedStore];
      const recorded = await a.recordItem(item('k1'), T0);
      const id = recorded?.id ?? 0;
      expect(await a.draft(G1, id)).toEqual(item('k1').draft);
      expect(await a.updateDraft(G1, id, { raw: 'x', rawName: 'y', options: { title: 'Edited' } })).toBe(true);
      expect((await b.draft(G1, id))?.options).toEqual({ title: 'Edited' });
      const decisions = await Promise.all([
        a.decide(G1, id, { state: 'added', by: 'm1', sourceId: 'edited' }, minutes(1)),
        b.decide(G1, id, { state: 'rejected', by: 'm2' }, minutes(1)),
      ]);
      expect(decisions.filter(Boolean)).toHaveLength(1);
      expect(await a.draft(G1, id)).toBeNull();
      expect(await a.updateDraft(G1, id, { raw: 'x', rawName: 'y', options: {} })).toBe(false);
      expect(await a.item(G2, id)).toBeNull();
      expect((await a.item(G1, id))?.state).toMatch(/^(added|rejected)$/);
    });

    it('lets one Add claim an item: a claim is finished, released, or stale after a while (its process died)', async () => {
      const [a, b] = (await stores(2)) as [FeedStore, FeedStore];
      const id = (await a.recordItem(item('k1'), T0))?.id ?? 0;
      const now = new Date();
      expect(await Promise.all([a.claim(G1, id, 'm1', now), b.claim(G1, id, 'm2', now)])).toEqual(expect.arrayContaining([true, false]));
      const holder = (await a.item(G1, id))?.decidedBy ?? '';
      expect(await a.decide(G1, id, { state: 'rejected', by: 'm3' }, now)).toBe(false);
      expect(await a.queuedCount(G1)).toBe(1);
      await a.release(G1, id, holder);
      expect((await a.item(G1, id))?.state).toBe('queued');
      expect(await a.claim(G1, id, 'm1', new Date(Date.now() - CLAIM_STALE_MS - 1_000))).toBe(true);
      expect(await b.claim(G1, id, 'm2', new Date())).toBe(true); // m1's claim is stale: its process died
      await b.finish(G1, id, 'm1', { state: 'added', sourceId: 'x' }, new Date()); // not m1's any more: nothing happens
      expect((await b.item(G1, id))?.state).toBe('adding');
      await b.finish(G1, id, 'm2', { state: 'added', sourceId: 'x' }, new Date());
      expect(await b.item(G1, id)).toMatchObject({ state: 'added', sourceId: 'x', decidedBy: 'm2' });
      expect(await b.draft(G1, id)).toBeNull();
      expect(await a.queuedCount(G1)).toBe(0);
      // a rejected article is not queued again from another feed
      const other = (await a.recordItem(item('k2'), T0))?.id ?? 0;
      await a.decide(G1, other, { state: 'rejected', by: 'm1' }, now);
      expect(await a.queuedWithLink(G1, 'https://news.example.org/k2')).toBe(true);
    });

    it('keeps review settings per server, and offers items for announcing only where a review channel is set', async () => {
      const [store] = (await stores(1)) as [FeedStore];
      await store.recordItem(item('k1'), T0);
      await store.recordItem(item('k2', { guildId: G2 }), T0);
      expect(await store.settings(G1)).toEqual({ reviewChannelId: null, minRelevance: null, reviewError: null });
      expect(await store.unannounced()).toEqual([]);
      await store.setSettings(G1, { reviewChannelId: '555' });
      await store.setSettings(G1, { minRelevance: 8 });
      expect(await store.settings(G1)).toEqual({ reviewChannelId: '555', minRelevance: 8, reviewError: null });
      await store.setReviewError(G1, 'The bot cannot post review messages in <#555>.');
      await store.setSettings(G1, { minRelevance: 7 });
      expect((await store.settings(G1)).reviewError).toBe('The bot cannot post review messages in <#555>.');
      await store.setSettings(G1, { reviewChannelId: '556' }); // another channel: the error was about the one before
      expect(await store.settings(G1)).toEqual({ reviewChannelId: '556', minRelevance: 7, reviewError: null });
      await store.setSettings(G1, { reviewChannelId: '555' });
      expect((await store.unannounced()).map((i) => i.key)).toEqual(['k1']);
      const [waiting] = await store.unannounced();
      await store.setReviewMessage(G1, waiting?.id ?? 0, '999');
      expect(await store.unannounced()).toEqual([]);
    });
  });
}

onBothDatabases('the feed store', describeFeedStore);
