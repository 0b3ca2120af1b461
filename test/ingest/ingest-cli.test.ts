/** `npm run ingest -- FILE…|DIR [flags]` as a moderator runs it: a report per file, failures reported, the rest written. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyCorpus } from '../helpers/corpus.ts';

const PAGE_TEXT = [
  'Skip to content',
  'Home',
  'News',
  'Sport',
  '',
  'Ferry crews agree on a night-time timetable',
  '',
  'By Idris Kamal',
  'Published: Wed 31 Jul 2024',
  '',
  'Share',
  '',
  'The ferry crews of the northern strait settled on a night-time timetable after a week of talks, their union said on Tuesday.',
  '',
  'The new timetable doubles the number of crossings between midnight and dawn, according to the union’s statement.',
  '',
  'Back to top',
].join('\n');

const PAGE_HTML = `<!doctype html><html><head><meta property="og:title" content="Harbour board backs the night timetable">
<meta property="og:site_name" content="Island Courier"><meta property="article:published_time" content="2024-08-01T08:00:00+00:00"></head>
<body><article><h1>Harbour board backs the night timetable</h1><p>The harbour board voted on Thursday to back the night timetable that the ferry crews agreed last week.</p>
<p>The first night crossing is due to leave at midnight on Monday, the board said in a statement.</p><p>Advertisement</p></article></body></html>`;

const scratch: string[] = [];
function pagesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talks-pages-'));
  scratch.push(dir);
  writeFileSync(join(dir, 'a-ferry.txt'), PAGE_TEXT);
  writeFileSync(join(dir, 'b-board.html'), PAGE_HTML);
  writeFileSync(join(dir, 'c-junk.txt'), 'Skip to content\nShare\nBack to top\n');
  writeFileSync(join(dir, 'notes.md'), 'not a page');
  return dir;
}
function ingest(args: string[], corpus: string, preload: string[] = []) {
  scratch.push(corpus);
  const node = ['--import', 'tsx', ...preload.flatMap((file) => ['--import', pathToFileURL(file).href])];
  const r = spawnSync(process.execPath, [...node, 'src/cli/ingest.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CORPUS_DIR: corpus },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('npm run ingest on a directory', () => {
  const corpus = emptyCorpus();
  const run = ingest([pagesDir()], corpus);

  it('writes a source for every page in it, and reports what it read for each', () => {
    expect(readdirSync(join(corpus, 'sources')).sort()).toEqual([
      '2024-07-31-ferry-crews-agree-on-a-night-time.md',
      '2024-08-01-harbour-board-backs-the-night-timetable.md',
    ]);
    expect(run.stdout).toContain('wrote ');
    expect(run.stdout).toContain('  title: Ferry crews agree on a night-time timetable');
    expect(run.stdout).toContain('  authors: Idris Kamal');
    expect(run.stdout).toContain('  published: 2024-07-31 [stated: date line "Published: Wed 31 Jul 2024"]');
    expect(run.stdout).toContain('  outlet: Island Courier');
  });

  it('lists the first words of each kept paragraph and every dropped line with its reason', () => {
    expect(run.stdout).toContain(
      'kept 2 paragraphs:\n  1. The ferry crews of the northern strait settled on a night-time timetable …\n  2. The new timetable',
    );
    expect(run.stdout).toMatch(/dropped \d+ lines:\n {2}- skip link: Skip to content\n/);
    expect(run.stdout).toContain('  - back-to-top link: Back to top');
  });

  it('reports a page with no article text and goes on; the exit status says something failed', () => {
    expect(run.stderr).toMatch(/c-junk\.txt: no article text found after cleaning/);
    expect(run.status).toBe(1);
  });
});

describe('npm run ingest flags', () => {
  it('refuses --id for several files, writing nothing', () => {
    const corpus = emptyCorpus();
    const run = ingest([pagesDir(), '--id', 'one-id'], corpus);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--id names one source/);
    expect(readdirSync(join(corpus, 'sources'))).toEqual([]);
  });

  it('applies flags over what the page shows, and --dry-run writes nothing', () => {
    const corpus = emptyCorpus();
    const dir = pagesDir();
    const run = ingest([join(dir, 'a-ferry.txt'), '--outlet', 'Strait Radio', '--authors', 'Ann Lee, Bo Chan', '--dry-run'], corpus);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('would write sources/2024-07-31-ferry-crews-agree-on-a-night-time.md');
    expect(run.stdout).toContain('  outlet: Strait Radio');
    expect(run.stdout).toContain('  authors: Ann Lee, Bo Chan');
    expect(readdirSync(join(corpus, 'sources'))).toEqual([]);
  });

  it('says how to use it when given nothing', () => {
    const run = ingest([], emptyCorpus());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^usage: npm run ingest -- FILE…\|DIR/);
  });
});

describe('npm run ingest and duplicates', () => {
  const fixture = (name: string) => join('test/fixtures/pages', name);

  it('refuses a page whose text is already in the corpus, naming the source, even under another id', () => {
    const corpus = emptyCorpus();
    const first = ingest([fixture('2025-01-16-ceasefire-agreed.txt')], corpus);
    expect(first.status).toBe(0);
    const again = ingest([fixture('2025-01-16-ceasefire-agreed-lynx.txt'), '--id', 'another-id'], corpus);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already in the corpus as "2025-01-16-[a-z0-9-]+".*the same text/);
    expect(readdirSync(join(corpus, 'sources'))).toHaveLength(1);
  });

  it('accepts a near-duplicate (the same wire story with small edits) and records which source it repeats', () => {
    const corpus = emptyCorpus();
    const run = ingest(
      [fixture('2025-10-09-first-phase-agreed-lakeside.txt'), fixture('2025-10-09-first-phase-agreed-prairie.txt')],
      corpus,
    );
    expect(run.status).toBe(0);
    const files = readdirSync(join(corpus, 'sources')).sort();
    expect(files).toHaveLength(2);
    const texts = files.map((f) => readFileSync(join(corpus, 'sources', f), 'utf8'));
    const firstId = files
      .map((f) => f.replace(/\.md$/, ''))
      .find((id) => !texts.find((t) => t.includes(`id: ${id}`))?.includes('near_duplicate_of'));
    expect(texts.filter((t) => t.includes(`near_duplicate_of: ${firstId}`))).toHaveLength(1);
    expect(run.stdout).toContain(`near-duplicate of ${firstId}`);
  });

  it('records every source it writes in changes.jsonl, as added from the command line', () => {
    const corpus = emptyCorpus();
    ingest([fixture('2024-10-17-sinwar-killed.txt')], corpus);
    const lines = readFileSync(join(corpus, 'changes.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; id: string; author: { by: string } });
    expect(lines).toEqual([
      expect.objectContaining({ action: 'add', id: expect.stringMatching(/^2024-10-17-/) as unknown, author: { by: 'command line' } }),
    ]);
  });
});

/** A folder of files that are not articles: empty, blank, a PDF and a PNG under page names, a folder named like a page. */
function badFilesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talks-bad-pages-'));
  scratch.push(dir);
  writeFileSync(join(dir, 'blank.txt'), '  \n\n\t\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'furniture.txt'), 'Skip to content\nShare\nBack to top\n');
  writeFileSync(join(dir, 'report.txt'), '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n');
  writeFileSync(
    join(dir, 'snapshot.html'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  mkdirSync(join(dir, 'older.html'));
  return dir;
}

describe('npm run ingest on files that are not articles', () => {
  const corpus = emptyCorpus();
  const dir = badFilesDir();
  const run = ingest([dir, join(dir, 'missing.txt')], corpus);
  const line = (file: string) => run.stderr.split('\n').find((l) => l.startsWith(`ingest: ${join(dir, file)}: `));

  it('says a missing file is missing and what to check, without a system error code', () => {
    expect(line('missing.txt')).toBe(
      `ingest: ${join(dir, 'missing.txt')}: no such file; check the path (a folder ingests every .txt, .html and .htm file in it)`,
    );
    expect(run.stderr).not.toMatch(/ENOENT|EISDIR/);
  });

  it('says a folder named like a page is a folder', () => {
    expect(line('older.html')).toBe(
      `ingest: ${join(dir, 'older.html')}: this is a folder, not a file; give the folder itself to ingest every .txt, .html and .htm file in it`,
    );
  });

  it('says an empty or blank file is empty and how to fill it', () => {
    expect(line('empty.txt')).toBe(
      `ingest: ${join(dir, 'empty.txt')}: the file is empty; save the page from the browser again, or copy the article's text into it`,
    );
    expect(line('blank.txt')).toBe(
      `ingest: ${join(dir, 'blank.txt')}: the file holds only blank space; save the page from the browser again, or copy the article's text into it`,
    );
  });

  it('says a page of furniture alone needs the article text, which no flag can give', () => {
    expect(line('furniture.txt')).toMatch(
      /furniture\.txt: no article text found after cleaning: .*put the article's own paragraphs in the file \(no flag can supply the text\)$/,
    );
  });

  it('refuses a PDF or an image by its content, whatever the file is called, naming what it is', () => {
    expect(line('report.txt')).toBe(
      `ingest: ${join(dir, 'report.txt')}: this is a PDF file, not a text or HTML page; open it, copy the article's text into a .txt file and ingest that`,
    );
    expect(line('snapshot.html')).toMatch(/snapshot\.html: this is a PNG image, not a text or HTML page; /);
    expect(readdirSync(join(corpus, 'sources'))).toEqual([]);
    expect(run.stderr).toContain('ingest: 7 of 7 failed');
    expect(run.status).toBe(1);
  });

  it('says a file it may not read is unreadable, in words', () => {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, PAGE_TEXT);
    // root reads any file, so the refusal the system gives a user without permission is made up here
    const fault = join(dir, 'no-permission.mjs');
    writeFileSync(
      fault,
      `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const read = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (String(path).endsWith('locked.txt')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path });
  return read.call(this, path, ...rest);
};
syncBuiltinESMExports();
`,
    );
    const denied = ingest([locked], emptyCorpus(), [fault]);
    expect(denied.stderr.split('\n')[0]).toBe(
      `ingest: ${locked}: you have no permission to read this file; make it readable (chmod +r) or copy it somewhere that is`,
    );
    expect(denied.status).toBe(1);
  });
});

describe('npm run ingest --help and unknown flags', () => {
  it('prints what it does, the inputs, every flag and examples for --help and -h, and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const run = ingest([flag], emptyCorpus());
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^usage: npm run ingest -- FILE…\|DIR \[flags\]\n/);
      for (const name of [
        '--title',
        '--outlet',
        '--authors',
        '--published',
        '--inferred',
        '--evidence',
        '--reports-on',
        '--url',
        '--language',
        '--notes',
        '--id',
        '--dry-run',
        '--help',
      ]) {
        expect(run.stdout).toMatch(new RegExp(`^ {2}(?:-h, )?${name} `, 'm'));
      }
      expect(run.stdout.match(/^ {2}npm run ingest -- /gm)).toHaveLength(2);
    }
  });

  it('names an unknown flag in one sentence and points to --help, exit 2', () => {
    const run = ingest(['--titel', 'Ferry talks', 'page.txt'], emptyCorpus());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('ingest: there is no flag --titel; run with --help to see the flags\n');
    expect(run.stdout).toBe('');
  });
});

