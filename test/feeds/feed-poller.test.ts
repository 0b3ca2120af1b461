/**
 * The feed poller against a loopback feed server (the tests' loopback allowance), with the real feed store on
 * SQLite and the real corpus editor on a scratch corpus. A relevant new item is queued and announced once; an
 * irrelevant one and a repeated one are not queued; a trusted feed's item becomes a source; an unchanged feed costs a
 * 304; a feed that answers 404, 500, garbage, 100 MB, a redirect to a private address or an endless slow body is a
 * clear error on the feed, nothing is lost, and the poller goes on. The articles are written for these tests.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readChanges } from '../../src/corpus/corpus-changes.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { discoverFeed, FeedPoller, nextPollDelayMs, type PollReport } from '../../src/feeds/feed-poller.ts';
import { FeedStore, type FeedItemRecord } from '../../src/feeds/feed-store.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { scratchCorpus } from '../helpers/corpus.ts';

const GUILD = '222222222222222222';
const CHANNEL = '333333333333333333';

/** An article page about the talks (own words). */
const talksPage = (headline: string, day: string, lead: string) => `<!doctype html><html><head><title>${headline}</title>
<meta property="og:site_name" content="The Loopback Courier">
<meta property="article:published_time" content="${day}T09:00:00+00:00">
</head><body><article><h1>${headline}</h1>
<p>${lead}</p>
<p>Qatari and Egyptian mediators met negotiators from both sides in Doha for a second day, officials said, as families of the hostages held in Gaza urged a quick deal.</p>
<p>Under the proposal, the truce would be extended while more captives are released in exchange for prisoners, according to a diplomat briefed on the talks.</p>
</article></body></html>`;

const SPORT_PAGE = `<!doctype html><html><head><title>Harbour rowing club wins the autumn regatta</title>
<meta property="og:site_name" content="The Loopback Courier">
<meta property="article:published_time" content="2025-03-02T09:00:00+00:00">
</head><body><article><h1>Harbour rowing club wins the autumn regatta</h1>
<p>The harbour rowing club won the autumn regatta on Saturday by half a length, its third title in four years.</p>
<p>The crew trained through the winter on the river, their coach said after the race.</p>
</article></body></html>`;

const rss = (items: Array<{ guid: string; link: string; title: string }>) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Loopback Courier – World</title><link>http://example.org/</link>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.guid}</guid><pubDate>Sun, 02 Mar 2025 09:00:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;

