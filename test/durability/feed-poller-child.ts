/**
 * The child of the feed kill -9 test: the bot's feed poller on CORPUS_DIR and the feed store in DATA_DIR, polling
 * without end (or, with ONCE=1, until a round brings nothing new and nothing waits to be announced). Its clock runs
 * an hour ahead per round, from RUN × 100 hours ahead, so every feed is due at once. It prints one JSON line once it
 * is ready, then one per posted review message and per poll: what a moderator would have seen.
 */
import { isMainThread } from 'node:worker_threads';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { FeedPoller } from '../../src/feeds/feed-poller.ts';
import { FeedStore } from '../../src/feeds/feed-store.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';

async function pollForever(): Promise<void> {
  const faq = await SqliteFaqStore.open(process.env.DATA_DIR ?? 'data');
  const store = new FeedStore(faq.database);
  let hours = Number(process.env.RUN ?? '0') * 100;
  const ack = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const poller = new FeedPoller({
    store,
    editor: new CorpusEditor(LiveKnowledge.open(process.env.CORPUS_DIR ?? 'corpus')),
    fetch: { allowLoopback: true },
    logger: createLogger('silent'),
    announce: (item) => {
      ack({ op: 'announce', item: item.id });
      return Promise.resolve(`9${item.id}`);
    },
    now: () => new Date(Date.now() + hours * 3_600_000),
  });
  ack({ op: 'start' });
  for (;;) {
    const reports = await poller.pollDue();
    for (const r of reports) ack({ op: 'poll', feed: r.feed, items: r.items, error: r.error });
    hours++;
    const quiet = reports.length > 0 && reports.every((r) => Object.keys(r.items).length === 0 && r.error === null);
    if (process.env.ONCE === '1' && quiet && (await store.unannounced()).length === 0) break;
  }
  await faq.close();
}

// bundled into one file, this script is also what a worker thread of the live knowledge (corpus-worker.ts) loads:
// there it must not poll a second time
if (isMainThread) await pollForever();
