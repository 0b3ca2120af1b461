/**
 * What a serving bot process opens before it takes interactions, in gateway mode (`npm start`) and HTTP mode
 * (`npm run start:http`) alike: the bot's database (SQLite, or PostgreSQL at DATABASE_URL) with the FAQ and the
 * followed feeds, and the live corpus (read from its save, or built, then watched for changes). With PostgreSQL the
 * corpus is shared (src/serving/shared-corpus.ts): the folder is first made a copy of the database's corpus, then
 * kept one as other processes change it. A corpus or database that cannot be opened is logged in words
 * and ends the process with exit code 1: a bot with nothing to answer from should not look healthy. Both modes also
 * read their settings and stop on a signal the same way (`settingsOrExit`, `stopOnSignals`).
 *
 * @example
 * const { knowledge, faq, close } = await openBotState(env, logger);
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../commands/index.ts';
import { ConfigError, type DiscordEnv } from '../config/env.ts';
import { corpusDirFromEnv } from '../corpus/load-corpus.ts';
import { FaqDatabaseError, type FaqStore } from '../faq/faq-store.ts';
import { openFaqStore } from '../faq/open-faq-store.ts';
import type { SqlFaqStore } from '../faq/sql-faq-store.ts';
import { FeedStore } from '../feeds/feed-store.ts';
import type { FaqSeed } from '../commands/declare.ts';
import { LiveKnowledge } from '../serving/live-knowledge.ts';
import type { CorpusRecord, SourcePreview } from '../serving/corpus-editor.ts';
import { DatabaseDrafts } from '../serving/database-drafts.ts';
import { CORPUS_CHANNEL, SharedCorpus } from '../serving/shared-corpus.ts';
import type { SourceDrafts } from '../corpus/source-drafts.ts';
import { listenForNotifications } from '../faq/sql/postgres-listener.ts';
import type { FetchPageOptions } from '../ingest/fetch/fetch-page.ts';
import { logReload } from '../serving/log-reload.ts';
import type { Logger } from '../logging/logger.ts';

export interface BotState {
  knowledge: LiveKnowledge;
  faq: FaqStore;
  /** The feeds servers follow and their review queue, in the FAQ's database. */
  feeds: FeedStore;
  /**
   * With DATABASE_URL: the shared corpus's record and the previews in its database, so that every process serves the
   * same corpus and any of them can take a preview's buttons. Null with one machine (the corpus folder is the record).
   */
  shared: { record: CorpusRecord; drafts: SourceDrafts<SourcePreview> } | null;
  /** How `/source-admin` and feeds fetch pages (FETCH_ALLOW_LOOPBACK lets them read this machine). */
  fetch: FetchPageOptions;
  /** Stops following the corpus and closes the FAQ store. */
  close(): Promise<void>;
}

/** A database or corpus that cannot be opened: logged, told on stderr, and the process ends with exit code 1. */
function fatal(logger: Logger, error: Error, message: string): never {
  logger.fatal({ err: error }, message);
  console.error(`talks-bot: ${message}`);
  process.exit(1);
}

