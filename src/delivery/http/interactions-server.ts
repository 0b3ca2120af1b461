/**
 * The HTTP interactions endpoint: Discord POSTs every interaction, signed, to one path, and reads the first response
 * from the HTTP answer. Each request is checked in order — path and method, content type, body size, signature —
 * before its JSON is parsed; PING gets PONG here; everything else goes to the interaction layer through
 * `answerInteraction`. Stateless, so any number of these can run behind a load balancer, which polls `GET /healthz`.
 * Plain node:http: one POST route and one GET route need no framework, and the raw body must reach the signature
 * check byte for byte.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { type APIInteraction, InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import type { Logger } from '../../logging/logger.ts';
import { answerInteraction, type InteractionHandler } from './first-response.ts';
import { readBody } from './read-body.ts';
import { verifyDiscordRequest } from './verify-signature.ts';

/**
 * 1 MiB. An interaction is a few kilobytes; the largest is "Find sources" on a message, whose resolved data carries
 * the whole message (4,000 characters, up to 4 bytes each in UTF-8, JSON-escaped) with its embeds (6,000 characters)
 * and attachments' metadata — well under 100 KB. 1 MiB leaves room for what Discord may add while bounding what an
 * unsigned request can make a process hold.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
export const INTERACTIONS_PATH = '/interactions';
export const HEALTH_PATH = '/healthz';

export interface InteractionsServerOptions {
  /** The application's public key (see `publicKeyFromHex`). */
  publicKey: KeyObject;
  handler: InteractionHandler;
  logger: Logger;
  path?: string;
  maxBodyBytes?: number;
  /** How long the handler has to call sendFirst before the apology goes out. */
  deadlineMs?: number;
  /** Extra fields for the health answer, e.g. how many passages the corpus serves. */
  health?: () => Record<string, string | number | boolean>;
  /** The bot's read-only pages (PUBLIC_URL set): every request for another path goes here instead of a 404. */
  pages?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface InteractionsServer {
  readonly server: Server;
  /** Starts listening; loopback unless a host is given. Resolves with the bound address (port 0 picks one). */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Stops taking connections, answers health checks with 503 so the load balancer moves on, lets requests and
   * handlers in flight finish (deferred answers still get their edits) for up to `graceMs`, then closes the rest.
   */
  close(graceMs?: number): Promise<void>;
}

type Refusal = { status: number; message: string; headers?: Record<string, string> };

function send(res: ServerResponse, status: number, body: string, contentType: string, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (res.destroyed) return reject(new Error('the connection closed before the response was written'));
    res.once('close', () => (res.writableFinished ? resolve() : reject(new Error('the connection closed before the response was written'))));
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  });
}

const sendJson = (res: ServerResponse, status: number, body: string) => send(res, status, body, 'application/json');
const sendText = (res: ServerResponse, refusal: Refusal) => send(res, refusal.status, `${refusal.message}\n`, 'text/plain; charset=utf-8', refusal.headers).catch(() => undefined);

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The route a request asks for, or why it gets none; nothing here reads the body. */
function routeOf(req: IncomingMessage, path: string, pages: boolean): 'interaction' | 'health' | 'pages' | Refusal {
  const pathname = (req.url ?? '/').split('?')[0];
  if (pathname === HEALTH_PATH) return req.method === 'GET' || req.method === 'HEAD' ? 'health' : { status: 405, message: 'method not allowed', headers: { allow: 'GET, HEAD' } };
  if (pathname !== path) return pages ? 'pages' : { status: 404, message: 'not found' };
  if (req.method !== 'POST') return { status: 405, message: 'method not allowed', headers: { allow: 'POST' } };
  const type = header(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, message: 'content type must be application/json' };
  return 'interaction';
}

/** The parsed interaction, if the verified body is a JSON object with an integer type, an id and a token. */
function parseInteraction(body: Buffer): APIInteraction | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { type, id, token } = value as { type?: unknown; id?: unknown; token?: unknown };
  return Number.isInteger(type) && typeof id === 'string' && typeof token === 'string' ? (value as APIInteraction) : null;
}

