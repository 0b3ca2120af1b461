/**
 * A loopback fake of Discord's REST API and gateway, enough for the real discord.js Client to log in and answer
 * interactions: GET /gateway/bot, HELLO → IDENTIFY → READY, heartbeats, op 7 reconnect → RESUME → RESUMED,
 * INTERACTION_CREATE dispatches, and the interaction callback and webhook routes. It listens on 127.0.0.1 only and
 * records every request, each body checked against Discord's OpenAPI spec.
 *
 * Faults, for the bot to survive: `injectFault` (a status, body and headers on a route, any number of times: 429
 * with `retry_after`, a global 429, a 5xx, 10062 Unknown interaction, 10008 Unknown message), `invalidateSession`
 * (op 9), `dropConnection` (the socket cut without a close frame), `requestReconnect` (op 7), `rejectToken` (401 on
 * every authorised request) and `closeOnIdentify` (a gateway close code, e.g. 4004 or 4014, instead of READY).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkRequest } from './discord-schema.ts';

export const APP_ID = '111111111111111111';
export const GUILD_ID = '222222222222222222';
export const CHANNEL_ID = '333333333333333333';
export const BOT_USER = { id: APP_ID, username: 'talks-bot', discriminator: '0', global_name: null, avatar: null, bot: true };

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** Files uploaded with a multipart request. */
  files: Array<{ name: string; content: string }>;
  /** The same files byte for byte (a PNG does not survive being read as text), with their part's content type. */
  uploads?: Array<{ name: string; data: Buffer; contentType: string | null }>;
  problems: string[];
  /** The status the fake answered with. */
  status?: number;
}

/** The file parts of a multipart body, as bytes. */
export function multipartFiles(raw: Buffer, boundary: string): Array<{ name: string; data: Buffer; contentType: string | null }> {
  const files: Array<{ name: string; data: Buffer; contentType: string | null }> = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, Math.max(0, split)).toString();
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    if (split >= 0 && filename)
      files.push({
        name: filename,
        data: Buffer.from(part.subarray(split + 4)),
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? null,
      });
    at = next;
  }
  return files;
}

let counter = 500000000000000000n;
export const snowflake = (): string => String(++counter);

export function user(id: string, name = 'member'): Record<string, unknown> {
  return { id, username: name, discriminator: '0', global_name: name, avatar: null };
}

/** A response the fake gives instead of the normal one, `times` times, to requests whose path matches `pattern`. */
export interface Fault {
  pattern: RegExp;
  method?: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
}

