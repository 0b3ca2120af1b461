/**
 * The HTTP interactions endpoint: Discord POSTs every interaction, signed, to one path, and reads the first response
 * from the HTTP answer. Each request is checked in order — path and method, content type, the signature headers
 * (present, well-formed, recent: checked before a byte of the body is read, so an unsigned request cannot make the
 * server hold its body), body size, the signature itself — before its JSON is parsed; then its shape (the
 * interaction layer's `checkInteraction`) and whether this process has seen its id already (a replay). PING gets
 * PONG here; everything else goes to the interaction layer through `answerInteraction`. What one client can pin is
 * bounded: connections (`maxConnections`), the body bytes all requests hold together (`maxBufferedBytes`), and the
 * time to send headers and body. Stateless apart from the ids seen, so any number of these can run behind a load
 * balancer, which polls `GET /healthz`. Plain node:http: one POST route and one GET route need no framework, and the
 * raw body must reach the signature check byte for byte.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { type APIInteraction, InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import type { Logger } from '../../logging/logger.ts';
import { checkInteraction } from '../../interactions/dispatch.ts';
import { settleWithin } from '../../interactions/in-flight.ts';
import { answerInteraction, type InteractionHandler } from './first-response.ts';
import { BodyBudget, readBody } from './read-body.ts';
import { SeenInteractions } from './seen-interactions.ts';
import { screenSignatureHeaders, verifyDiscordRequest } from './verify-signature.ts';

/**
 * 1 MiB. An interaction is a few kilobytes; the largest is "Find sources" on a message, whose resolved data carries
 * the whole message (4,000 characters, up to 4 bytes each in UTF-8, JSON-escaped) with its embeds (6,000 characters)
 * and attachments' metadata — well under 100 KB. 1 MiB leaves room for what Discord may add while bounding what an
 * unsigned request can make a process hold.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * 64 MiB: the body bytes all requests being read at once may hold. Discord's interactions are a few kilobytes, so
 * this is thousands of them in flight; 64 bodies of just under 1 MiB stalled on purpose fill it, and the next
 * request is answered 503 at once instead of growing the process.
 */
export const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/**
 * Open connections at once; more are closed as they arrive. A load balancer keeps a pool of keep-alive connections
 * (tens, for hundreds of interactions a second); this leaves room for several, while bounding what a flood of
 * stalled connections costs (each holds a socket and its buffers until the header or request timeout).
 */
export const MAX_CONNECTIONS = 512;
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
  /** Connections open at once (`server.maxConnections`); default MAX_CONNECTIONS. */
  maxConnections?: number;
  /** Body bytes all requests may hold together while being read; default MAX_BUFFERED_BYTES. */
  maxBufferedBytes?: number;
  /** The interaction ids already acted on (replays are refused); default a new set for this server. */
  seen?: SeenInteractions;
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
  /**
   * Waits until no handler is running (a deferred answer's work and its edits included), or `deadlineMs` has passed;
   * resolves with how many still run. For after `close`, before the process exits.
   */
  settle(deadlineMs: number): Promise<number>;
  /** Handlers running now. */
  readonly inFlight: number;
}

type Refusal = { status: number; message: string; headers?: Record<string, string> };

function send(res: ServerResponse, status: number, body: string, contentType: string, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (res.destroyed) return reject(new Error('the connection closed before the response was written'));
    res.once('close', () =>
      res.writableFinished ? resolve() : reject(new Error('the connection closed before the response was written')),
    );
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  });
}

const sendJson = (res: ServerResponse, status: number, body: string) => send(res, status, body, 'application/json');
const sendText = (res: ServerResponse, refusal: Refusal) =>
  send(res, refusal.status, `${refusal.message}\n`, 'text/plain; charset=utf-8', refusal.headers).catch(() => undefined);

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The route a request asks for, or why it gets none; nothing here reads the body. */
function routeOf(req: IncomingMessage, path: string, pages: boolean): 'interaction' | 'health' | 'pages' | Refusal {
  const pathname = (req.url ?? '/').split('?')[0];
  if (pathname === HEALTH_PATH)
    return req.method === 'GET' || req.method === 'HEAD'
      ? 'health'
      : { status: 405, message: 'method not allowed', headers: { allow: 'GET, HEAD' } };
  if (pathname !== path) return pages ? 'pages' : { status: 404, message: 'not found' };
  if (req.method !== 'POST') return { status: 405, message: 'method not allowed', headers: { allow: 'POST' } };
  const type = header(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, message: 'content type must be application/json' };
  return 'interaction';
}

/** The interaction in a verified body, or why it is not one the interaction layer can take. */
function parseInteraction(body: Buffer): { ok: true; interaction: APIInteraction } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  return checkInteraction(value);
}

/** At most one line per `everyMs` for an event that can come thousands of times a second, with how many there were. */
function rateLimitedLog(everyMs: number, log: (count: number) => void): () => void {
  let count = 0;
  let last = -Infinity;
  return () => {
    count++;
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    log(count);
    count = 0;
  };
}

