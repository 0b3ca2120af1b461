import { UserError } from '../errors/user-error.ts';

/**
 * Why a text cannot become a source; the message is fit to show the moderator (a UserError). In a module of its own
 * because every step of ingest (the size checks, the cleaning, the write) can refuse a text, and none of them should
 * have to import another step to say so.
 *
 * @example
 * throw new IngestError('page.txt: no article text found after cleaning');
 */
export class IngestError extends UserError {
  override name = 'IngestError';
}
