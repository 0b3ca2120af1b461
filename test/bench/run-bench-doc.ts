/**
 * `npm run bench:doc -- docs/bench/*.json [--doc docs/performance.md]`: rewrites the figures of docs/performance.md
 * from bench JSON files (test/bench/performance-doc.ts), between its markers only; the prose around them is kept.
 * Commit the JSON under docs/bench/: test/bench/performance-doc.test.ts holds the doc to those files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRuns, renderFigures, replaceGenerated } from './performance-doc.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { doc: { type: 'string', default: join(import.meta.dirname, '../../docs/performance.md') } },
});
const COMMITTED = join(import.meta.dirname, '../../docs/bench');
if (positionals.length === 0) {
  console.error('usage: npm run bench:doc -- FILE.json… [--doc docs/performance.md]  (e.g. npm run bench:doc -- docs/bench/*.json)');
  process.exit(2);
}
for (const file of positionals)
  if (dirname(resolve(file)) !== COMMITTED)
    console.warn(`${file} is not under docs/bench/: the test holds the doc to docs/bench/*.json, so commit it there`);
try {
  const runs = readRuns(positionals, values.doc);
  const before = readFileSync(values.doc, 'utf8');
  const after = replaceGenerated(before, renderFigures(runs));
  if (after === before) console.log(`${values.doc}: the figures already match ${runs.length} bench run(s)`);
  else {
    writeFileSync(values.doc, after);
    console.log(`${values.doc}: figures rewritten from ${runs.map((r) => r.link).join(', ')}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
