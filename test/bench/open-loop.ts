/**
 * An open-loop load test: requests leave at a fixed rate whatever the server does, as Discord's traffic would, and
 * each latency is counted from the moment the request was *due*, not from when it was sent — so a server that falls
 * behind shows it in the percentiles instead of quietly slowing the clients down (the "coordinated omission" a
 * closed loop of N clients hides). Bounded by rate and duration, over loopback keep-alive connections. node:http only.
 */
import { Agent } from 'node:http';
import { type LatencySummary, summarise } from './latency.ts';
import { postSigned, type SignedPost } from './http-load.ts';

/** One request of the mix: what it is (for the per-kind figures), and the signed POST. */
export interface MixedRequest {
  kind: string;
  post: SignedPost;
}

export interface OpenLoopOptions {
  url: string;
  /** Requests per second. */
  rate: number;
  seconds: number;
  /** The n-th request to send (n from 0). */
  next: (n: number) => MixedRequest;
  /** Whether an answer is right for its kind (status, response type); a wrong one counts as an error. */
  check: (kind: string, status: number, body: string) => boolean;
  /** Requests in flight beyond which a due request is not sent but counted as an error (the server is drowning). */
  maxInFlight?: number;
  /** An answer slower than this counts as an error (Discord fails an interaction after 3 s). */
  timeoutMs?: number;
  /** Called once a second with the number of answers completed so far. */
  onSecond?: (second: number, completed: number) => void;
  /** Called with each answer's body (to harvest button custom_ids during a warm-up). */
  onAnswer?: (kind: string, body: string) => void;
}

export interface KindReport {
  requests: number;
  errors: number;
  latency: LatencySummary;
}

export interface OpenLoopReport {
  /** Requests due in the run (rate × seconds). */
  requests: number;
  completed: number;
  errors: number;
  /** Why the errors happened: `status 500`, `wrong answer`, `timeout`, `overload`, `socket`. */
  errorKinds: Record<string, number>;
  seconds: number;
  /** Answers completed per second over the run. */
  sustainedPerSecond: number;
  /** The slowest and fastest one-second windows of completions (a steady run has them close to `rate`). */
  perSecondRange: { min: number; max: number };
  latency: LatencySummary;
  byKind: Record<string, KindReport>;
}

/**
 * Sends `rate` requests a second for `seconds`, each due at `start + n / rate`, and reports completions, errors and
 * latency (from due time to the whole answer read) overall and per kind.
 *
 * @example
 * const report = await runOpenLoop({ url, rate: 1000, seconds: 30, next: (n) => mix[n % mix.length], check: (_k, status) => status === 200 });
 * console.log(`${report.sustainedPerSecond.toFixed(0)}/s, p99 ${report.latency.p99.toFixed(1)} ms, ${report.errors} errors`);
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopReport> {
  const { url, rate, seconds, next, check } = options;
  const maxInFlight = options.maxInFlight ?? 2000;
  const timeoutMs = options.timeoutMs ?? 3000;
  const total = Math.round(rate * seconds);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const times: number[] = [];
  const kinds = new Map<string, { times: number[]; requests: number; errors: number }>();
  const errorKinds: Record<string, number> = {};
  const completionsPerSecond: number[] = [];
  let completed = 0;
  let errors = 0;
  let inFlight = 0;
  const start = performance.now();
  const fail = (why: string, kind: { errors: number }) => {
    errors++;
    kind.errors++;
    errorKinds[why] = (errorKinds[why] ?? 0) + 1;
  };
  const send = async (n: number) => {
    const due = start + (n * 1000) / rate;
    const { kind, post: signed } = next(n);
    const entry = kinds.get(kind) ?? { times: [], requests: 0, errors: 0 };
    kinds.set(kind, entry);
    entry.requests++;
    if (inFlight >= maxInFlight) return fail('overload', entry);
    inFlight++;
    try {
      const answer = await postSigned(url, agent, signed, timeoutMs);
      const took = performance.now() - due;
      times.push(took);
      entry.times.push(took);
      completed++;
      const second = Math.floor((performance.now() - start) / 1000);
      completionsPerSecond[second] = (completionsPerSecond[second] ?? 0) + 1;
      if (!check(kind, answer.status, answer.body)) fail(answer.status === 200 ? 'wrong answer' : `status ${answer.status}`, entry);
      else if (took > timeoutMs) fail('slower than the timeout', entry);
      options.onAnswer?.(kind, answer.body);
    } catch (error) {
      fail(error instanceof Error && error.message === 'timeout' ? 'timeout' : 'socket', entry);
    } finally {
      inFlight--;
    }
  };
  const pending: Array<Promise<void>> = [];
  let sent = 0;
  let reportedSecond = -1;
  while (sent < total) {
    const elapsed = performance.now() - start;
    const due = Math.min(total, Math.floor((elapsed * rate) / 1000) + 1);
    while (sent < due) pending.push(send(sent++));
    const second = Math.floor(elapsed / 1000);
    if (second > reportedSecond) {
      reportedSecond = second;
      options.onSecond?.(second, completed);
    }
    // the next request is due in 1000 / rate ms; a 1 ms timer keeps the send times within a millisecond or two
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  const took = (performance.now() - start) / 1000;
  agent.destroy();
  // whole seconds of the sending window only: the last, partial second would read low
  const windows = Array.from({ length: Math.floor(seconds) }, (_, second) => completionsPerSecond[second] ?? 0);
  return {
    requests: total,
    completed,
    errors,
    errorKinds,
    seconds: took,
    sustainedPerSecond: completed / took,
    perSecondRange: { min: windows.length ? Math.min(...windows) : 0, max: windows.length ? Math.max(...windows) : 0 },
    latency: summarise(times),
    byKind: Object.fromEntries(
      [...kinds].map(([kind, k]) => [kind, { requests: k.requests, errors: k.errors, latency: summarise(k.times) }]),
    ),
  };
}
