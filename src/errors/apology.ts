/**
 * What a member is told when something failed on the bot's side (anything thrown that is not a `UserError`, or no
 * answer in time): one short apology naming an error id, the id under which the detail was logged. Built here for
 * every place that apologises — the interaction layer's dispatch and the HTTP endpoint's fallback first response —
 * so they say it alike.
 *
 * @example
 * const errorId = newErrorId();
 * logger.error({ err, errorId }, 'interaction failed');
 * apology(errorId) // → 'Sorry — something went wrong on our side (error id `1a2b3c4d`). Please try again.'
 */
import { randomBytes } from 'node:crypto';

/** The apology's opening for a failure. */
export const SOMETHING_WENT_WRONG = 'Sorry — something went wrong on our side';
/** The apology's opening when no answer came in time. */
export const TOOK_TOO_LONG = 'Sorry — that took too long to answer';

/** A short id (8 hex digits) to log a failure under and to show in its apology. */
export const newErrorId = (): string => randomBytes(4).toString('hex');

/**
 * The apology for the failure logged under `errorId`.
 *
 * @example
 * apology('1a2b3c4d', TOOK_TOO_LONG) // → 'Sorry — that took too long to answer (error id `1a2b3c4d`). Please try again.'
 */
export function apology(errorId: string, opening: string = SOMETHING_WENT_WRONG): string {
  return `${opening} (error id \`${errorId}\`). Please try again.`;
}
