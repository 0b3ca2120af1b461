/**
 * An FAQ export file as a moderator attaches it to `/faq-admin import`: downloaded within a size cap and read as
 * UTF-8 JSON, or refused with a sentence for the moderator (a UserError). What the JSON holds is checked by the store
 * (`importGuild`).
 */
import { UserError } from '../errors/user-error.ts';

const MAX_IMPORT_BYTES = 1_000_000;

/** An attached FAQ export, parsed. Throws a UserError with a message for the moderator (or the fetch's own error). */
export async function downloadFaqExport(file: { size: number; url: string }): Promise<unknown> {
  if (file.size > MAX_IMPORT_BYTES) throw new UserError(`the file is over ${MAX_IMPORT_BYTES / 1_000_000} MB.`);
  const response = await fetch(file.url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new UserError(`the file could not be downloaded (HTTP ${response.status}).`);
  // the size Discord states is the sender's word: the bytes received are what count
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new UserError(`the file is over ${MAX_IMPORT_BYTES / 1_000_000} MB.`);
  return parseImportFile(bytes);
}

/**
 * The bytes of an FAQ export file as JSON: UTF-8 (a byte-order mark is allowed), nothing else. Throws a UserError
 * with a message for the moderator.
 *
 * @example
 * parseImportFile(Buffer.from('{"format":"talks-bot-faq/1","entries":[]}')) // → { format: 'talks-bot-faq/1', entries: [] }
 */
export function parseImportFile(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UserError('the file is not UTF-8 text (an FAQ export is a UTF-8 .json file).');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UserError('the file is not JSON (an FAQ export is the .json file that /faq-admin export gives).');
  }
}
