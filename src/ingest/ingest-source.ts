/**
 * Makes a corpus source out of a raw text: cleans it, fills the front matter from what the text shows (and what the
 * moderator states on the command line), validates it, and writes `sources/<id>.md` — never over an existing file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatSourceFile, parseSourceFile } from '../corpus/source-file.ts';
import { type SourceMeta, SourceMetaSchema } from '../corpus/source-schema.ts';
import type { CleanedText } from './cleaned-text.ts';
import { cleanRawText } from './clean-raw-text.ts';

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
}

export interface IngestResult {
  meta: SourceMeta;
  cleaned: CleanedText;
  file: string;
  text: string;
}

export class IngestError extends Error {
  override name = 'IngestError';
}

/** "How the hostage deal came about" → "how-the-hostage-deal-came-about". */
export function slugify(words: string, maxWords = 7): string {
  return words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .slice(0, maxWords)
    .join('-');
}

/** Builds the front matter from the cleaned text and the moderator's options; the options win. */
export function buildMeta(cleaned: CleanedText, options: IngestOptions, origin: { file: string; sha256: string }): SourceMeta {
  const title = options.title ?? cleaned.title;
  const firstWords = cleaned.paragraphs[0] ?? '';
  const published = options.published ?? cleaned.statedDate?.iso ?? null;
  const basisKind = published === null ? 'unknown' : options.published ? (options.publishedBasis ?? 'stated') : 'stated';
  const evidence =
    options.evidence ??
    (options.published ? 'given by the moderator at ingest' : cleaned.statedDate?.evidence ?? 'the text gives no date and none was given at ingest');
  const notes = [
    options.notes,
    cleaned.outletHint && !options.outlet ? `Outlet from the ${cleaned.outletHint.evidence}.` : null,
    cleaned.credits.length > 0 ? `Credit line: ${cleaned.credits.join(' ')}` : null,
  ].filter((n): n is string => Boolean(n));
  const meta = {
    id: options.id ?? slugify(`${published ?? ''} ${title ?? firstWords}`),
    title,
    outlet: options.outlet ?? cleaned.outletHint?.outlet ?? null,
    authors: options.authors ?? cleaned.authors,
    published,
    published_basis: { kind: basisKind, evidence },
    ...(options.url ? { url: options.url } : {}),
    ...(options.reportsOn ? { reports_on: options.reportsOn } : {}),
    language: options.language ?? 'en',
    notes: notes.join(' '),
    origin,
  };
  const parsed = SourceMetaSchema.safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IngestError(`front matter field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
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
  const cleaned = cleanRawText(raw);
  if (cleaned.paragraphs.length === 0) throw new IngestError(`${rawFile}: no article text found after cleaning`);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const meta = buildMeta(cleaned, options, { file: basename(rawFile), sha256 });
  const dir = join(corpusDir, 'sources');
  const file = join(dir, `${meta.id}.md`);
  if (existsSync(file)) throw new IngestError(`${file} already exists: choose another --id (ingest never overwrites)`);
  const text = formatSourceFile(meta, cleaned.paragraphs);
  parseSourceFile(text, `sources/${meta.id}.md`); // the written file must load as it will be loaded
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
  return { meta, cleaned, file, text };
}
