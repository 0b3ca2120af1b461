/**
 * `npm run start:http`: the bot as an HTTP interactions endpoint instead of a gateway connection — stateless
 * enough to run several processes behind a load balancer (see docs/http-mode.md). Needs DISCORD_PUBLIC_KEY; the
 * port is PORT (default 8080). SIGTERM and SIGINT drain the requests in flight, then close the FAQ store.
 */
import 'dotenv/config';
import { readHttpEnv } from '../config/env.ts';
import { openBotState, servedFrom, settingsOrExit, stopOnSignals } from '../delivery/bot-state.ts';
import { startHttpBot } from '../delivery/http/start-http-bot.ts';
import { createLogger } from '../logging/logger.ts';
import { renderTimelinePng } from '../render/timeline-picture/index.ts';

const env = settingsOrExit(() => readHttpEnv(process.env));
const logger = createLogger(env.LOG_LEVEL);
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
const state = await openBotState(env, logger);
const http = await startHttpBot({
  env,
  logger,
  ...servedFrom(state),
  site: { timelinePng: renderTimelinePng },
});
stopOnSignals(logger, () => http.stop(), state);
