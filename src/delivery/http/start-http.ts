/**
 * Starts HTTP interactions mode: the endpoint on `HTTP_HOST:PORT` at `INTERACTIONS_PATH`, verifying with
 * `DISCORD_PUBLIC_KEY`, handing every interaction to the interaction layer. The entry point (`npm run start:http`)
 * loads the corpus and the FAQ, builds the layer's handler and calls this; SIGTERM then calls `stop()`, which lets
 * the requests in flight be answered, then waits for what deferred answers still have to send to Discord (their
 * edits and follow-ups) before the process exits — up to a deadline, so a rolling restart loses nothing and a stuck
 * Discord cannot hold the process forever.
 */
import type { AddressInfo } from 'node:net';
import type { HttpEnv } from '../../config/env.ts';
import type { Logger } from '../../logging/logger.ts';
import type { InteractionHandler } from './first-response.ts';
import { createInteractionsServer, type InteractionsServer, type InteractionsServerOptions } from './interactions-server.ts';
import { publicKeyFromHex } from './verify-signature.ts';

/** How long the requests in flight get to be answered once a shutdown starts (see `InteractionsServer.close`). */
export const CLOSE_GRACE_MS = 10_000;
/**
 * How long a shutdown waits in all, from SIGTERM, for the requests in flight and then for deferred answers' work and
 * webhook requests: under the 30 s container platforms usually allow between SIGTERM and SIGKILL.
 */
export const SHUTDOWN_DEADLINE_MS = 25_000;

/** Webhook requests still to be sent, which a shutdown waits for (see `WebhookClient` in bot-context.ts). */
export interface PendingWebhooks {
  readonly pending: number;
  drain(deadlineMs: number): Promise<number>;
}

export interface RunningHttp {
  server: InteractionsServer;
  address: AddressInfo;
  /** The full URL of the interactions endpoint on this machine (the public URL is the load balancer's). */
  url: string;
  /**
   * Stops taking requests, gives those in flight `graceMs` to be answered (see `InteractionsServer.close`), then waits
   * for the handlers still working and the webhook requests still queued, until `deadlineMs` after the call.
   */
  stop(graceMs?: number, deadlineMs?: number): Promise<void>;
}

export interface StartHttpOptions {
  env: Pick<HttpEnv, 'DISCORD_PUBLIC_KEY' | 'PORT' | 'HTTP_HOST' | 'INTERACTIONS_PATH'>;
  handler: InteractionHandler;
  logger: Logger;
  /** Extra health fields, e.g. `() => ({ passages: knowledge.current().passages.length })`. */
  health?: () => Record<string, string | number | boolean>;
  /** Overrides PORT (tests pass 0 for a free port). */
  port?: number;
  /** The bot's read-only pages, served on the same port (see `InteractionsServerOptions.pages`). */
  pages?: InteractionsServerOptions['pages'];
  /** The webhook client the handler sends edits and follow-ups through; `stop` waits for it. */
  webhooks?: PendingWebhooks;
}

/**
 * @example
 * const http = await startHttp({ env: readHttpEnv(process.env), handler: layer.handle, logger, webhooks });
 * process.once('SIGTERM', () => void http.stop().then(() => process.exit(0)));
 */
export async function startHttp(options: StartHttpOptions): Promise<RunningHttp> {
  const { env, handler, logger, health, pages, webhooks } = options;
  const server = createInteractionsServer({
    publicKey: publicKeyFromHex(env.DISCORD_PUBLIC_KEY),
    handler,
    logger,
    path: env.INTERACTIONS_PATH,
    ...(health ? { health } : {}),
    ...(pages ? { pages } : {}),
  });
  const address = await server.listen(options.port ?? env.PORT, env.HTTP_HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${env.INTERACTIONS_PATH}`;
  logger.info(
    { address: address.address, port: address.port, path: env.INTERACTIONS_PATH },
    `HTTP interactions endpoint listening on ${url}`,
  );
  return {
    server,
    address,
    url,
    stop: async (graceMs = CLOSE_GRACE_MS, deadlineMs = Math.max(graceMs, SHUTDOWN_DEADLINE_MS)) => {
      const until = Date.now() + deadlineMs;
      await server.close(Math.min(graceMs, deadlineMs));
      // a deferred answer is still being worked out, or its edit is still on its way to Discord
      const working = await server.settle(until - Date.now());
      const unsent = webhooks ? await webhooks.drain(until - Date.now()) : 0;
      if (working > 0 || unsent > 0) logger.warn({ working, unsent, deadlineMs }, 'stopped with deferred answers not sent');
      logger.info('HTTP interactions endpoint closed');
    },
  };
}
