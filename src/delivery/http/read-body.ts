/**
 * Reads a request body into memory up to a cap, and stops at the cap: a body announced as larger is refused before
 * a byte of it is read, and a body that grows past the cap (chunked, or lying about its length) is dropped as soon
 * as it does, so a client cannot make the server hold more than the cap.
 */
import type { IncomingMessage } from 'node:http';

/** The body, or why it was not read: over the cap, or the client went away (or sent a broken body) first. */
export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * @example
 * const read = await readBody(req, 1024 * 1024);
 * if (!read.ok && read.reason === 'too-large') return send(res, 413, 'request body too large');
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const announced = Number(req.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        // stop reading; the caller answers 413 and closes the connection
        req.pause();
        settle({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle({ ok: true, body: Buffer.concat(chunks, size) }));
    req.once('error', () => settle({ ok: false, reason: 'aborted' }));
    req.once('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}