/** The faults Discord is known to answer with, as its API sends them. */
export const FAULTS = {
  routeRateLimit: (pattern: RegExp, retryAfterS = 0.2): Fault => ({
    pattern,
    status: 429,
    headers: { 'retry-after': String(retryAfterS), 'x-ratelimit-scope': 'user' },
    body: { message: 'You are being rate limited.', retry_after: retryAfterS, global: false },
  }),
  globalRateLimit: (pattern: RegExp, retryAfterS = 0.2): Fault => ({
    pattern,
    status: 429,
    headers: { 'retry-after': String(retryAfterS), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
    body: { message: 'You are being rate limited.', retry_after: retryAfterS, global: true },
  }),
  serverError: (pattern: RegExp, status = 502, times = 1): Fault => ({ pattern, status, times, body: { message: 'Bad Gateway', code: 0 } }),
  unknownInteraction: (pattern: RegExp, times = 1): Fault => ({
    pattern,
    status: 404,
    times,
    body: { message: 'Unknown interaction', code: 10062 },
  }),
  unknownMessage: (pattern: RegExp, times = 1): Fault => ({
    pattern,
    status: 404,
    times,
    body: { message: 'Unknown Message', code: 10008 },
  }),
};

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  /** The gateway connection of each shard, by shard id, as its IDENTIFY said. */
  private readonly shardSockets = new Map<number, WebSocket>();
  /** The [shard id, shard count] of every IDENTIFY. */
  readonly identifiedShards: Array<[number, number]> = [];
  /** What GET /gateway/bot recommends: the shard count, and how many shards may identify at once. */
  recommendedShards = 1;
  maxConcurrency = 1;
  private seq = 0;
  private waiters: Array<{ test: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  identifies = 0;
  resumes = 0;
  /** Files the fake serves at /attachments/<name>, as Discord's CDN serves uploads. */
  readonly attachments = new Map<string, { content: string; contentType: string }>();

  /** Serves `content` as an uploaded attachment and returns its description for an interaction's `resolved`. */
  upload(filename: string, content: string, contentType = 'application/json'): Record<string, unknown> {
    const id = snowflake();
    const path = `/attachments/${id}/${filename}`;
    this.attachments.set(path, { content, contentType });
    return {
      id,
      filename,
      size: Buffer.byteLength(content),
      url: `http://127.0.0.1:${this.port}${path}`,
      proxy_url: `http://127.0.0.1:${this.port}${path}`,
      content_type: contentType,
    };
  }

  /** Respond to this route with an error, once, to test how the bot copes. */
  failNext: { pattern: RegExp; status: number } | null = null;
  /** Faults still to be given, in order of injection (see `injectFault`). */
  readonly faults: Fault[] = [];
  /** Answer 401 to every request that carries the bot token, as Discord does for a reset token. */
  rejectToken = false;
  /** Close the gateway with this code on IDENTIFY instead of READY (4004 authentication failed, 4014 disallowed intents). */
  closeOnIdentify: number | null = null;

  /** Give `fault` (default once) to the next matching requests. */
  injectFault(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Invalidates the gateway session (op 9): `resumable` true asks the client to RESUME, false to IDENTIFY again. */
  invalidateSession(resumable: boolean): void {
    this.socket?.send(JSON.stringify({ op: 9, d: resumable }));
  }

  /** Cuts the gateway socket without a close frame, as a network failure does. */
  dropConnection(): void {
    this.socket?.terminate();
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  /** Listens on `port` (default: any free one), on 127.0.0.1. */
  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.onConnection(ws));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Resolves with the first request (already made or still to come) that passes `test`. */
  waitFor(test: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const done = this.requests.find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a request from the bot')), timeoutMs);
      this.waiters.push({ test, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  /** Sends INTERACTION_CREATE (on one shard's connection, or the latest) and resolves with the bot's callback for it. */
  async interact(interaction: Record<string, unknown>, shard?: number): Promise<RecordedRequest> {
    this.dispatch('INTERACTION_CREATE', interaction, shard);
    return this.waitFor((r) => r.path.startsWith(`/interactions/${String(interaction.id)}/`));
  }

  /** Asks the client to reconnect (op 7); it should come back with RESUME. */
  requestReconnect(): void {
    this.socket?.send(JSON.stringify({ op: 7, d: null }));
  }

  dispatch(t: string, d: unknown, shard?: number): void {
    const socket = shard === undefined ? this.socket : this.shardSockets.get(shard);
    socket?.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  private onConnection(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw: Buffer) => {
      const msg = JSON.parse(raw.toString()) as { op: number; d: { shard?: [number, number] } | null };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (msg.op === 2 && this.closeOnIdentify !== null) {
        this.identifies++;
        ws.close(this.closeOnIdentify);
      } else if (msg.op === 2) {
        this.identifies++;
        const shard = msg.d?.shard ?? [0, 1];
        this.identifiedShards.push(shard);
        this.shardSockets.set(shard[0], ws);
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: ++this.seq,
            d: {
              v: 10,
              user: BOT_USER,
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
              shard,
              application: { id: APP_ID, flags: 0 },
            },
          }),
        );
      } else if (msg.op === 6) {
        this.resumes++;
        ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
      }
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const method = req.method ?? 'GET';
    let body: unknown;
    const files: Array<{ name: string; content: string }> = [];
    const boundary = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
    if (boundary) {
      // multipart: the JSON is the payload_json part, the rest are files
      for (const part of text.split(`--${boundary}`)) {
        const [head = '', ...rest] = part.split('\r\n\r\n');
        const content = rest.join('\r\n\r\n').replace(/\r\n$/, '');
        const name = /name="([^"]+)"/.exec(head)?.[1];
        const filename = /filename="([^"]+)"/.exec(head)?.[1];
        if (name === 'payload_json') body = JSON.parse(content);
        else if (filename) files.push({ name: filename, content });
      }
    } else {
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
    }
    const record: RecordedRequest = { method, path, body, files, problems: checkRequest(method, path, body) };
    if (boundary) record.uploads = multipartFiles(Buffer.concat(chunks), boundary);
    this.requests.push(record);
    const json = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, data === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(data === undefined ? undefined : JSON.stringify(data));
    };
    const fault = this.faults.find((f) => f.pattern.test(path) && (f.method === undefined || f.method === method));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      json(fault.status, fault.body ?? { message: 'fault', code: 0 }, fault.headers);
    } else if (this.rejectToken && /^Bot /.test(req.headers.authorization ?? '')) {
      json(401, { message: '401: Unauthorized', code: 0 });
    } else if (this.failNext?.pattern.test(path)) {
      const { status } = this.failNext;
      this.failNext = null;
      json(status, { message: 'Internal Server Error', code: 0 });
    } else if (method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const file = this.attachments.get(url.pathname);
      res.writeHead(file === undefined ? 404 : 200, { 'content-type': file?.contentType ?? 'application/json' });
      res.end(file?.content ?? '');
    } else if (method === 'GET' && path === '/gateway/bot') {
      json(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.maxConcurrency },
      });
    } else if (method === 'GET' && path === '/gateway') {
      json(200, { url: `ws://127.0.0.1:${this.port}/gateway` });
    } else if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      json(204);
    } else if (/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path) && method === 'DELETE') {
      json(204);
    } else if (/^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(path) && (method === 'PATCH' || method === 'POST')) {
      json(200, fakeMessage({ ...(body as Record<string, unknown>), author: BOT_USER }));
    } else if (method === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) {
      // a message the bot posts in a channel itself (a followed feed's review message)
      json(200, fakeMessage({ ...(body as Record<string, unknown>), channel_id: path.split('/')[2], author: BOT_USER }));
    } else if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      json(
        200,
        (body as Array<Record<string, unknown>>).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: '1' })),
      );
    } else {
      json(404, { message: `Unknown route ${method} ${path}`, code: 0 });
    }
    for (const w of [...this.waiters]) {
      if (w.test(record)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(record);
      }
    }
  }
}

