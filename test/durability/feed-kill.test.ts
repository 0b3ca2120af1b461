/**
 * A followed feed's items survive the polling process being killed with SIGKILL at random moments, run after run on
 * the same corpus and database: at the end every item is recorded once, each relevant item of a trusted feed is in
 * the corpus once (one file, one "add" line), each relevant item of a reviewed feed waits in the queue once with its
 * review message posted, nothing irrelevant was queued, and the corpus loads. The pages are written for this test.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dice, seededRandom } from '../bench/seeded-random.ts';
import { readChanges } from '../../src/corpus/corpus-changes.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { FeedStore } from '../../src/feeds/feed-store.ts';
import { scratchCorpus } from '../helpers/corpus.ts';
import { recordFigures } from './figures.ts';
import { bundleChild, runUntilKilled } from './killed-child.ts';

const RUNS = 12;
const GUILD = '100000000000000001';
const FIRST = ['Amber', 'Birch', 'Cedar', 'Dune', 'Elm', 'Fern', 'Glen', 'Heath'];
const SECOND = ['Bay', 'Cove', 'Dale', 'Ford', 'Hill', 'Moor', 'Vale', 'Wick'];
/** The town of item `i`: its articles' subject, different for each. */
const townOf = (i: number) => `${FIRST[i % 8] ?? ''}${SECOND[Math.floor(i / 8) % 8] ?? ''}`;
/** Towns a feed gains per run: each run's child meets new items. */
const TOWNS_PER_RUN = 2;
const TOWNS_IN_ALL = (RUNS + 1) * TOWNS_PER_RUN;

/** An article about the talks (own words), different for each town. */
const talks = (town: string) => `<!doctype html><html><head><title>${town} talks report</title>
<meta property="og:site_name" content="The Loopback Courier"><meta property="article:published_time" content="2025-03-02T09:00:00Z"></head>
<body><article><h1>Mediators discuss the ${town} truce</h1>
<p>Qatari mediators said the ${town} round of talks between Israel and Hamas on the release of hostages had moved forward.</p>
<p>Families of the captives held in Gaza urged negotiators in Doha to close a deal on the ${town} proposal and a ceasefire.</p>
</article></body></html>`;
const other = (town: string) => `<!doctype html><html><head><title>${town} fair</title></head>
<body><article><h1>${town} fair draws a crowd</h1><p>The ${town} autumn fair drew a record crowd on Saturday, its organisers said.</p>
<p>Stalls sold apples, honey and bread until late in the evening.</p></article></body></html>`;