export async function openBotState(
  env: Pick<DiscordEnv, 'DATA_DIR' | 'DATABASE_URL'> & Partial<Pick<DiscordEnv, 'FETCH_ALLOW_LOOPBACK'>>,
  logger: Logger,
): Promise<BotState> {
  let faq: SqlFaqStore;
  try {
    // the store's location and messages never hold DATABASE_URL, which may carry a password
    faq = await openFaqStore(env, { onConnectionError: (message) => logger.warn(message) });
    logger.info({ faq: faq.location, schema: await faq.schemaVersion() }, 'FAQ database ready');
  } catch (error) {
    if (!(error instanceof FaqDatabaseError)) throw error;
    fatal(logger, error, error.message);
  }
  const dir = corpusDirFromEnv();
  const url = env.DATABASE_URL?.trim();
  // several processes share the corpus through PostgreSQL; SQLite is one machine's, and its folder stays the record
  const shared = url && faq.database.dialect === 'postgres' ? new SharedCorpus(faq.database, dir) : null;
  if (shared) {
    try {
      const sync = await shared.open();
      logger.info({ ...sync, changes: shared.appliedSeq }, 'the corpus folder is a copy of the shared corpus in the database');
      for (const refusal of sync.refused) logger.warn(`not added to the shared corpus: ${refusal}`);
    } catch (error) {
      await faq.close();
      fatal(logger, error as Error, `the shared corpus could not be copied into ${dir}: ${(error as Error).message}`);
    }
  }
  let knowledge: LiveKnowledge;
  try {
    const started = performance.now();
    // read, and built when there is no usable save, in a worker: a signal to stop is heard meanwhile
    knowledge = await LiveKnowledge.load(dir, (message) => logger.info(message));
    const k = knowledge.current();
    logger.info(
      { sources: k.corpus.sources.length, passages: k.passages.length, ms: Math.round(performance.now() - started) },
      'corpus loaded',
    );
  } catch (error) {
    logger.fatal({ err: error }, 'the corpus cannot be loaded, so no answers are served');
    process.exit(1);
  }
  const stopWatching = knowledge.watch({ onReload: (result) => logReload(logger, result) });
  const stopFollowing =
    shared && url
      ? shared.follow(knowledge, {
          listen: (heard) => listenForNotifications(url, CORPUS_CHANNEL, { heard, trouble: (message) => logger.warn(message) }),
          onReload: (result) => logReload(logger, result),
          onTrouble: (message) => logger.warn(message),
        })
      : () => Promise.resolve();
  return {
    knowledge,
    faq,
    feeds: new FeedStore(faq.database),
    shared: shared ? { record: shared, drafts: new DatabaseDrafts<SourcePreview>(faq.database) } : null,
    fetch: env.FETCH_ALLOW_LOOPBACK ? { allowLoopback: true } : {},
    close: async () => {
      stopWatching();
      await stopFollowing();
      await faq.close();
    },
  };
}

/**
 * What both serving modes answer from, as their start functions take it: the live corpus, the commands, the FAQ
 * store, and the corpus for moderators to edit.
 *
 * @example
 * await startBot({ env, logger, ...servedFrom(state), signal });
 */
export function servedFrom(state: BotState) {
  return {
    knowledge: state.knowledge,
    commands: COMMANDS,
    faq: state.faq,
    corpusEditing: { live: state.knowledge, feeds: state.feeds, fetch: state.fetch, ...(state.shared ?? {}) },
  };
}

/** The starter FAQ's file in a corpus folder. */
export const FAQ_SEED_FILE = 'faq-seed.json';

/**
 * The starter FAQ `/faq-admin seed` imports: the corpus's faq-seed.json, read (and parsed as JSON) each time a
 * moderator seeds, so an edited file is used without a restart. A file that cannot be read or parsed throws, and
 * the moderator is told why ("Nothing was imported: …").
 *
 * @example
 * startBot({ …, faqSeed: faqSeedIn(corpusDirFromEnv()) }) // the transports' default
 */
export function faqSeedIn(corpusDir: string): FaqSeed {
  return () => JSON.parse(readFileSync(join(corpusDir, FAQ_SEED_FILE), 'utf8')) as unknown;
}

/**
 * The settings for a mode, or a one-line message naming what is missing or malformed and exit code 1.
 *
 * @example
 * const env = settingsOrExit(() => readHttpEnv(process.env));
 */
export function settingsOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`talks-bot: ${error.message}`);
    process.exit(1);
  }
}

/**
 * On SIGINT or SIGTERM: log it, stop taking interactions (`stop`), close the corpus watcher and the FAQ store, exit 0.
 *
 * @example
 * stopOnSignals(logger, () => bot.stop(), state);
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, state: BotState): void {
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void stop()
      .then(() => state.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
