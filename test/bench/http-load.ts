/**
 * A bounded load test of an HTTP interactions endpoint over loopback: a fixed number of requests, signed like
 * Discord signs them, sent by a fixed number of concurrent clients on keep-alive connections, with each answer's
 * latency and status recorded. Bounded by count, not by time, so two runs do the same work. node:http only.
 */
import { type KeyObject, sign } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Worker } from 'node:worker_threads';
import { type LatencySummary, summarise } from './latency.ts';

/** One request as Discord would send it: the JSON body and its content type and signature headers. */
export interface SignedPost {
  body: string;
  headers: Record<string, string>;
}

/**
 * Signs an interaction as Discord does: Ed25519 over the timestamp (Unix seconds) followed by the body.
 *
 * @example
 * signedPost(privateKey, { id: '1', type: 1, token: 't' }) // → { body: '{"id":"1",…}', headers: { 'x-signature-ed25519': '…', … } }
 */
export function signedPost(privateKey: KeyObject, interaction: unknown, timestamp: number = Math.floor(Date.now() / 1000)): SignedPost {
  const body = JSON.stringify(interaction);
  const ts = String(timestamp);
  const signature = sign(null, Buffer.from(ts + body), privateKey).toString('hex');
  return { body, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts } };
}

export interface LoadOptions {
  url: string;
  /** Sent in turn, cycling when `count` is larger. */
  posts: readonly SignedPost[];
  count: number;
  /** Requests in flight at once, each on its own keep-alive connection. */
  concurrency: number;
  /** The interaction response type every answer must have (with status 200); other answers count as failures. */
  expectType: number;
}

export interface LoadReport {
  requests: number;
  /** Answers that failed `check`, or requests that got no answer. */
  failures: number;
  statuses: Record<string, number>;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
}

/**
 * Sends one signed request on a keep-alive agent and reads the whole answer; with `timeoutMs`, a socket idle that
 * long fails with the error "timeout".
 *
 * @example
 * await postSigned(url, new Agent({ keepAlive: true }), signedPost(key, ping)) // → { status: 200, body: '{"type":1}' }
 */
export function postSigned(url: string, agent: Agent, signed: SignedPost, timeoutMs?: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}),
        headers: { ...signed.headers, 'content-length': String(Buffer.byteLength(signed.body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(signed.body);
  });
}

/**
 * Sends `count` signed requests with `concurrency` clients and reports requests per second and the latency
 * distribution (milliseconds, from sending a request to reading its whole answer).
 *
 * @example
 * const report = await loadEndpoint({ url, posts: [signedPost(key, ping)], count: 5000, concurrency: 32, expectType: 1 });
 * console.log(`${report.perSecond.toFixed(0)} req/s, p99 ${report.latency.p99.toFixed(1)} ms`);
 */
export async function loadEndpoint(options: LoadOptions): Promise<LoadReport> {
  const { url, posts, count, concurrency, expectType } = options;
  const right = (status: number, body: string) => {
    try {
      return status === 200 && (JSON.parse(body) as { type?: unknown }).type === expectType;
    } catch {
      return false;
    }
  };
  if (posts.length === 0) throw new Error('loadEndpoint needs at least one request to send');
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  let next = 0;
  const client = async () => {
    while (next < count) {
      const signed = posts[next++ % posts.length] as SignedPost;
      const started = performance.now();
      try {
        const answer = await postSigned(url, agent, signed);
        times.push(performance.now() - started);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        if (!right(answer.status, answer.body)) failures++;
      } catch {
        failures++;
        statuses.error = (statuses.error ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: count, failures, statuses, seconds, perSecond: count / seconds, latency: summarise(times) };
}

/**
 * `loadEndpoint` in a worker thread, so the clients do not share an event loop with a server in this process: what
 * is measured is the server's latency, not the two taking turns.
 *
 * @example
 * const report = await loadEndpointInWorker({ url, posts, count: 5000, concurrency: 32, expectType: 4 });
 */
export function loadEndpointInWorker(options: LoadOptions): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    // a worker does not inherit the TypeScript loader, so it registers tsx before importing the worker module
    const loader = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = JSON.stringify(new URL('./http-load-worker.ts', import.meta.url).href);
    const worker = new Worker(`import(${loader}).then(({ register }) => { register(); return import(${entry}); })`, {
      eval: true,
      workerData: options,
    });
    worker.once('message', (report: LoadReport) => resolve(report));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the load worker exited with code ${code}`)));
  });
}