/**
 * @example
 * const http = createInteractionsServer({ publicKey: publicKeyFromHex(env.DISCORD_PUBLIC_KEY), handler, logger });
 * const address = await http.listen(8080, '0.0.0.0');
 * process.once('SIGTERM', () => void http.close());
 */
export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const { publicKey, handler, logger, path = INTERACTIONS_PATH, maxBodyBytes = MAX_BODY_BYTES, deadlineMs, health, pages } = options;
  const budget = new BodyBudget(options.maxBufferedBytes ?? MAX_BUFFERED_BYTES);
  const seen =
    options.seen ??
    new SeenInteractions({
      onEvictedEarly: (evicted) =>
        logger.warn({ evicted }, 'interaction ids forgotten before their signatures expired: too many to remember'),
    });
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
    const body = JSON.stringify({
      ok,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      ...(closing ? { closing: true } : {}),
      ...extra,
    });
    res.writeHead(ok ? 200 : 503, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
    });
    res.end(head ? undefined : body);
  };

  /** Answers and ends the connection, so a body the server did not read (or stopped reading) is never waited for. */
  const refuseAndClose = (req: IncomingMessage, res: ServerResponse, refusal: Refusal) => {
    res.once('finish', () => req.socket.destroy());
    return sendText(res, { ...refusal, headers: { ...refusal.headers, connection: 'close' } });
  };
  const overBudget = rateLimitedLog(10_000, (count) =>
    logger.warn({ count, limit: budget.limit }, 'requests refused: the bodies being read fill the memory set aside for them'),
  );

  const onInteraction = async (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = performance.now();
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    // nothing a request without plausible signature headers sends can pass, so its body is never read
    const screened = screenSignatureHeaders(signature, timestamp);
    if (!screened.ok) {
      const clock = screened.skewSeconds === undefined ? {} : { skewSeconds: screened.skewSeconds };
      logger[screened.reason === 'stale' || screened.reason === 'future' ? 'warn' : 'info'](
        { reason: screened.reason, ...clock },
        'unsigned or badly signed request refused',
      );
      return refuseAndClose(req, res, { status: 401, message: 'invalid request signature' });
    }
    const read = await readBody(req, maxBodyBytes, budget);
    if (!read.ok) {
      if (read.reason === 'aborted') return;
      if (read.reason === 'over-budget') {
        overBudget();
        return refuseAndClose(req, res, { status: 503, message: 'server busy', headers: { 'retry-after': '1' } });
      }
      logger.warn({ limit: maxBodyBytes, announced: header(req, 'content-length') }, 'interaction body over the size cap refused');
      return refuseAndClose(req, res, { status: 413, message: 'request body too large' });
    }
    let parsed: ReturnType<typeof parseInteraction>;
    try {
      const verdict = verifyDiscordRequest(publicKey, { signature, timestamp, body: read.body });
      if (!verdict.ok) {
        const clock = verdict.skewSeconds === undefined ? {} : { skewSeconds: verdict.skewSeconds };
        logger[verdict.reason === 'stale' || verdict.reason === 'future' ? 'warn' : 'info'](
          { reason: verdict.reason, ...clock },
          'unsigned or badly signed request refused',
        );
        return sendText(res, { status: 401, message: 'invalid request signature' });
      }
      parsed = parseInteraction(read.body);
    } finally {
      read.release();
    }
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, 'signed request is not an interaction');
      return sendText(res, { status: 400, message: 'body must be an interaction as Discord sends it' });
    }
    const { interaction } = parsed;
    if (interaction.type === InteractionType.Ping)
      return sendJson(res, 200, JSON.stringify({ type: InteractionResponseType.Pong })).catch(() => undefined);
    // only now, with the signature verified: a forger cannot mark an id as seen before Discord sends it
    if (!seen.firstTime(interaction.id, screened.timestampSeconds)) {
      logger.warn({ interactionId: interaction.id, type: interaction.type }, 'replayed interaction refused: this id was answered already');
      return sendText(res, { status: 409, message: 'interaction already received' });
    }
    await answerInteraction(interaction, handler, {
      deliver: (body) => sendJson(res, 200, body),
      logger,
      receivedAt,
      ...(deadlineMs === undefined ? {} : { deadlineMs }),
    });
    logger.debug(
      { interactionId: interaction.id, type: interaction.type, ms: Math.round(performance.now() - receivedAt) },
      'interaction handled',
    );
  };

  const settle = (deadlineMs: number): Promise<number> => settleWithin(inFlight, deadlineMs);

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
  // connections past the cap are closed as they arrive, before a byte is read; logged at most every 10 s
  server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  server.on(
    'drop',
    rateLimitedLog(10_000, (count) => logger.warn({ count, limit: server.maxConnections }, 'connections refused: too many open at once')),
  );

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
    settle,
    get inFlight() {
      return inFlight.size;
    },
  };
}
