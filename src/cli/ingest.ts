/**
 * `npm run ingest -- FILE…|DIR [--title … --outlet … --authors "A, B" --published YYYY-MM-DD --inferred
 * --evidence "…" --reports-on … --url … --language … --notes … --id … --dry-run]`
 *
 * Cleans each file (plain text, a page copied or saved from a browser, or HTML; a directory means every .txt,
 * .html and .htm file in it), writes `$CORPUS_DIR/sources/<id>.md` for each, and prints what was read, kept and
 * dropped. The flags apply to every file and override what the page shows. A file that fails is reported and the
 * others go on; the exit status is 1 when any failed, 2 for a usage error.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusDirFromEnv } from '../corpus/load-corpus.ts';
import { ingestReport } from '../ingest/ingest-report.ts';
import { IngestError, type IngestOptions, writeSource } from '../ingest/ingest-source.ts';
import { recordChange, sha256Of } from '../corpus/corpus-changes.ts';
import { previewAgainst } from '../corpus/corpus-editor.ts';
import { DuplicateIndex } from '../corpus/duplicates.ts';
import { readableSources } from '../corpus/load-corpus.ts';
import { parseSourceFile } from '../corpus/source-file.ts';

const USAGE = 'usage: npm run ingest -- FILE…|DIR [--title … --outlet … --authors "A, B" --published YYYY-MM-DD [--inferred] --evidence "…" --reports-on … --url … --language … --notes … --id … --dry-run]';
const PAGE_FILE = /\.(?:txt|html?)$/i;

/** The files named on the command line, a directory standing for its .txt/.html/.htm files (sorted). */
function filesOf(paths: readonly string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      errors.push(`ingest: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      continue;
    }
    if (!isDirectory) files.push(path);
    else {
      const inside = readdirSync(path).filter((f) => PAGE_FILE.test(f)).sort();
      if (inside.length === 0) errors.push(`ingest: ${path} has no .txt, .html or .htm file`);
      files.push(...inside.map((f) => join(path, f)));
    }
  }
  return { files, errors };
}

function optionsFrom(v: Record<string, string | boolean | undefined>): IngestOptions {
  const text = (key: string) => (typeof v[key] === 'string' && v[key] !== '' ? v[key] : undefined);
  const authors = text('authors');
  const published = text('published');
  return {
    ...(text('id') ? { id: text('id') } : {}),
    ...(text('title') ? { title: text('title') } : {}),
    ...(text('outlet') ? { outlet: text('outlet') } : {}),
    ...(authors !== undefined ? { authors: authors.split(',').map((a) => a.trim()).filter((a) => a !== '') } : {}),
    ...(published ? { published, publishedBasis: v.inferred === true ? ('inferred' as const) : ('stated' as const) } : {}),
    ...(text('evidence') ? { evidence: text('evidence') } : {}),
    ...(text('reports-on') ? { reportsOn: text('reports-on') } : {}),
    ...(text('url') ? { url: text('url') } : {}),
    ...(text('language') ? { language: text('language') } : {}),
    ...(text('notes') ? { notes: text('notes') } : {}),
  };
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        id: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' }, authors: { type: 'string' },
        published: { type: 'string' }, inferred: { type: 'boolean' }, evidence: { type: 'string' },
        'reports-on': { type: 'string' }, url: { type: 'string' }, language: { type: 'string' }, notes: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const { files, errors } = filesOf(parsed.positionals);
  const options = optionsFrom(parsed.values);
  if (options.id && files.length > 1) {
    console.error(`ingest: --id names one source, but ${files.length} files were given: ingest them one at a time, or leave out --id`);
    return 2;
  }
  for (const error of errors) console.error(error);
  let failed = errors.length;
  const corpusDir = corpusDirFromEnv();
  const existing = readableSources(corpusDir);
  const duplicates = new DuplicateIndex(existing);
  for (const [n, file] of files.entries()) {
    if (files.length > 1) console.log(`${n > 0 ? '\n' : ''}== ${file}`);
    try {
      const raw = readFileSync(file, 'utf8');
      const { prepared, nearDuplicateOf } = previewAgainst(duplicates, raw, file, options);
      const written = parsed.values['dry-run'] ? null : writeSource(prepared, corpusDir);
      if (written) {
        recordChange(corpusDir, { action: 'add', id: prepared.meta.id, sha256: sha256Of(prepared.text), author: { by: 'command line' } });
        existing.push(parseSourceFile(prepared.text, `sources/${prepared.meta.id}.md`));
      }
      for (const line of ingestReport(prepared, written)) console.log(line);
      if (nearDuplicateOf) console.log(`  near-duplicate of ${nearDuplicateOf.id} (${nearDuplicateOf.outlet ?? 'unknown outlet'}): recorded as near_duplicate_of; answers show shared sentences once`);
    } catch (error) {
      failed++;
      if (error instanceof IngestError) console.error(`ingest: ${error.message.startsWith(`${file}: `) ? '' : `${file}: `}${error.message}`);
      else if ((error as NodeJS.ErrnoException).code) console.error(`ingest: cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
      else console.error(`ingest: ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  if (failed > 0) console.error(`ingest: ${failed} of ${files.length + errors.length} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
