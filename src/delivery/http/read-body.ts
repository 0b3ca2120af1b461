/**
 * Reads a request body into memory up to a cap, and stops at the cap: a body announced as larger is refused before
 * a byte of it is read, and a body that grows past the cap (chunked, or lying about its length) is dropped as soon
 * as it does, so a client cannot make the server hold more than the cap. The cap is per request; a `BodyBudget`
 * bounds the bytes all requests together may hold while their bodies are read and checked, so many connections each
 * sending a body just under the cap and stalling cannot add up to the memory of the machine.
 */
import type { IncomingMessage } from 'node:http';

/**
 * The body bytes every request in progress holds, against one limit. A request takes its announced length before
 * reading (or each chunk as it comes, without a Content-Length) and gives it back once its body has been checked.
 *
 * @example
 * const budget = new BodyBudget(64 * 1024 * 1024);
 * if (!budget.take(1024)) return send(res, 503, 'busy');
 * budget.give(1024);
 */
export class BodyBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Bytes taken and not given back. */
  get inUse(): number {
    return this.used;
  }

  /** Takes `bytes` if they fit under the limit; otherwise takes nothing and returns false. */
  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/**
 * The body, or why it was not read: over the cap, over the shared budget, or the client went away (or sent a broken
 * body) first. A body read within a budget keeps its bytes taken until `release` is called.
 */
export type BodyResult = { ok: true; body: Buffer; release: () => void } | { ok: false; reason: 'too-large' | 'over-budget' | 'aborted' };

/**
 * @example
 * const read = await readBody(req, 1024 * 1024, budget);
 * if (!read.ok && read.reason === 'too-large') return send(res, 413, 'request body too large');
 * if (read.ok) try { handle(read.body); } finally { read.release(); }
 */
export function readBody(req: IncomingMessage, maxBytes: number, budget?: BodyBudget): Promise<BodyResult> {
  const announced = Number(req.headers['content-length']);
  const known = req.headers['content-length'] !== undefined && Number.isFinite(announced);
  if (known && announced > maxBytes) return Promise.resolve({ ok: false, reason: 'too-large' });
  // with a Content-Length, its bytes are taken up front; without, each chunk as it arrives
  let held = 0;
  if (known && budget) {
    if (!budget.take(announced)) return Promise.resolve({ ok: false, reason: 'over-budget' });
    held = announced;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    budget?.give(held);
  };
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (!result.ok) {
        chunks.length = 0;
        release();
      }
      resolve(result);
    };
    const stop = (reason: 'too-large' | 'over-budget') => {
      // stop reading; the caller answers and closes the connection
      req.pause();
      settle({ ok: false, reason });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return stop('too-large');
      if (budget && size > held) {
        const more = size - held;
        if (!budget.take(more)) return stop('over-budget');
        held += more;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle({ ok: true, body: Buffer.concat(chunks, size), release }));
    req.once('error', () => settle({ ok: false, reason: 'aborted' }));
    req.once('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}