describe('the feed poller', () => {
  let server: Server;
  let base = '';
  let dir = '';
  let live: LiveKnowledge;
  let editor: CorpusEditor;
  let faq: SqliteFaqStore;
  let store: FeedStore;
  let clock = Date.parse('2025-03-02T10:00:00Z');
  let announced: Array<{ item: FeedItemRecord; channel: string; title: string | null }> = [];
  let announceFails = false;
  let feedItems: Array<{ guid: string; link: string; title: string }> = [];
  let feedHits = 0;
  const pages = new Map<string, string>();

  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/feed.xml') {
        feedHits++;
        const body = rss(feedItems.map((i) => ({ ...i, link: `${base}${i.link}` })));
        const etag = `"${body.length}-${feedItems.length}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
        res.end(body);
      } else if (path === '/site')
        send(
          res,
          200,
          'text/html',
          `<html><head><link rel="alternate" type="application/rss+xml" title="World" href="/feed.xml"></head><body>News</body></html>`,
        );
      else if (path === '/missing') send(res, 404, 'text/plain', 'gone');
      else if (path === '/busy') send(res, 503, 'text/plain', 'try later');
      else if (path === '/slow-down') send(res, 429, 'text/plain', 'too many');
      else if (path === '/broken') send(res, 500, 'text/plain', 'oops');
      else if (path === '/garbage') send(res, 200, 'application/xml', '<<<not a feed at all @everyone');
      else if (path === '/huge') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1 << 20, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 100 && res.write(chunk)) sent++;
          if (sent < 100) res.once('drain', pump);
          else res.end();
        };
        res.on('error', () => undefined);
        pump();
      } else if (path === '/to-private') {
        res.writeHead(302, { location: 'http://10.1.2.3/feed.xml' });
        res.end();
      } else if (path === '/slow') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => res.write('<'), 100);
        res.on('close', () => clearInterval(timer));
      } else if (pages.has(path)) send(res, 200, 'text/html; charset=utf-8', pages.get(path) ?? '');
      else send(res, 404, 'text/plain', 'no such page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  let poller: FeedPoller;
  beforeEach(async () => {
    dir = scratchCorpus();
    live = LiveKnowledge.open(dir);
    live.ready();
    editor = new CorpusEditor(live);
    faq = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-feeds-')));
    store = new FeedStore(faq.database);
    announced = [];
    announceFails = false;
    feedItems = [];
    feedHits = 0;
    pages.clear();
    clock = Date.parse('2025-03-02T10:00:00Z');
    poller = new FeedPoller({
      store,
      editor,
      fetch: { allowLoopback: true, timeoutMs: 1_500 },
      announce: (item, preview, channel) => {
        if (announceFails) return Promise.reject(new Error('Discord is down'));
        announced.push({ item, channel, title: preview.prepared.meta.title });
        return Promise.resolve(String(900 + announced.length));
      },
      logger: createLogger('silent'),
      now: () => new Date(clock),
      random: () => 0.5,
    });
    await store.setSettings(GUILD, { reviewChannelId: CHANNEL });
  });

  afterEach(async () => {
    await poller.stop();
    await faq.close();
  });

  const follow = (path: string, trusted = false) =>
    store.follow({ guildId: GUILD, url: `${base}${path}`, title: null, trusted, intervalMinutes: 15, by: 'mod' }, new Date(clock));
  const later = (minutes: number) => (clock += minutes * 60_000);
  const onlyReport = (reports: PollReport[]) => {
    expect(reports).toHaveLength(1);
    return reports[0] as PollReport;
  };

  it('queues a relevant new item once, announces it in the review channel, and leaves out an irrelevant one', async () => {
    pages.set(
      '/a1',
      talksPage(
        'Mediators seek longer truce in lantern talks',
        '2025-03-02',
        'Hamas and Israel were close to extending the ceasefire by two days, mediators said on Sunday.',
      ),
    );
    pages.set('/sport', SPORT_PAGE);
    feedItems = [
      { guid: 'sport-1', link: '/sport', title: 'Regatta' },
      { guid: 'a-1', link: '/a1', title: 'Truce talks' },
    ];
    await follow('/feed.xml');
    const first = onlyReport(await poller.pollDue());
    expect(first).toMatchObject({ error: null, items: { queued: 1, irrelevant: 1 } });
    expect(announced.map((a) => [a.channel, a.title])).toEqual([[CHANNEL, 'Mediators seek longer truce in lantern talks']]);
    const queued = await store.queued(GUILD);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.reason).toMatch(/^relevance \d+ \(needs 6\): topic words .*hostage.*; names .*Hamas/);
    expect(queued[0]?.reviewMessageId).toBe('901');

    // the next poll: the feed has not changed (304); then it lists the same items again and a repeat under a new guid
    later(20);
    expect(onlyReport(await poller.pollDue())).toMatchObject({ notModified: true, items: {} });
    feedItems = [...feedItems, { guid: 'a-1-again', link: '/a1', title: 'Truce talks (updated)' }];
    later(20);
    expect(onlyReport(await poller.pollDue())).toMatchObject({ error: null, items: { duplicate: 1 } });
    expect(await store.queued(GUILD)).toHaveLength(1);
    expect(announced).toHaveLength(1);
    const [feed] = await store.feeds(GUILD);
    expect(feed).toMatchObject({ itemsTaken: 1, lastError: null, failures: 0, title: 'Loopback Courier – World' });
  });

  /** A report about the talks that two tests add through a trusted feed. */
  const PROGRESS_PAGE = talksPage(
    'Negotiators report progress on captive exchange',
    '2025-03-01',
    'Negotiators reported progress on Saturday towards the release of hostages held by Hamas.',
  );

  it('adds a trusted feed’s relevant item as a source, recorded in the change log, and never twice', async () => {
    pages.set('/a2', PROGRESS_PAGE);
    feedItems = [{ guid: 'a-2', link: '/a2', title: 'Progress' }];
    await follow('/feed.xml', true);
    expect(onlyReport(await poller.pollDue()).items).toEqual({ added: 1 });
    const added = readChanges(dir).filter((c) => c.action === 'add');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ author: { by: 'feed', feed: `${base}/feed.xml`, guild: GUILD }, feedItem: { link: `${base}/a2` } });
    expect(live.current().sourceById.has(added[0]?.id ?? '')).toBe(true);
    // the same article under another guid on another poll is found in the corpus
    feedItems = [...feedItems, { guid: 'a-2-copy', link: '/a2', title: 'Progress' }];
    later(20);
    expect(onlyReport(await poller.pollDue()).items).toEqual({ duplicate: 1 });
    expect(readChanges(dir).filter((c) => c.action === 'add')).toHaveLength(1);
    expect(announced).toEqual([]);
  });

  it('queues for review a trusted feed’s item that could not be added as it is (its id is taken)', async () => {
    pages.set('/a6', PROGRESS_PAGE);
    pages.set(
      '/a6-other',
      talksPage(
        'Negotiators report progress on captive exchange',
        '2025-03-01',
        'A different report: Qatari mediators said the release of hostages by Hamas could begin within days.',
      ),
    );
    feedItems = [{ guid: 'a-6', link: '/a6', title: 'Progress' }];
    await follow('/feed.xml', true);
    expect(onlyReport(await poller.pollDue()).items).toEqual({ added: 1 });
    feedItems = [...feedItems, { guid: 'a-6-other', link: '/a6-other', title: 'Progress, another report' }];
    later(20);
    expect(onlyReport(await poller.pollDue()).items).toEqual({ queued: 1 });
    const [waiting] = await store.queued(GUILD);
    expect(waiting?.reason).toMatch(/ Not added without review: another source already has the id "[a-z0-9-]+"/);
    expect(announced.map((a) => a.item.id)).toEqual([waiting?.id]);
  });

  it('announces later what it could not announce when Discord failed, and what waited for a review channel', async () => {
    pages.set(
      '/a3',
      talksPage(
        'Families press mediators over stalled talks',
        '2025-03-02',
        'Families of hostages pressed Qatari mediators on Sunday to revive the stalled ceasefire talks.',
      ),
    );
    feedItems = [{ guid: 'a-3', link: '/a3', title: 'Families' }];
    await follow('/feed.xml');
    announceFails = true;
    expect(onlyReport(await poller.pollDue()).items).toEqual({ queued: 1 });
    expect(announced).toEqual([]);
    announceFails = false;
    later(1);
    await poller.pollDue(); // not due yet: only the pending announcement
    expect(announced.map((a) => a.item.title)).toEqual(['Families']);
    expect((await store.queued(GUILD))[0]?.reviewMessageId).toBe('901');
  });

  it('records every kind of broken feed as a clear error, backs off, and keeps polling the others', async () => {
    pages.set(
      '/a4',
      talksPage(
        'Mediators schedule new round of talks',
        '2025-03-02',
        'Mediators scheduled a new round of talks on the hostages held in Gaza, Hamas said.',
      ),
    );
    feedItems = [{ guid: 'a-4', link: '/a4', title: 'New round' }];
    for (const path of ['/missing', '/broken', '/garbage', '/huge', '/to-private', '/slow', '/site']) await follow(path);
    await follow('/feed.xml');
    const reports = [...(await poller.pollDue()), ...(await poller.pollDue())]; // five feeds a round
    const errors = Object.fromEntries(reports.map((r) => [r.feed.slice(base.length), r.error]));
    expect(errors).toEqual({
      '/missing': 'The site answered 404 Not Found.',
      '/broken': 'The site answered 500 Internal Server Error.',
      '/garbage': 'That address does not give a feed the bot can read (RSS, Atom or JSON Feed).',
      '/huge': 'The page is larger than the 5 MB limit.',
      '/to-private': 'That link points to a private network address (10.1.2.3); only public web pages can be fetched.',
      '/slow': 'The site did not answer within 1.5 s.',
      '/site': 'That address does not give a feed the bot can read (RSS, Atom or JSON Feed).',
      '/feed.xml': null,
    });
    expect(reports.find((r) => r.feed.endsWith('/feed.xml'))?.items).toEqual({ queued: 1 });
    const feeds = await store.feeds(GUILD);
    const missing = feeds.find((f) => f.url.endsWith('/missing'));
    expect(missing).toMatchObject({ failures: 1, lastError: 'The site answered 404 Not Found.' });
    // doubled interval after an error (jitter 0.5 → exactly the interval): 30 min instead of 15
    expect(Date.parse(missing?.nextPollAt ?? '') - clock).toBe(30 * 60_000);
    later(16);
    expect((await poller.pollDue()).map((r) => r.feed.slice(base.length))).toEqual(['/feed.xml']);
  }, 20_000);

  it('takes ten new items a poll, and reads the feed whole again five minutes later for the rest', async () => {
    pages.set('/sport', SPORT_PAGE);
    feedItems = Array.from({ length: 12 }, (_, i) => ({ guid: `s-${i}`, link: `/sport?n=${i}`, title: `Regatta ${i}` }));
    for (let i = 0; i < 12; i++) pages.set(`/sport?n=${i}`, SPORT_PAGE.replace('third title', `title number ${i + 3}`));
    await follow('/feed.xml');
    expect(onlyReport(await poller.pollDue()).items).toEqual({ irrelevant: 10 });
    const [feed] = await store.feeds(GUILD);
    expect(feed).toMatchObject({ etag: null, nextPollAt: new Date(clock + 5 * 60_000).toISOString() });
    later(5);
    expect(onlyReport(await poller.pollDue())).toMatchObject({ notModified: false, items: { irrelevant: 2 } });
    later(15);
    expect(onlyReport(await poller.pollDue())).toMatchObject({ notModified: true });
  });

  it('tries an article that answers 503 or 429 on three polls, then records it as unreadable; a 404 at once', async () => {
    pages.set(
      '/a5',
      talksPage(
        'Mediators weigh new truce terms',
        '2025-03-02',
        'Hamas and Israel weighed new ceasefire terms for the release of hostages, mediators said.',
      ),
    );
    feedItems = [
      { guid: 'busy', link: '/busy', title: 'Busy' },
      { guid: 'slow', link: '/slow-down', title: 'Slow down' },
      { guid: 'gone', link: '/nothing-here', title: 'Gone' },
      { guid: 'a-5', link: '/a5', title: 'Terms' },
    ];
    await follow('/feed.xml');
    expect(onlyReport(await poller.pollDue()).items).toEqual({ unreadable: 1, queued: 1 });
    later(5);
    expect(onlyReport(await poller.pollDue()).items).toEqual({});
    later(5);
    expect(onlyReport(await poller.pollDue()).items).toEqual({ unreadable: 2 });
    later(20);
    expect(onlyReport(await poller.pollDue())).toMatchObject({ notModified: true });
  });

  it('finds the feed a site’s page names', async () => {
    expect(await discoverFeed(`${base}/site`, { allowLoopback: true })).toEqual({
      url: `${base}/feed.xml`,
      title: 'Loopback Courier – World',
      items: 0,
    });
    await expect(discoverFeed(`${base}/a-missing-page`, { allowLoopback: true })).rejects.toThrow('The site answered 404 Not Found.');
    pages.set('/plain', '<html><head><title>No feed</title></head><body>Hello</body></html>');
    await expect(discoverFeed(`${base}/plain`, { allowLoopback: true })).rejects.toThrow(/names no feed/);
    pages.set('/rss-as-html', rss([{ guid: 'g', link: '/a1', title: 'A' }]));
    expect(await discoverFeed(`${base}/rss-as-html`, { allowLoopback: true })).toMatchObject({ url: `${base}/rss-as-html`, items: 1 });
    expect(feedHits).toBe(1);
  });
});

describe('the wait between polls', () => {
  it('is the interval with ±10 % jitter, doubled per error in a row up to a day', () => {
    expect(nextPollDelayMs(15, 0, () => 0)).toBe(13.5 * 60_000);
    expect(nextPollDelayMs(15, 0, () => 1)).toBe(16.5 * 60_000);
    expect(nextPollDelayMs(15, 3, () => 0.5)).toBe(120 * 60_000);
    expect(nextPollDelayMs(15, 40, () => 0.5)).toBe(24 * 60 * 60_000);
  });
});
