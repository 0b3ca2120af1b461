/**
 * The bot in HTTP interactions mode: the interaction layer (`botContext`, as the gateway bot has it) behind the
 * signed endpoint. The first response is the HTTP answer; edits of a deferred answer and follow-ups go to Discord's
 * webhook routes through a REST client at `DISCORD_API_URL` (interaction tokens authorise them, no bot token needed)
 * made for those routes alone (`createWebhookClient`: not held to the 50 requests a second Discord's global limit
 * sets for other routes, which it does not apply to these; per-route 429s still waited out), and a shutdown waits
 * for what it still has to send; when one fails (a 5xx past the retries, an expired token) the interaction layer
 * logs it and the next is answered.
 * The health route reports the corpus and FAQ a load balancer's checks can see. With PUBLIC_URL set, the same port
 * serves the bot's read-only pages (every other GET), with `site` adding to them (the timeline picture).
 *
 * @example
 * const http = await startHttpBot({ env: readHttpEnv(process.env), logger, knowledge: live, commands: COMMANDS, faq });
 * process.once('SIGTERM', () => void http.stop());
 */
import type { HttpEnv } from '../../config/env.ts';
import { corpusDirFromEnv } from '../../corpus/load-corpus.ts';
import { type BotOptions, botContext, createWebhookClient } from '../../interactions/bot-context.ts';
import { createInteractionHandler } from '../../interactions/dispatch.ts';
import { faqSeedIn } from '../bot-state.ts';
import { logRestTrouble } from '../discord/log-rest-trouble.ts';
import { type FeedPolling, startFeedPolling } from '../feed-polling.ts';
import { REST } from '@discordjs/rest';
import type { SiteOptions } from '../web/site-routes.ts';
import { webRequestHandler } from '../web/web-server.ts';
import { type RunningHttp, startHttp } from './start-http.ts';

export async function startHttpBot(
  options: BotOptions & { env: HttpEnv; port?: number; site?: Omit<SiteOptions, 'knowledge'> },
): Promise<RunningHttp & { feeds: FeedPolling | null }> {
  const { env, logger, knowledge } = options;
  const webhooks = createWebhookClient({ api: env.DISCORD_API_URL });
  // a 429 or 5xx on a webhook edit or follow-up is one warning line; what still fails is logged by the interaction layer
  logRestTrouble(webhooks.rest, logger);
  const health = () => {
    const ready = knowledge.ready();
    return { corpus: ready ? 'ready' : 'loading', passages: ready?.passages.length ?? 0, faq: options.faq ? 'on' : 'off' };
  };
  const pages = env.PUBLIC_URL ? { pages: webRequestHandler({ ...options.site, knowledge }, logger) } : {};
  // the starter FAQ, unless given: the corpus's own (CORPUS_DIR)
  const ctx = botContext({ faqSeed: faqSeedIn(corpusDirFromEnv()), ...options });
  const running = await startHttp({
    env,
    logger,
    handler: createInteractionHandler(ctx, webhooks),
    webhooks,
    health,
    ...pages,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  // review messages of followed feeds' items need the bot token; without one, items wait in /source-admin queue
  const rest = env.DISCORD_TOKEN ? new REST({ api: env.DISCORD_API_URL }).setToken(env.DISCORD_TOKEN) : null;
  if (rest) logRestTrouble(rest, logger);
  const feeds = startFeedPolling(ctx.catalog.services, rest, logger);
  return {
    ...running,
    feeds,
    stop: async (...args: Parameters<RunningHttp['stop']>) => {
      await feeds?.stop();
      await running.stop(...args);
    },
  };
}