describe('npm run ingest --dry-run', () => {
  it('refuses a page whose id is taken, as the real run does, writing nothing', () => {
    const corpus = emptyCorpus();
    const dir = pagesDir();
    expect(ingest([join(dir, 'a-ferry.txt')], corpus).status).toBe(0);
    // the same story with one word changed: a near-duplicate with the same date and headline, so the same id
    writeFileSync(join(dir, 'a-ferry-again.txt'), PAGE_TEXT.replace('doubles', 'triples'));
    const dry = ingest([join(dir, 'a-ferry-again.txt'), '--dry-run'], corpus);
    const real = ingest([join(dir, 'a-ferry-again.txt')], corpus);
    expect(real.stderr).toMatch(/2024-07-31-ferry-crews-agree-on-a-night-time\.md already exists: choose another --id/);
    expect(dry.stderr).toBe(real.stderr);
    expect(dry.stdout).not.toContain('would write');
    expect(dry.status).toBe(real.status);
    expect(readdirSync(join(corpus, 'sources'))).toEqual(['2024-07-31-ferry-crews-agree-on-a-night-time.md']);
  });

  it('meets, for the second of two pages, the id the first would take', () => {
    const corpus = emptyCorpus();
    const dir = pagesDir();
    writeFileSync(join(dir, 'a-ferry-again.txt'), PAGE_TEXT.replace('doubles', 'triples'));
    const dry = ingest([join(dir, 'a-ferry.txt'), join(dir, 'a-ferry-again.txt'), '--dry-run'], corpus);
    expect(dry.stdout).toContain('would write sources/2024-07-31-ferry-crews-agree-on-a-night-time.md');
    expect(dry.stderr).toMatch(
      /a-ferry-again\.txt: .*2024-07-31-ferry-crews-agree-on-a-night-time\.md already exists: choose another --id/,
    );
    expect(dry.status).toBe(1);
    expect(readdirSync(join(corpus, 'sources'))).toEqual([]);
  });
});
