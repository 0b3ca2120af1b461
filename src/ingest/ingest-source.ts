/**
 * Makes a corpus source out of a raw text: cleans it, fills the front matter from what the page shows (and what the
 * moderator states, which wins), validates it, and writes `sources/<id>.md` atomically — never over an existing
 * file. `prepareSource` does everything but the writing, so a caller can show a preview or check for duplicates
 * before `writeSource`.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { syncDirectory, writeFlushedTemporary } from '../corpus/durable-files.ts';
import { describeIssue } from '../corpus/field-errors.ts';
import { CorpusError, formatSourceFile, parseSourceFile } from '../corpus/source-file.ts';
import { type SourceMeta, SourceMetaSchema } from '../corpus/source-schema.ts';
import { type CleanedText, preview } from './read/cleaned-text.ts';
import { cleanRawText } from './read/clean-raw-text.ts';
import { foldLine } from './read/line-shape.ts';
import { checkRawText } from './read/raw-text-limits.ts';
import { sourceId } from './source-id.ts';
import { sameOutlet } from './metadata/wires.ts';
import { IngestError } from './ingest-error.ts';

export { slugify } from './source-id.ts';

export interface IngestOptions {
  id?: string;
  title?: string;
  outlet?: string;
  authors?: string[];
  published?: string;
  /** `inferred` when the moderator reasoned the date out; `stated` (default) when a source states it. */
  publishedBasis?: 'stated' | 'inferred';
  /** Why the date is what it is; required in spirit for an inferred date. */
  evidence?: string;
  reportsOn?: string;
  url?: string;
  language?: string;
  notes?: string;
  /** The id of a source this text republishes with small edits (set by the duplicate check). */
  nearDuplicateOf?: string;
}

/** A source ready to write: its front matter, what cleaning found, and the file's text. */
export interface PreparedSource {
  meta: SourceMeta;
  cleaned: CleanedText;
  text: string;
}

export interface IngestResult extends PreparedSource {
  file: string;
}

const fold = (text: string) => foldLine(text).replace(/[.!?:;,\s]+$/, '');

/** When the moderator gives the headline and the body opens with it, the body loses it (it is the title, not text). */
function withoutGivenTitle(cleaned: CleanedText, title: string | undefined): CleanedText {
  const first = cleaned.paragraphs[0];
  if (title === undefined || first === undefined || fold(first) !== fold(title)) return cleaned;
  return {
    ...cleaned,
    paragraphs: cleaned.paragraphs.slice(1),
    dropped: [{ text: preview(first), reason: 'the headline given with --title' }, ...cleaned.dropped],
  };
}

/** The notes: the moderator's, then where the outlet, the wire, the dateline and the credits came from. */
function notesFor(cleaned: CleanedText, options: IngestOptions, reportsOn: string | null): string {
  const outletEvidence = !options.outlet && cleaned.outletHint ? cleaned.outletHint.evidence : null;
  const notes = [
    options.notes,
    outletEvidence ? `Outlet from the ${outletEvidence}.` : null,
    reportsOn && !options.reportsOn && cleaned.reportsOnHint
      ? `Reports on ${reportsOn}: from the ${cleaned.reportsOnHint.evidence}.`
      : null,
    cleaned.dateline && !`${outletEvidence ?? ''}${cleaned.reportsOnHint?.evidence ?? ''}`.includes(cleaned.dateline.evidence)
      ? `Dateline "${cleaned.dateline.evidence}".`
      : null,
    cleaned.subtitle ? `Sub-heading: ${cleaned.subtitle}` : null,
    cleaned.credits.length > 0 ? `Credit line: ${cleaned.credits.join(' ')}` : null,
    cleaned.truncated
      ? `The received text stops mid-sentence; its unfinished last sentence was left out ("${preview(cleaned.truncated.text, 80)}").`
      : null,
  ];
  return notes.filter((n): n is string => Boolean(n)).join(' ');
}

/**
 * Builds the front matter from the cleaned text and the moderator's options; the options win. Throws IngestError
 * naming the field when the result is invalid.
 *
 * @example
 * buildMeta(cleanRawText(page), { outlet: 'Reuters' }, { file: 'page.txt', sha256 }).outlet // → 'Reuters'
 */
export function buildMeta(cleaned: CleanedText, options: IngestOptions, origin: { file: string; sha256: string }): SourceMeta {
  const title = options.title ?? cleaned.title;
  const published = options.published ?? cleaned.statedDate?.iso ?? null;
  const basisKind = published === null ? 'unknown' : options.published ? (options.publishedBasis ?? 'stated') : 'stated';
  const evidence =
    options.evidence ??
    (options.published
      ? 'given by the moderator at ingest'
      : (cleaned.statedDate?.evidence ?? 'the text gives no date and none was given at ingest'));
  const outlet = options.outlet ?? cleaned.outletHint?.outlet ?? null;
  const hinted = options.reportsOn ?? cleaned.reportsOnHint?.outlet ?? null;
  const reportsOn = hinted && !(outlet && sameOutlet(outlet, hinted)) ? hinted : null;
  const url = options.url ?? cleaned.url;
  const id = options.id ?? sourceId(published, title, cleaned.paragraphs);
  if (id === null) throw new IngestError('no headline or text to make an id from: give one with --id');
  const meta = {
    id,
    title,
    outlet,
    authors: options.authors ?? cleaned.authors,
    published,
    published_basis: { kind: basisKind, evidence },
    ...(url ? { url } : {}),
    ...(reportsOn ? { reports_on: reportsOn } : {}),
    language: options.language ?? 'en',
    notes: notesFor(cleaned, options, reportsOn),
    origin,
    ...(options.nearDuplicateOf ? { near_duplicate_of: options.nearDuplicateOf } : {}),
  };
  const parsed = SourceMetaSchema.safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const { field, detail } = issue ? describeIssue(issue) : { field: null, detail: 'is not valid' };
    throw new IngestError(field ? `the field "${field}" ${detail}` : `the details ${detail}`);
  }
  return parsed.data;
}

