/**
 * `npm start`: with no DISCORD_TOKEN, the console (answers from the bundled corpus); with DISCORD_TOKEN set, the
 * Discord bot, which logs in while the corpus loads and defers answers until it has. While Discord cannot be reached
 * it keeps trying (one log line per attempt, backoff up to a minute); a token or intents Discord refuses end it with
 * one message and exit code 78 (a configuration error: restarting cannot help). With PUBLIC_URL set, the bot also
 * serves its read-only pages on WEB_PORT (under sharding, the first shard's process does).
 */
import 'dotenv/config';
import { readDiscordEnv, wantsDiscord } from './config/env.ts';
import { openKnowledgeOrExit } from './console/load-or-exit.ts';
import { runRepl } from './console/repl.ts';
import { openBotState, servedFrom, settingsOrExit, stopOnSignals } from './delivery/bot-state.ts';
import { CONFIG_ERROR_EXIT_CODE, DiscordConfigError } from './delivery/discord/discord-failures.ts';
import { type RunningBot, startBot } from './delivery/discord/start-bot.ts';
import { servesPages, startWebServer } from './delivery/web/web-server.ts';
import { createLogger } from './logging/logger.ts';
import { renderTimelinePng } from './render/timeline-picture/index.ts';

async function runDiscord(): Promise<void> {
  const env = settingsOrExit(() => readDiscordEnv(process.env));
  const logger = createLogger(env.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const state = await openBotState(env, logger);
  const web =
    env.PUBLIC_URL && env.WEB_PORT !== undefined && servesPages(process.env)
      ? await startWebServer({
          site: { knowledge: state.knowledge, timelinePng: renderTimelinePng },
          logger,
          port: env.WEB_PORT,
          host: env.WEB_HOST,
        })
      : null;
  const shutdown = new AbortController();
  let bot: RunningBot | null = null;
  // a signal while Discord is still being reached stops the attempts too
  stopOnSignals(
    logger,
    async () => {
      shutdown.abort();
      await Promise.all([bot?.stop(), web?.stop()]);
    },
    state,
  );
  try {
    bot = await startBot({
      env,
      logger,
      ...servedFrom(state),
      signal: shutdown.signal,
    });
  } catch (error) {
    if (shutdown.signal.aborted) return;
    if (!(error instanceof DiscordConfigError)) throw error;
    logger.fatal(error.message);
    console.error(`talks-bot: ${error.message}`);
    await state.close();
    process.exit(CONFIG_ERROR_EXIT_CODE);
  }
}

if (wantsDiscord(process.env)) await runDiscord();
// a long first build says what it is doing; a start from the saved knowledge says nothing
else
  await runRepl(
    openKnowledgeOrExit(undefined, (message) => /^(?:building|built|the saved)/.test(message) && console.error(`talks-bot: ${message}`)),
  );
