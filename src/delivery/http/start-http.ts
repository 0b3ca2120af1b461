/**
 * Starts HTTP interactions mode: the endpoint on `HTTP_HOST:PORT` at `INTERACTIONS_PATH`, verifying with
 * `DISCORD_PUBLIC_KEY`, handing every interaction to the interaction layer. The entry point (`npm run start:http`)
 * loads the corpus and the FAQ, builds the layer's handler and calls this; SIGTERM then calls `stop()`.
 */
import type { AddressInfo } from 'node:net';
import type { HttpEnv } from '../../config/env.ts';
import type { Logger } from '../../logging/logger.ts';
import type { InteractionHandler } from './first-response.ts';
import { createInteractionsServer, type InteractionsServer, type InteractionsServerOptions } from './interactions-server.ts';
import { publicKeyFromHex } from './verify-signature.ts';

export interface RunningHttp {
  server: InteractionsServer;
  address: AddressInfo;
  /** The full URL of the interactions endpoint on this machine (the public URL is the load balancer's). */
  url: string;
  /** Drains and stops (see `InteractionsServer.close`). */
  stop(graceMs?: number): Promise<void>;
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
}

/**
 * @example
 * const http = await startHttp({ env: readHttpEnv(process.env), handler: layer.handle, logger });
 * process.once('SIGTERM', () => void http.stop().then(() => process.exit(0)));
 */
export async function startHttp(options: StartHttpOptions): Promise<RunningHttp> {
  const { env, handler, logger, health, pages } = options;
  const server = createInteractionsServer({ publicKey: publicKeyFromHex(env.DISCORD_PUBLIC_KEY), handler, logger, path: env.INTERACTIONS_PATH, ...(health ? { health } : {}), ...(pages ? { pages } : {}) });
  const address = await server.listen(options.port ?? env.PORT, env.HTTP_HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${env.INTERACTIONS_PATH}`;
  logger.info({ address: address.address, port: address.port, path: env.INTERACTIONS_PATH }, `HTTP interactions endpoint listening on ${url}`);
  return {
    server,
    address,
    url,
    stop: async (graceMs?: number) => {
      await server.close(graceMs);
      logger.info('HTTP interactions endpoint closed');
    },
  };
}
