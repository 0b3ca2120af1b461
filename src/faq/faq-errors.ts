/**
 * The FAQ store's refusals and failures, the same whichever database holds the FAQ, so that the Discord layer shows a
 * moderator the same words on SQLite and on PostgreSQL.
 */
import { UserError } from '../errors/user-error.ts';
import type { ImportReport } from './faq-entry.ts';

/**
 * A refusal a moderator should read: a duplicate question, an unknown entry, input over a limit. A UserError, so the
 * interaction layer shows its message to the member as it is.
 *
 * @example
 * throw new FaqError('There is no FAQ entry #12 in this server.');
 */
export class FaqError extends UserError {
  override name = 'FaqError';
}

/**
 * The database cannot be used (a damaged file, a server that refuses us); the bot must not start on it. Its message
 * never holds DATABASE_URL or a password. Not a refusal (nor a UserError): it is for the operator, and a member
 * whose command meets it gets the apology with an error id while the message goes to the log.
 *
 * @example
 * throw new FaqDatabaseError('data/faq.sqlite3 is damaged or not a database (…). The bot will not overwrite it: …');
 */
export class FaqDatabaseError extends Error {
  override name = 'FaqDatabaseError';
}

/**
 * The database stayed locked by another writer (another shard, a second `/faq-admin seed`) for longer than a member
 * should wait: nothing was changed, and trying again in a moment works. A FaqError, so a member reads its message
 * as every refusal's.
 *
 * @example
 * throw new FaqBusyError(); // a member reads "The FAQ is busy, try again in a moment."
 */
export class FaqBusyError extends FaqError {
  constructor() {
    super('The FAQ is busy, try again in a moment.', { identifier: 'faq-busy' });
    this.name = 'FaqBusyError';
  }
}

/**
 * An import that would overwrite entries without being told to: nothing was applied.
 *
 * @example
 * throw new FaqImportConflict({ added: 0, updated: 0, unchanged: 0, conflicts: ['#3 "Q?" differs from the file'] });
 */
export class FaqImportConflict extends FaqError {
  constructor(readonly report: ImportReport) {
    super(
      `Nothing was imported: ${report.conflicts.length} entr${report.conflicts.length === 1 ? 'y differs' : 'ies differ'} from the file (${report.conflicts.slice(0, 3).join('; ')}${report.conflicts.length > 3 ? '; …' : ''}). Import again with overwrite to replace them.`,
    );
    this.name = 'FaqImportConflict';
  }
}
