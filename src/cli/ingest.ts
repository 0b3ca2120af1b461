/**
 * `npm run ingest -- FILE…|DIR [--title … --outlet … --authors "A, B" --published YYYY-MM-DD --inferred
 * --evidence "…" --reports-on … --url … --language … --notes … --id … --dry-run]` (`--help` shows how)
 *
 * Cleans each file (plain text, a page copied or saved from a browser, or HTML; a directory means every .txt,
 * .html and .htm file in it), writes `$CORPUS_DIR/sources/<id>.md` for each, and prints what was read, kept and
 * dropped. The flags apply to every file and override what the page shows. A file that fails is reported in one
 * sentence naming it and saying what to do, and the others go on; the exit status is 1 when any failed, 2 for a
 * usage error. `--dry-run` goes through the same checks, refusals included, and only leaves out the writing.
 *
 * Each page is checked for duplicates, written and recorded holding the corpus lock (`withCorpusLock`), against the
 * corpus as it is on disk then: a run beside another run, or beside the bot's `/source-admin`, never adds an article
 * the other just added.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusDirFromEnv } from '../corpus/load-corpus.ts';
import { decodePage } from '../ingest/fetch/decode-page.ts';
import { ingestReport } from '../ingest/ingest-report.ts';
import { type IngestOptions, refuseTakenId, writeSource } from '../ingest/ingest-source.ts';
import { IngestError } from '../ingest/ingest-error.ts';
import { recordChange, sha256Of, withCorpusLock } from '../corpus/corpus-changes.ts';
import { previewAgainst, sourcesAddedSince } from '../serving/corpus-editor.ts';
import { DuplicateIndex } from '../corpus/duplicates.ts';
import { readableSources } from '../corpus/load-corpus.ts';
import { parseSourceFile } from '../corpus/source-file.ts';

const HELP = `usage: npm run ingest -- FILE…|DIR [flags]

Cleans saved news pages and adds each to the corpus as $CORPUS_DIR/sources/<id>.md (default corpus/),
then reports what it read, kept and dropped; a file that fails is reported and the others go on.

Input:
  FILE                 a .txt file (the article's text, or a page copied from a browser) or a saved .html/.htm page
  DIR                  a folder: every .txt, .html and .htm file in it

Flags (they apply to every file and override what the page shows):
  --title TEXT         the headline
  --outlet NAME        the outlet that published the article
  --authors "A, B"     the authors, separated by commas
  --published DATE     the date it was published, as YYYY-MM-DD
  --inferred           the --published date was worked out, not stated by a source
  --evidence TEXT      why the date is what it is
  --reports-on NAME    the outlet whose reporting the article retells (e.g. a wire agency)
  --url URL            the article's address (http or https)
  --language CODE      its language tag, such as en (the default) or ar
  --notes TEXT         notes kept with the source
  --id ID              the source's id and file name (one file only)
  --dry-run            show what would be written, and what would be refused, without writing
  -h, --help           show this help

Examples:
  npm run ingest -- saved-pages/
  npm run ingest -- ceasefire.html --outlet "Reuters" --published 2025-01-15 --dry-run

Exit status: 0 when every file was added, 1 when any failed, 2 for a usage error.`;

const OPTIONS = {
  id: { type: 'string' },
  title: { type: 'string' },
  outlet: { type: 'string' },
  authors: { type: 'string' },
  published: { type: 'string' },
  inferred: { type: 'boolean' },
  evidence: { type: 'string' },
  'reports-on': { type: 'string' },
  url: { type: 'string' },
  language: { type: 'string' },
  notes: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
const PAGE_FILE = /\.(?:txt|html?)$/i;
const MORE = 'run with --help to see the flags';

/**
 * What to tell the moderator when a path cannot be read, by the system's error code: one sentence saying what is
 * wrong and what to do, where the bare code (ENOENT, EACCES) would mean nothing to a new user.
 *
 * @example
 * unreadable('x.txt', Object.assign(new Error('…'), { code: 'ENOENT' }))
 * // → 'ingest: x.txt: no such file; check the path (a folder ingests every .txt, .html and .htm file in it)'
 */
function unreadable(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: 'no such file; check the path (a folder ingests every .txt, .html and .htm file in it)',
    ENOTDIR: 'no such file, as part of the path is a file rather than a folder; check the path',
    EACCES: 'you have no permission to read this file; make it readable (chmod +r) or copy it somewhere that is',
    EPERM: 'you have no permission to read this file; make it readable (chmod +r) or copy it somewhere that is',
    EISDIR: 'this is a folder, not a file; give the folder itself to ingest every .txt, .html and .htm file in it',
    ELOOP: 'the path leads round a loop of symbolic links; give the real path of the file',
    ENAMETOOLONG: 'the path is too long; move the file to a shorter path',
    ERR_FS_FILE_TOO_LARGE: 'the file is far too large to be a saved page; save the article on its own and ingest that',
    EMFILE: 'too many files are open at once; close some programs and try again',
    ENFILE: 'too many files are open at once; close some programs and try again',
  };
  const reason = code ? why[code] : undefined;
  return `ingest: ${path}: ${reason ?? `cannot be read (${error instanceof Error ? error.message : String(error)}); check the file and try again`}`;
}

