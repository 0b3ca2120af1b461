/**
 * Work still in flight at a shutdown — the answers an HTTP endpoint is working out, the edits and follow-ups the
 * webhook client has still to send — waited for up to a deadline, so a stopping bot finishes what it started
 * without hanging on what never settles.
 */

/**
 * Resolves once `pending` is empty — promises added while waiting are waited for too, as their owner removes each
 * one that settles — or when `deadlineMs` has passed, with how many were still pending (0: all settled). Never
 * rejects.
 *
 * @example
 * await settleWithin(inFlight, 20_000) // → 0 when every request in flight settled within 20 s
 */
export async function settleWithin(pending: ReadonlySet<Promise<unknown>>, deadlineMs: number): Promise<number> {
  const until = Date.now() + deadlineMs;
  while (pending.size > 0 && Date.now() < until) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...pending]), new Promise((resolve) => (timer = setTimeout(resolve, until - Date.now())))]);
    clearTimeout(timer);
  }
  return pending.size;
}
