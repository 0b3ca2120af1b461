/**
 * `npm run bench:feeds`: what following feeds costs, on a loopback feed server and a scratch copy of the bundled
 * corpus (or CORPUS_DIR): feeds of 30 items each (two thirds about the talks, one third not, written here), polled
 * by the real poller with the real feed store (SQLite) and corpus editor. It reports how many items a poll takes, the
 * time a poll takes and per new item (fetched, cleaned, checked for a copy, judged, recorded), an unchanged feed's
 * poll (a 304), and from these the time from an item's publication to the review queue: at most the feed's interval
 * with its jitter, plus the poller's tick, plus the polls it waits behind.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpSync, rmSync } from 'node:fs';
import { corpusDirFromEnv } from '../../src/corpus/load-corpus.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { DEFAULT_INTERVAL_MINUTES, FeedStore, MIN_INTERVAL_MINUTES } from '../../src/feeds/feed-store.ts';
import { FeedPoller, MAX_NEW_ITEMS_PER_POLL, TICK_MS } from '../../src/feeds/feed-poller.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { seededRandom } from './seeded-random.ts';

const FEEDS = 5;
const ITEMS = 30;
const GUILD = '222222222222222222';

const rand = seededRandom(11);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const PEOPLE = ['Qatari mediators', 'Egyptian officials', 'a Hamas official', 'an Israeli negotiator', 'US envoys'];
const TOPICS = [
  'a longer truce',
  'the release of more hostages',
  'a prisoner exchange',
  'a ceasefire in Gaza',
  'the next phase of the deal',
];
const OTHER = ['the harbour regatta', 'a new ferry timetable', 'the autumn harvest fair', 'a library reopening', 'the city marathon'];

/** An article page: about the talks, or not; each one different, so none is a copy of another. */
function page(n: number, talks: boolean): string {
  const lead = talks
    ? `${pick(PEOPLE)} said on day ${n} that talks in Doha on ${pick(TOPICS)} had moved forward, with Israel and Hamas weighing the terms.`
    : `Organisers said on day ${n} that ${pick(OTHER)} drew a record crowd this year, despite the rain.`;
  const more = talks
    ? `Families of the captives held in Gaza urged negotiators to close the deal, according to statement number ${n}.`
    : `Tickets for event number ${n} sold out within an hour, a spokeswoman said.`;
  return `<!doctype html><html><head><title>Story ${n}</title><meta property="og:site_name" content="Loopback Wire">
<meta property="article:published_time" content="2025-03-0${(n % 9) + 1}T09:00:00Z"></head>
<body><article><h1>Story ${n}: ${talks ? 'talks' : 'town'} report</h1><p>${lead}</p><p>${more}</p></article></body></html>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const pages = new Map<string, string>();
const feeds = new Map<string, string>();
const server = createServer((req, res) => {
  const path = req.url ?? '/';
  const feed = feeds.get(path);
  if (feed) {
    const etag = `"${feed.length}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
    res.end(feed);
    return;
  }
  res.writeHead(pages.has(path) ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(pages.get(path) ?? 'not here');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
for (let f = 0; f < FEEDS; f++) {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const n = f * ITEMS + i;
    pages.set(`/story/${n}`, page(n, i % 3 !== 2));
    items.push(`<item><title>Story ${n}</title><link>${base}/story/${n}</link><guid>story-${n}</guid></item>`);
  }
  feeds.set(`/feed/${f}.xml`, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire ${f}</title>${items.join('')}</channel></rss>`);
}

const dir = mkdtempSync(join(tmpdir(), 'talks-bench-feeds-'));
cpSync(corpusDirFromEnv(), dir, { recursive: true, filter: (p) => !/[\\/]\.cache(?:[\\/]|$)/.test(p) });
const live = LiveKnowledge.open(dir);
const faq = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-bench-feeds-db-')));
const store = new FeedStore(faq.database);
await store.setSettings(GUILD, { reviewChannelId: '333333333333333333' });
let clock = Date.parse('2025-03-02T10:00:00Z');
const poller = new FeedPoller({
  store,
  editor: new CorpusEditor(live),
  fetch: { allowLoopback: true },
  logger: createLogger('silent'),
  announce: () => Promise.resolve('1'),
  now: () => new Date(clock),
});
for (let f = 0; f < FEEDS; f++)
  await store.follow(
    { guildId: GUILD, url: `${base}/feed/${f}.xml`, title: null, trusted: false, intervalMinutes: DEFAULT_INTERVAL_MINUTES, by: 'bench' },
    new Date(clock),
  );

console.log(`${FEEDS} feeds of ${ITEMS} items (two thirds about the talks), polled every ${DEFAULT_INTERVAL_MINUTES} min, loopback`);
const rounds: Array<{ ms: number; items: number; queued: number; unchanged: boolean }> = [];
for (let round = 0; round < 10 && !(rounds.at(-1)?.unchanged ?? false); round++) {
  const started = performance.now();
  const reports = await poller.pollDue();
  const ms = performance.now() - started;
  const items = reports.reduce((n, r) => n + Object.values(r.items).reduce((a, b) => a + (b ?? 0), 0), 0);
  const queued = reports.reduce((n, r) => n + (r.items.queued ?? 0), 0);
  const unchanged = reports.length > 0 && reports.every((r) => r.notModified);
  clock += (items > 0 ? MIN_INTERVAL_MINUTES + 1 : DEFAULT_INTERVAL_MINUTES + 2) * 60_000; // a backlog is read again after 5 min
  if (reports.length === 0) continue; // nothing due yet
  rounds.push({ ms, items, queued, unchanged });
  console.log(
    `round ${rounds.length}: ${reports.length} polls, ${items} new items (${queued} queued), ${Math.round(ms)} ms` +
      (items > 0
        ? `, ${(ms / items).toFixed(1)} ms per new item`
        : reports.every((r) => r.notModified)
          ? ' (every feed unchanged: 304)'
          : ''),
  );
}
const taking = rounds.filter((r) => r.items > 0);
const perItem = median(taking.map((r) => r.ms / r.items));
const worstPoll = Math.max(...taking.map((r) => r.ms / FEEDS));
console.log('');
console.log(`items per poll: at most ${MAX_NEW_ITEMS_PER_POLL} new items a feed; the rest wait for the next poll`);
console.log(`per new item (median of rounds): ${perItem.toFixed(1)} ms on loopback, plus the article's own fetch time on the web`);
console.log(`unchanged feeds: ${Math.round(rounds.at(-1)?.ms ?? 0)} ms for ${FEEDS} polls answered 304`);
console.log(
  `publication to review queue, at most: ${DEFAULT_INTERVAL_MINUTES} min × 1.1 (jitter) + ${TICK_MS / 1000} s (tick) + the round before it ` +
    `(here ${Math.round(worstPoll * FEEDS)} ms for ${FEEDS} feeds) = about ${Math.ceil(DEFAULT_INTERVAL_MINUTES * 1.1 + TICK_MS / 60_000)} min; ` +
    `an item beyond the first ${MAX_NEW_ITEMS_PER_POLL} new ones of a poll waits ${MIN_INTERVAL_MINUTES} min more per ${MAX_NEW_ITEMS_PER_POLL} (a backlog is read again after ${MIN_INTERVAL_MINUTES} min)`,
);
console.log(`queued ${(await store.queued(GUILD, 1000)).length} of ${FEEDS * ITEMS} items`);
await faq.close();
server.close();
rmSync(dir, { recursive: true, force: true });