/** The files named on the command line, a directory standing for its .txt/.html/.htm files (sorted). */
function filesOf(paths: readonly string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      errors.push(unreadable(path, error));
      continue;
    }
    if (!isDirectory) files.push(path);
    else {
      const inside = readdirSync(path)
        .filter((f) => PAGE_FILE.test(f))
        .sort();
      if (inside.length === 0)
        errors.push(
          `ingest: ${path}: this folder has no .txt, .html or .htm file; save the pages in it with one of those endings, or name the files to ingest`,
        );
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
    ...(authors !== undefined
      ? {
          authors: authors
            .split(',')
            .map((a) => a.trim())
            .filter((a) => a !== ''),
        }
      : {}),
    ...(published ? { published, publishedBasis: v.inferred === true ? ('inferred' as const) : ('stated' as const) } : {}),
    ...(text('evidence') ? { evidence: text('evidence') } : {}),
    ...(text('reports-on') ? { reportsOn: text('reports-on') } : {}),
    ...(text('url') ? { url: text('url') } : {}),
    ...(text('language') ? { language: text('language') } : {}),
    ...(text('notes') ? { notes: text('notes') } : {}),
  };
}

/**
 * One sentence for a command line the parser refused, naming the flag, where Node's own message explains
 * positional arguments and `--` instead.
 *
 * @example
 * usageError(Object.assign(new Error("Unknown option '--bogus'. To specify …"), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }))
 * // → 'ingest: there is no flag --bogus; run with --help to see the flags'
 */
function usageError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-[^' ]*)/.exec(message)?.[1];
  if (!flag) return `ingest: ${message.split('\n')[0] ?? message}; ${MORE}`;
  if ((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `ingest: there is no flag ${flag}; ${MORE}`;
  if (/does not take an argument/.test(message)) return `ingest: ${flag} takes no value; ${MORE}`;
  return `ingest: ${flag} needs a value after it (write ${flag}="…" when the value starts with a dash); ${MORE}`;
}

/** Whether the command line asks for help, even beside something the parser would refuse. */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** The line printed for a file that failed: one sentence naming the file. */
function failureLine(file: string, error: unknown): string {
  if (error instanceof IngestError) return `ingest: ${error.message.startsWith(`${file}: `) ? '' : `${file}: `}${error.message}`;
  if ((error as NodeJS.ErrnoException).code) return unreadable(file, error);
  return `ingest: ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/** Output piped into `head` and closed early: the rest of the report is not wanted, but the ingest goes on. */
function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

function main(argv: string[]): number {
  if (asksForHelp(argv)) {
    console.log(HELP);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    console.error(usageError(error));
    return 2;
  }
  if (parsed.positionals.length === 0) {
    console.error(HELP);
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
  const dryRun = parsed.values['dry-run'] === true;
  const corpusDir = corpusDirFromEnv();
  const existing = readableSources(corpusDir);
  const known = new Set(existing.map((s) => s.id));
  const duplicates = new DuplicateIndex(existing);
  const takenThisRun = new Set<string>();
  for (const [n, file] of files.entries()) {
    if (files.length > 1) console.log(`${n > 0 ? '\n' : ''}== ${file}`);
    try {
      // a saved page may be windows-1252 or say its charset in a <meta>: decoded as a browser would
      const raw = decodePage(readFileSync(file));
      const add = () => {
        // holding the lock: the sources other writers added since are compared with too
        for (const source of dryRun ? [] : sourcesAddedSince(corpusDir, known)) {
          existing.push(source);
          known.add(source.id);
        }
        const { prepared, nearDuplicateOf } = previewAgainst(duplicates, raw, file, options);
        refuseTakenId(prepared, corpusDir, takenThisRun);
        const written = dryRun ? null : writeSource(prepared, corpusDir);
        if (written)
          recordChange(corpusDir, { action: 'add', id: prepared.meta.id, sha256: sha256Of(prepared.text), author: { by: 'command line' } });
        return { prepared, nearDuplicateOf, written };
      };
      const { prepared, nearDuplicateOf, written } = dryRun ? add() : withCorpusLock(corpusDir, add);
      // a dry run counts the page as added too, so the next files meet the same duplicates and taken ids
      existing.push(parseSourceFile(prepared.text, `sources/${prepared.meta.id}.md`));
      known.add(prepared.meta.id);
      takenThisRun.add(prepared.meta.id);
      for (const line of ingestReport(prepared, written)) console.log(line);
      if (nearDuplicateOf)
        console.log(
          `  near-duplicate of ${nearDuplicateOf.id} (${nearDuplicateOf.outlet ?? 'unknown outlet'}): recorded as near_duplicate_of; answers show shared sentences once`,
        );
    } catch (error) {
      failed++;
      console.error(failureLine(file, error));
    }
  }
  if (failed > 0) console.error(`ingest: ${failed} of ${files.length + errors.length} failed`);
  return failed > 0 ? 1 : 0;
}

ignoreClosedStdout();
process.exitCode = main(process.argv.slice(2));
