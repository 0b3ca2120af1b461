/**
 * A loopback stand-in for Discord's interaction webhook routes that counts: when each request arrived (so a test can
 * see how many came in any one second), which route and how it was answered. It can hold every answer back until
 * released (requests then wait on the wire, as edits do on a slow Discord) and answer a route with a 429 first.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  method: string;
  /** The path after /api/v10, percent-decoded. */
  path: string;
  /** performance.now() when the request's body had arrived. */
  at: number;
  /** The status it was answered with, once answered. */
  status?: number;
}

export interface RateLimit {
  pattern: RegExp;
  retryAfterS: number;
  global?: boolean;
}

export class WebhookSink {
  readonly requests: SinkRequest[] = [];
  private server: Server | null = null;
  private held: Array<() => void> | null = null;
  private readonly limits: RateLimit[] = [];

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/api`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/api\/v\d+/, '');
        const record: SinkRequest = { method: req.method ?? 'GET', path, at: performance.now() };
        this.requests.push(record);
        const answer = () => {
          const limit = this.limits.find((l) => l.pattern.test(path));
          if (limit) {
            this.limits.splice(this.limits.indexOf(limit), 1);
            record.status = 429;
            const headers: Record<string, string> = {
              'content-type': 'application/json',
              'retry-after': String(limit.retryAfterS),
              'x-ratelimit-scope': limit.global ? 'global' : 'user',
            };
            if (limit.global) headers['x-ratelimit-global'] = 'true';
            res
              .writeHead(429, headers)
              .end(
                JSON.stringify({ message: 'You are being rate limited.', retry_after: limit.retryAfterS, global: limit.global === true }),
              );
            return;
          }
          record.status = req.method === 'DELETE' ? 204 : 200;
          if (req.method === 'DELETE') return void res.writeHead(204).end();
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end('{"id":"1","channel_id":"333333333333333333","content":"","embeds":[],"attachments":[]}');
        };
        if (this.held) this.held.push(answer);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** From now on, requests are received but not answered until `release`. */
  hold(): void {
    this.held ??= [];
  }

  /** Answers every request held, and the next ones at once. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const answer of held) answer();
  }

  /** The next request whose path matches gets a 429 (route-scoped unless `global`). */
  rateLimitOnce(limit: RateLimit): void {
    this.limits.push(limit);
  }

  /** The most requests that arrived within any one second (a sliding window over arrival times). */
  peakPerSecond(filter: (r: SinkRequest) => boolean = () => true): number {
    const times = this.requests
      .filter(filter)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    let peak = 0;
    let from = 0;
    for (let to = 0; to < times.length; to++) {
      while ((times[to] as number) - (times[from] as number) >= 1000) from++;
      peak = Math.max(peak, to - from + 1);
    }
    return peak;
  }

  answered(filter: (r: SinkRequest) => boolean = () => true): number {
    return this.requests.filter((r) => filter(r) && r.status !== undefined && r.status < 300).length;
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