/** A message object as Discord returns it. */
export function fakeMessage(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: snowflake(),
    channel_id: CHANNEL_ID,
    author: user('444444444444444444', 'someone'),
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
    components: [],
    ...fields,
  };
}

function base(type: number, userId: string, data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: snowflake(),
    application_id: APP_ID,
    type,
    token: `token-${snowflake()}`,
    version: 1,
    data,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'talks' },
    member: { user: user(userId), roles: [], permissions: '0', joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    ...extra,
  };
}

/** A slash command as a member typed it: `/who name:McGurk`. */
export function slashCommand(
  name: string,
  options: Record<string, string | boolean>,
  userId = '555555555555555555',
): Record<string, unknown> {
  return base(2, userId, {
    id: snowflake(),
    name,
    type: 1,
    options: Object.entries(options).map(([n, value]) => ({ name: n, type: typeof value === 'boolean' ? 5 : 3, value })),
  });
}

export function autocomplete(name: string, option: string, typed: string, userId = '555555555555555555'): Record<string, unknown> {
  return base(4, userId, { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] });
}

export function buttonClick(customId: string, message: Record<string, unknown>, userId = '555555555555555555'): Record<string, unknown> {
  return base(3, userId, { custom_id: customId, component_type: 2 }, { message });
}

export function messageMenu(name: string, target: Record<string, unknown>, userId = '555555555555555555'): Record<string, unknown> {
  const id = String(target.id);
  return base(2, userId, { id: snowflake(), name, type: 3, target_id: id, resolved: { messages: { [id]: target } } });
}

/** A /faq or /faq-admin command: `sub` may be "group sub"; `extra` sets permissions, roles and resolved data. */
export function faqCommand(
  name: string,
  sub: string,
  options: Record<string, string | number | boolean>,
  extra: {
    userId?: string;
    permissions?: string;
    roles?: string[];
    resolved?: Record<string, unknown>;
    types?: Record<string, number>;
    guildId?: string;
  } = {},
): Record<string, unknown> {
  const typeOf = (n: string, v: unknown) => extra.types?.[n] ?? (typeof v === 'boolean' ? 5 : typeof v === 'number' ? 4 : 3);
  const leaf = Object.entries(options).map(([n, value]) => ({ name: n, type: typeOf(n, value), value }));
  const [group, subName] = sub.includes(' ') ? sub.split(' ') : [null, sub];
  const subOption = { name: subName, type: 1, options: leaf };
  const interaction = base(2, extra.userId ?? '555555555555555555', {
    id: snowflake(),
    name,
    type: 1,
    options: group ? [{ name: group, type: 2, options: [subOption] }] : [subOption],
    ...(extra.resolved ? { resolved: extra.resolved } : {}),
  });
  const member = interaction.member as Record<string, unknown>;
  member.permissions = extra.permissions ?? '0';
  member.roles = extra.roles ?? [];
  if (extra.guildId) {
    interaction.guild_id = extra.guildId;
    interaction.authorizing_integration_owners = { '0': extra.guildId };
  }
  return interaction;
}

export function faqAutocomplete(name: string, sub: string, option: string, typed: string, guildId = GUILD_ID): Record<string, unknown> {
  const i = base(4, '555555555555555555', {
    id: snowflake(),
    name,
    type: 1,
    options: [{ name: sub, type: 1, options: [{ name: option, type: option === 'entry' ? 4 : 3, value: typed, focused: true }] }],
  });
  i.guild_id = guildId;
  return i;
}

/** A submitted form (MODAL_SUBMIT). */
export function modalSubmit(
  customId: string,
  values: Record<string, string>,
  extra: { userId?: string; permissions?: string } = {},
): Record<string, unknown> {
  const i = base(5, extra.userId ?? '555555555555555555', {
    custom_id: customId,
    components: Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
  });
  (i.member as Record<string, unknown>).permissions = extra.permissions ?? '0';
  return i;
}
