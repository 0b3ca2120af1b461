/**
 * `npm run eval:ingest -- <pages folder> <metadata.tsv>` — how much of what a page shows ingest reads with no flags.
 *
 * For every `NN.txt` / `NN.html` in the folder that has a row in the table, the page is cleaned and its front matter
 * built exactly as `npm run ingest` does with no flags, then compared field by field — headline, outlet, the wire it
 * reports on, publication date, authors — with what the table says the page itself shows. The table is
 * tab-separated with the columns `nn title outlet reports_on published authors notes`; a blank cell means the page
 * shows nothing for that field. In the notes, `[ok outlet=X]` names a value that is also right though the page does
 * not state it as such, and `[either-field]` says that the outlet and the wire are interchangeable for that page.
 *
 * A field is *read right* when the value equals the table's (case, quotes and "The" aside; a wire by any of its
 * names); *missed* when the page shows it and ingest read nothing; *wrong* when ingest read something else; and
 * *invented* when the page shows nothing and ingest read something anyway. A date marked inferred is never counted as
 * invented (it says it was worked out). Nothing is written; the page text never leaves the folder it is in. The
 * script reads only the two paths it is given.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceMeta } from '../../src/corpus/source-schema.ts';
import { prepareSource } from '../../src/ingest/ingest-source.ts';
import { foldLine } from '../../src/ingest/read/line-shape.ts';
import { sameOutlet } from '../../src/ingest/metadata/wires.ts';

const FIELDS = ['title', 'outlet', 'reports_on', 'published', 'authors'] as const;
type Field = (typeof FIELDS)[number];

interface Truth {
  nn: string;
  values: Record<Field, string>;
  ok: Partial<Record<Field, string[]>>;
  eitherField: boolean;
}

type Verdict = 'right' | 'missed' | 'wrong' | 'invented' | 'blank';

/** Reads the table: one row per page, blanks kept. */
export function readTruth(tsv: string): Truth[] {
  const [header, ...rows] = tsv.split('\n').filter((l) => l.trim() !== '');
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const cell = (name: string) => (cells[columns.indexOf(name)] ?? '').trim();
    const notes = cell('notes');
    const ok: Truth['ok'] = {};
    for (const m of notes.matchAll(/\[ok (\w+)=([^\]]+)\]/g)) {
      const field = m[1] as Field;
      (ok[field] ??= []).push((m[2] ?? '').trim());
    }
    const values = Object.fromEntries(FIELDS.map((f) => [f, cell(f)])) as Record<Field, string>;
    return { nn: cell('nn'), values, ok, eitherField: notes.includes('[either-field]') };
  });
}

const same = (field: Field, a: string, b: string): boolean => {
  if (field === 'outlet' || field === 'reports_on') return sameOutlet(a, b);
  const fold = (s: string) => foldLine(s).replace(/[.,;:!?'"\s]+$/, '');
  return fold(a) === fold(b);
};

/** What ingest read for a field, as one comparable string ('' for nothing). */
function readValue(meta: SourceMeta, field: Field): string {
  if (field === 'authors') return meta.authors.join(', ');
  if (field === 'published') return meta.published_basis.kind === 'inferred' ? '' : (meta.published ?? '');
  const value = field === 'reports_on' ? meta.reports_on : meta[field];
  return value ?? '';
}

/** The verdict on one field of one page. */
export function judge(truth: Truth, field: Field, meta: SourceMeta): { verdict: Verdict; read: string } {
  let read = readValue(meta, field);
  const wanted = truth.values[field];
  const other: Field | null = field === 'outlet' ? 'reports_on' : field === 'reports_on' ? 'outlet' : null;
  const accepted = [wanted, ...(truth.ok[field] ?? [])].filter((v) => v !== '');
  if (truth.eitherField && other) {
    // the page's own outlet and the wire it carries are one name: either field holding it is right
    const either = truth.values[field] || truth.values[other];
    if (either) {
      const both = [read, readValue(meta, other)].filter((v) => v !== '');
      const hit = both.find((v) => same(field, v, either));
      if (hit) return { verdict: 'right', read: hit };
      return { verdict: read === '' ? 'missed' : 'wrong', read };
    }
  }
  if (field === 'authors')
    read = read
      .split(', ')
      .filter((a) => a !== '')
      .join(', ');
  if (wanted === '') {
    if (read === '') return { verdict: 'blank', read };
    return { verdict: accepted.some((v) => same(field, v, read)) ? 'right' : 'invented', read };
  }
  if (read === '') return { verdict: 'missed', read };
  return { verdict: accepted.some((v) => same(field, v, read)) ? 'right' : 'wrong', read };
}

function main(): void {
  const [folder, table] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!folder || !table) {
    console.error('usage: npm run eval:ingest -- <folder of NN.txt pages> <metadata.tsv>');
    process.exitCode = 2;
    return;
  }
  const truths = readTruth(readFileSync(table, 'utf8'));
  const files = readdirSync(folder);
  const tally = Object.fromEntries(FIELDS.map((f) => [f, { shown: 0, right: 0, missed: 0, wrong: 0, invented: 0, blankRight: 0 }]));
  for (const truth of truths) {
    const file = files.find((f) => f.replace(/\.(?:txt|html?)$/i, '') === truth.nn);
    if (!file) {
      console.log(`${truth.nn}: no page in ${folder}, skipped`);
      continue;
    }
    let meta: SourceMeta;
    try {
      meta = prepareSource(readFileSync(join(folder, file), 'utf8'), file, {}).meta;
    } catch (error) {
      console.log(`${truth.nn}: ERROR ${(error as Error).message}`);
      continue;
    }
    for (const field of FIELDS) {
      const { verdict, read } = judge(truth, field, meta);
      const t = tally[field] as (typeof tally)[string] & object;
      const shown =
        truth.values[field] !== '' ||
        (truth.eitherField && (field === 'outlet' || field === 'reports_on') && (truth.values.outlet || truth.values.reports_on) !== '');
      if (shown) t.shown++;
      if (verdict === 'right' && shown) t.right++;
      else if (verdict === 'missed') t.missed++;
      else if (verdict === 'wrong') t.wrong++;
      else if (verdict === 'invented') t.invented++;
      if (verdict !== 'right' && verdict !== 'blank') {
        console.log(
          `${truth.nn} ${field}: ${verdict.toUpperCase()} read ${JSON.stringify(read)}, the page shows ${JSON.stringify(truth.values[field])}`,
        );
      }
    }
  }
  console.log('\nfield       shown  right  missed  wrong  invented');
  for (const field of FIELDS) {
    const t = tally[field] as (typeof tally)[string] & object;
    const pct = t.shown > 0 ? ` (${((100 * t.right) / t.shown).toFixed(0)} %)` : '';
    console.log(
      `${field.padEnd(11)} ${String(t.shown).padStart(5)}  ${String(t.right).padStart(5)}${pct.padEnd(7)} ${String(t.missed).padStart(6)}  ${String(t.wrong).padStart(5)}  ${String(t.invented).padStart(8)}`,
    );
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