/**
 * Cleans `raw` and prepares its source file without writing anything: the front matter, the cleaned text, and the
 * file's text, checked by reading it back as the corpus loader will. Throws IngestError when the text is binary or
 * an HTML bomb (see raw-text-limits.ts), has no article, or the front matter is invalid.
 *
 * @example
 * const prepared = prepareSource(readFileSync('page.html', 'utf8'), 'page.html', {});
 * prepared.meta.id // → '2025-10-13-hostages-freed-as-trump-and-sisi-host'
 */
export function prepareSource(raw: string, rawName: string, options: IngestOptions): PreparedSource {
  if (raw.trim() === '') {
    // a save that failed, not a page of furniture
    throw new IngestError(
      `${rawName}: the file ${raw === '' ? 'is empty' : 'holds only blank space'}; save the page from the browser again, or copy the article's text into it`,
    );
  }
  checkRawText(raw, rawName);
  const cleaned = withoutGivenTitle(cleanRawText(raw, options.url ?? null), options.title);
  if (cleaned.paragraphs.length === 0) {
    throw new IngestError(
      `${rawName}: no article text found after cleaning: every line was page furniture (menus, share links and the like) or was cut off mid-sentence, so put the article's own paragraphs in the file (no flag can supply the text)`,
    );
  }
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const meta = buildMeta(cleaned, options, { file: basename(rawName), sha256 });
  const text = formatSourceFile(meta, cleaned.paragraphs);
  try {
    parseSourceFile(text, `sources/${meta.id}.md`); // the file must load as the corpus will load it
  } catch (error) {
    if (error instanceof CorpusError) throw new IngestError(error.message);
    throw error;
  }
  return { meta, cleaned, text };
}

/** Where the source with this id lives in a corpus. */
export const sourceFileOf = (corpusDir: string, id: string): string => join(corpusDir, 'sources', `${id}.md`);

const idTakenError = (file: string) => new IngestError(`${file} already exists: choose another --id (ingest never overwrites)`);

/**
 * Throws the IngestError `writeSource` would throw because the id is taken — by a file already in the corpus, or by
 * one of `takenToo` (ids an earlier page of the same run would take) — so a dry run refuses what a real run refuses.
 *
 * @example
 * refuseTakenId(prepared, 'corpus') // throws: corpus/sources/2024-07-31-….md already exists: choose another --id …
 */
export function refuseTakenId(prepared: PreparedSource, corpusDir: string, takenToo: ReadonlySet<string> = new Set()): void {
  const file = sourceFileOf(corpusDir, prepared.meta.id);
  if (existsSync(file) || takenToo.has(prepared.meta.id)) throw idTakenError(file);
}

/**
 * Writes a prepared source to `corpusDir/sources/<id>.md` and returns the path. Atomic and never overwriting: the
 * text goes to a temporary file in the same directory, is flushed to disk, then hard-linked to its name — which
 * fails if the name exists, so an existing source is never replaced, even by a concurrent writer.
 *
 * @example
 * writeSource(prepareSource(raw, 'page.txt', {}), 'corpus') // → 'corpus/sources/2024-07-31-….md'
 */
export function writeSource(prepared: PreparedSource, corpusDir: string): string {
  const dir = join(corpusDir, 'sources');
  const file = sourceFileOf(corpusDir, prepared.meta.id);
  const taken = () => idTakenError(file);
  if (existsSync(file)) throw taken();
  mkdirSync(dir, { recursive: true });
  const temp = writeFlushedTemporary(file, prepared.text);
  try {
    linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw taken();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (existsSync(file)) throw taken(); // a file system without hard links: check, then rename
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  syncDirectory(dir);
  return file;
}

/**
 * Cleans `raw` and writes it into `corpusDir/sources/`. Throws IngestError (nothing written) when the result is
 * invalid, empty, or its id is taken.
 *
 * @example
 * ingestRawText(readFileSync('page.txt', 'utf8'), 'page.txt', 'corpus', { outlet: 'Reuters' }).file
 * // → 'corpus/sources/2023-11-24-…md'
 */
export function ingestRawText(raw: string, rawFile: string, corpusDir: string, options: IngestOptions): IngestResult {
  const prepared = prepareSource(raw, rawFile, options);
  return { ...prepared, file: writeSource(prepared, corpusDir) };
}
