/**
 * `npm run ingest -- <raw text or HTML file> [--id … --title … --outlet … --authors "A, B" --published YYYY-MM-DD
 * --inferred --evidence "…" --reports-on … --url … --language … --notes …]`
 *
 * Writes `$CORPUS_DIR/sources/<id>.md` and prints what was kept and dropped.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { corpusDirFromEnv } from '../corpus/load-corpus.ts';
import { CorpusError } from '../corpus/source-file.ts';
import { IngestError, type IngestOptions, ingestRawText } from '../ingest/ingest-source.ts';

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
      },
    });
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}`);
    return 2;
  }
  const [file] = parsed.positionals;
  if (!file) {
    console.error('usage: npm run ingest -- <raw text file> [--id … --outlet … --published YYYY-MM-DD …]');
    return 2;
  }
  const v = parsed.values;
  const options: IngestOptions = {
    ...(v.id ? { id: v.id } : {}), ...(v.title ? { title: v.title } : {}), ...(v.outlet ? { outlet: v.outlet } : {}),
    ...(v.authors !== undefined ? { authors: v.authors.split(',').map((a) => a.trim()).filter((a) => a !== '') } : {}),
    ...(v.published ? { published: v.published, publishedBasis: v.inferred ? 'inferred' : 'stated' } : {}),
    ...(v.evidence ? { evidence: v.evidence } : {}), ...(v['reports-on'] ? { reportsOn: v['reports-on'] } : {}),
    ...(v.url ? { url: v.url } : {}), ...(v.language ? { language: v.language } : {}), ...(v.notes ? { notes: v.notes } : {}),
  };
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`ingest: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }
  try {
    const result = ingestRawText(raw, file, corpusDirFromEnv(), options);
    const { meta, cleaned } = result;
    console.log(`wrote ${result.file}`);
    console.log(`  title: ${meta.title ?? '(none in the text)'}`);
    console.log(`  outlet: ${meta.outlet ?? '(unknown)'}; authors: ${meta.authors.join(', ') || '(none named)'}`);
    console.log(`  published: ${meta.published ?? '(unknown)'} [${meta.published_basis.kind}: ${meta.published_basis.evidence}]`);
    console.log(`kept ${cleaned.paragraphs.length} paragraphs, dropped ${cleaned.dropped.length}:`);
    for (const d of cleaned.dropped) console.log(`  - ${d}`);
    return 0;
  } catch (error) {
    if (error instanceof IngestError || error instanceof CorpusError) {
      console.error(`ingest: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
