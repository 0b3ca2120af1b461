/**
 * `npm start`: with no DISCORD_TOKEN, the console (answers from the bundled corpus), and with WEB_PORT its read-only
 * pages on this machine, stopped with it on /quit; with DISCORD_TOKEN set, the Discord bot, which logs in while the
 * corpus loads and defers answers until it has. While Discord cannot be reached it keeps trying (one log line per
 * attempt, backoff up to a minute); a token or intents Discord refuses end it with one message and exit code 78 (a
 * configuration error: restarting cannot help). With PUBLIC_URL set, the bot also serves its read-only pages on
 * WEB_PORT (under sharding, the first shard's process does).
 */
import 'dotenv/config';
import { readConsoleEnv, readDiscordEnv, wantsDiscord } from './config/env.ts';
import { openKnowledgeOrExit } from './console/load-or-exit.ts';
import { runRepl } from './console/repl.ts';
import { openBotState, servedFrom, settingsOrExit, stopOnSignals } from './delivery/bot-state.ts';
import { CONFIG_ERROR_EXIT_CODE, DiscordConfigError } from './delivery/discord/discord-failures.ts';
import { type RunningBot, startBot } from './delivery/discord/start-bot.ts';
import { type RunningWebServer, servesPages, startWebServer } from './delivery/web/web-server.ts';
import type { LiveKnowledge } from './serving/live-knowledge.ts';
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

/** The console, and with WEB_PORT its pages: what a newcomer can run without a Discord application. */
async function runConsole(): Promise<void> {
  const env = settingsOrExit(() => readConsoleEnv(process.env));
  // a long first build says what it is doing; a start from the saved knowledge says nothing
  const live = openKnowledgeOrExit(
    undefined,
    (message) => /^(?:building|built|the saved)/.test(message) && console.error(`talks-bot: ${message}`),
  );
  if (env.WEB_PORT === undefined && env.PUBLIC_URL)
    console.error('talks-bot: PUBLIC_URL is set but WEB_PORT is not: the console serves no pages (set WEB_PORT to see them).');
  const web = env.WEB_PORT === undefined ? null : await consolePages(live, env.WEB_PORT, env.WEB_HOST);
  try {
    await runRepl(live);
  } finally {
    await web?.stop();
  }
}

/** The pages beside the console, said once where they are; a port that cannot be used is said, not fatal. */
async function consolePages(live: LiveKnowledge, port: number, host: string): Promise<RunningWebServer | null> {
  try {
    const web = await startWebServer({
      site: { knowledge: live, timelinePng: renderTimelinePng },
      logger: createLogger('silent'),
      port,
      host,
    });
    console.error(`talks-bot: the pages are at ${web.url}/ (the sources, the timeline, each quote in its article)`);
    return web;
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    console.error(`talks-bot: the pages cannot be served on ${host}:${port} (${why}); the console answers without them.`);
    return null;
  }
}

if (wantsDiscord(process.env)) await runDiscord();
else await runConsole();