/**
 * @example
 * const http = createInteractionsServer({ publicKey: publicKeyFromHex(env.DISCORD_PUBLIC_KEY), handler, logger });
 * const address = await http.listen(8080, '0.0.0.0');
 * process.once('SIGTERM', () => void http.close());
 */
export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const { publicKey, handler, logger, path = INTERACTIONS_PATH, maxBodyBytes = MAX_BODY_BYTES, deadlineMs, health, pages } = options;
  const startedAt = Date.now();
  const inFlight = new Set<Promise<void>>();
  /** Responses not finished yet: a close marks the ones not yet begun to end their connection. */
  const responding = new Set<ServerResponse>();
  let closing = false;

  const onHealth = (res: ServerResponse, head: boolean) => {
    let extra: Record<string, string | number | boolean> = {};
    let failing = false;
    try {
      extra = health?.() ?? {};
    } catch (error) {
      failing = true;
      logger.error({ err: error }, 'health check failed');
    }
    const ok = !closing && !failing;
    const body = JSON.stringify({ ok, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), ...(closing ? { closing: true } : {}), ...extra });
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(head ? undefined : body);
  };

  const onInteraction = async (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = performance.now();
    const read = await readBody(req, maxBodyBytes);
    if (!read.ok) {
      if (read.reason === 'aborted') return;
      logger.warn({ limit: maxBodyBytes, announced: header(req, 'content-length') }, 'interaction body over the size cap refused');
      res.once('finish', () => req.socket.destroy());
      return sendText(res, { status: 413, message: 'request body too large', headers: { connection: 'close' } });
    }
    const verdict = verifyDiscordRequest(publicKey, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp'), body: read.body });
    if (!verdict.ok) {
      const clock = verdict.skewSeconds === undefined ? {} : { skewSeconds: verdict.skewSeconds };
      logger[verdict.reason === 'stale' || verdict.reason === 'future' ? 'warn' : 'info']({ reason: verdict.reason, ...clock }, 'unsigned or badly signed request refused');
      return sendText(res, { status: 401, message: 'invalid request signature' });
    }
    const interaction = parseInteraction(read.body);
    if (!interaction) {
      logger.warn({ bytes: read.body.length }, 'signed request is not an interaction');
      return sendText(res, { status: 400, message: 'body must be an interaction (a JSON object with type, id and token)' });
    }
    if (interaction.type === InteractionType.Ping) return sendJson(res, 200, JSON.stringify({ type: InteractionResponseType.Pong })).catch(() => undefined);
    await answerInteraction(interaction, handler, { deliver: (body) => sendJson(res, 200, body), logger, receivedAt, ...(deadlineMs === undefined ? {} : { deadlineMs }) });
    logger.debug({ interactionId: interaction.id, type: interaction.type, ms: Math.round(performance.now() - receivedAt) }, 'interaction handled');
  };

  // the header and request timeouts below are enforced on this interval (Node's default is 30 s)
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    // while draining, every answer ends its connection, so keep-alive clients reconnect to another process
    if (closing) res.setHeader('connection', 'close');
    responding.add(res);
    res.once('close', () => responding.delete(res));
    const route = routeOf(req, path, pages !== undefined);
    if (route === 'health') return onHealth(res, req.method === 'HEAD');
    if (route === 'pages') return pages?.(req, res);
    if (route !== 'interaction') return void sendText(res, route);
    const done = onInteraction(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'interaction request failed');
      if (!res.headersSent) void sendText(res, { status: 500, message: 'internal error' });
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  // Discord answers fast; a client dribbling its headers or body is cut off. Keep-alive outlives the usual load
  // balancer idle timeout (60 s), so the balancer, not this server, closes idle connections.
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: async (graceMs = 10_000) => {
      closing = true;
      for (const res of responding) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
      ]);
      clearTimeout(timer);
      if (gaveUp) logger.warn({ pending: inFlight.size, graceMs }, 'closing with interactions still in flight');
      server.closeAllConnections();
      await closed;
    },
  };
}
