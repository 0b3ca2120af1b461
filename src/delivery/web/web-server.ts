/**
 * The read-only site on node:http: in gateway mode its own server on `WEB_PORT` (`startWebServer`); in HTTP mode
 * the interactions server hands it every request that is not an interaction or a health check
 * (`webRequestHandler`). A page that fails to render is logged and answered 500, and the server keeps serving.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logging/logger.ts';
import { respond, type SiteOptions } from './site-routes.ts';
import { webResponse } from './web-response.ts';

/**
 * A node:http request listener for the site.
 *
 * @example
 * createServer(webRequestHandler({ knowledge: live }, logger)).listen(8081);
 */
export function webRequestHandler(site: SiteOptions, logger: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    let response;
    try {
      response = respond(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: { 'if-none-match': req.headers['if-none-match'] } },
        site,
      );
    } catch (error) {
      logger.error({ err: error, url: req.url }, 'page failed to render');
      response = webResponse(500, 'text/plain; charset=utf-8', 'Something went wrong on our side; the error is logged.\n');
    }
    res.writeHead(response.status, response.headers);
    res.end(req.method === 'HEAD' ? undefined : response.body);
  };
}

export interface RunningWebServer {
  address: AddressInfo;
  /** Where this process serves the site (the public address is PUBLIC_URL). */
  url: string;
  stop(): Promise<void>;
}

/**
 * @example
 * const web = await startWebServer({ site: { knowledge: live }, logger, port: 8081, host: '0.0.0.0' });
 * process.once('SIGTERM', () => void web.stop());
 */
export async function startWebServer(options: {
  site: SiteOptions;
  logger: Logger;
  port: number;
  host?: string;
}): Promise<RunningWebServer> {
  const { logger } = options;
  const server = createServer(webRequestHandler(options.site, logger));
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ address: address.address, port: address.port }, `quote pages listening on ${url}`);
  return {
    address,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Whether this process serves the pages: any process but a shard other than the first (discord.js's
 * ShardingManager passes each shard process its ids in SHARDS), so shards do not fight over WEB_PORT.
 *
 * @example
 * servesPages({ SHARDS: '[1]' }) // → false
 * servesPages({}) // → true
 */
export function servesPages(env: NodeJS.ProcessEnv): boolean {
  if (!env.SHARDS) return true;
  try {
    const ids: unknown = JSON.parse(env.SHARDS);
    return Array.isArray(ids) ? ids.includes(0) : ids === 0;
  } catch {
    return true;
  }
}