describe('followed feeds under kill -9', () => {
  let web: Server;
  let base = '';
  /** How many towns each feed lists now. */
  let listed = 0;
  let script = '';
  const dice = new Dice(seededRandom(20261207));

  beforeAll(async () => {
    script = await bundleChild('test/durability/feed-poller-child.ts');
    web = createServer((req, res) => {
      const path = req.url ?? '/';
      const feed = /^\/(trusted|review)\.xml$/.exec(path)?.[1];
      if (feed) {
        const towns = Array.from({ length: listed }, (_, i) => townOf(2 * i + (feed === 'trusted' ? 0 : 1)));
        const items = towns.flatMap((t) => [`/${feed}/${t}`, `/${feed}/${t}-fair`]);
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(
          `<rss version="2.0"><channel><title>${feed}</title>${items.map((i) => `<item><link>${base}${i}</link><guid>${i}</guid></item>`).join('')}</channel></rss>`,
        );
        return;
      }
      const [, , page = ''] = path.split('/');
      const town = page.replace(/-fair$/, '');
      // a page takes a moment, so that kills land while items are being read
      setTimeout(
        () => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(page.endsWith('-fair') ? other(town) : talks(town));
        },
        dice.int(20, 80),
      );
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => web.close(resolve));
  });

  it(`loses no item and adds none twice, over ${RUNS} kills`, async () => {
    const dir = scratchCorpus();
    const dataDir = mkdtempSync(join(tmpdir(), 'talks-feed-kill-'));
    const setup = await SqliteFaqStore.open(dataDir);
    const feeds = new FeedStore(setup.database);
    await feeds.setSettings(GUILD, { reviewChannelId: '300000000000000003' });
    for (const [name, trusted] of [
      ['trusted', true],
      ['review', false],
    ] as const)
      await feeds.follow({ guildId: GUILD, url: `${base}/${name}.xml`, title: null, trusted, intervalMinutes: 15, by: 'test' }, new Date());
    await setup.close();

    const recorded = async () => {
      const db = await SqliteFaqStore.open(dataDir);
      const [row] = await db.database.read((tx) => tx.all<{ n: number }>('SELECT count(*) AS n FROM feed_items'));
      await db.close();
      return Number(row?.n ?? 0);
    };
    let kills = 0;
    let announced = 0;
    let midPoll = 0;
    for (let run = 0; run < RUNS; run++) {
      const before = await recorded();
      listed += TOWNS_PER_RUN;
      // killed once it is ready (the "start" line) and a moment more: reading the feeds, an article, a record
      const result = await runUntilKilled(
        script,
        { CORPUS_DIR: dir, DATA_DIR: dataDir, RUN: String(run) },
        { afterAcks: 1, delayMs: dice.int(0, 2500) },
      );
      if (result.killed) kills++;
      else expect.fail(`run ${run} ended before its kill (exit ${result.exitCode}): ${result.stderr.slice(0, 500)}`);
      announced += result.acks.filter((a) => a.op === 'announce').length;
      const after = await recorded();
      if (after < 4 * listed && (after > before || result.acks.some((a) => a.op === 'poll'))) midPoll++;
    }
    listed += TOWNS_PER_RUN;
    const last = await runUntilKilled(
      script,
      { CORPUS_DIR: dir, DATA_DIR: dataDir, RUN: String(RUNS), ONCE: '1' },
      { afterAcks: 1_000_000, delayMs: 0 },
      { limitMs: 120_000 },
    );
    expect(last.killed, last.stderr).toBe(false);
    expect(last.exitCode).toBe(0);
    announced += last.acks.filter((a) => a.op === 'announce').length;

    const store = await SqliteFaqStore.open(dataDir);
    const after = new FeedStore(store.database);
    const queued = await after.queued(GUILD, 100);
    const rows = await store.database.read((tx) =>
      tx.all<{ feed_url: string; item_key: string; state: string }>('SELECT feed_url, item_key, state FROM feed_items ORDER BY item_key'),
    );
    await store.close();

    // every item once, each as it should be
    const trusted = Array.from({ length: TOWNS_IN_ALL }, (_, i) => townOf(2 * i));
    const reviewed = Array.from({ length: TOWNS_IN_ALL }, (_, i) => townOf(2 * i + 1));
    expect(rows).toHaveLength(4 * TOWNS_IN_ALL);
    const states = Object.fromEntries(rows.map((r) => [r.item_key, r.state]));
    for (const town of trusted) {
      expect(['added', 'duplicate']).toContain(states[`/trusted/${town}`]);
      expect(states[`/trusted/${town}-fair`]).toBe('irrelevant');
    }
    for (const town of reviewed) {
      expect(states[`/review/${town}`]).toBe('queued');
      expect(states[`/review/${town}-fair`]).toBe('irrelevant');
    }
    expect(queued.map((q) => q.key).sort()).toEqual(reviewed.map((t) => `/review/${t}`).sort());
    expect(queued.every((q) => q.reviewMessageId !== null)).toBe(true);

    // each trusted article in the corpus once: one source, one "add" line; nothing else added
    const corpus = loadCorpus(dir);
    const changes = readChanges(dir);
    for (const town of trusted) {
      const sources = corpus.sources.filter((s) => s.title === `Mediators discuss the ${town} truce`);
      expect(sources, town).toHaveLength(1);
      expect(changes.filter((c) => c.action === 'add' && c.id === sources[0]?.id)).toHaveLength(1);
    }
    expect(changes.filter((c) => c.action === 'add')).toHaveLength(trusted.length);
    const duplicates = rows.filter((r) => r.state === 'duplicate').length;
    console.log(
      `durability feeds: ${kills} kills (${midPoll} while items were being read), ${rows.length} items recorded once each, ${trusted.length - duplicates} trusted items added on the poll that read them and ${duplicates} found already added after a kill, ${announced} review messages posted for ${queued.length} queued items`,
    );
    recordFigures('feeds', {
      runs: RUNS,
      kills,
      killsWhileReading: midPoll,
      items: rows.length,
      duplicatesAfterKill: duplicates,
      announced,
    });
    expect(midPoll).toBeGreaterThan(0);
  }, 300_000);
});
