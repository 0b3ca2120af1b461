/**
 * `npm start`: with no DISCORD_TOKEN, the console (answers from the bundled corpus); with DISCORD_TOKEN set, the
 * Discord bot, which logs in while the corpus loads and defers answers until it has.
 */
import 'dotenv/config';
import { COMMANDS } from '../commands/index.ts';
import { ConfigError, readDiscordEnv, wantsDiscord } from './config/env.ts';
import { openKnowledgeOrExit } from './console/load-or-exit.ts';
import { corpusDirFromEnv } from './corpus/load-corpus.ts';
import { runRepl } from './console/repl.ts';
import { startBot } from './delivery/discord/start-bot.ts';
import { FaqDatabaseError, type FaqStore } from './faq/faq-store.ts';
import { openFaqStore } from './faq/open-faq-store.ts';
import { LiveKnowledge } from './knowledge/live-knowledge.ts';
import { logReload } from './knowledge/log-reload.ts';
import { createLogger } from './logging/logger.ts';

async function runDiscord(): Promise<void> {
  let env;
  try {
    env = readDiscordEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`talks-bot: ${error.message}`);
    process.exit(1);
  }
  const logger = createLogger(env.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  let knowledge: LiveKnowledge;
  try {
    const started = performance.now();
    knowledge = LiveKnowledge.open(corpusDirFromEnv(), (message) => logger.info(message));
    const k = knowledge.current();
    logger.info({ sources: k.corpus.sources.length, passages: k.passages.length, ms: Math.round(performance.now() - started) }, 'corpus loaded');
  } catch (error) {
    logger.fatal({ err: error }, 'the corpus cannot be loaded, so no answers are served');
    process.exit(1);
  }
  const stopWatching = knowledge.watch({ onReload: (result) => logReload(logger, result) });
  let faq: FaqStore;
  try {
    // the store's location and messages never hold DATABASE_URL, which may carry a password
    faq = await openFaqStore(env, { onConnectionError: (message) => logger.warn(message) });
    logger.info({ faq: faq.location, schema: await faq.schemaVersion() }, 'FAQ database ready');
  } catch (error) {
    if (!(error instanceof FaqDatabaseError)) throw error;
    logger.fatal({ err: error }, error.message);
    console.error(`talks-bot: ${error.message}`);
    process.exit(1);
  }
  const bot = await startBot({ env, logger, knowledge, commands: COMMANDS, faq, corpusEditing: { live: knowledge } });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    stopWatching();
    void bot
      .stop()
      .then(() => faq.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (wantsDiscord(process.env)) await runDiscord();
// a long first build says what it is doing; a start from the saved knowledge says nothing
else await runRepl(openKnowledgeOrExit(undefined, (message) => /^(?:building|built|the saved)/.test(message) && console.error(`talks-bot: ${message}`)));
