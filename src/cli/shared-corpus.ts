/**
 * `npm run corpus -- export DIR` and `npm run corpus -- import DIR`: moves a corpus between a folder and the database
 * several processes share it through (DATABASE_URL; see src/serving/shared-corpus.ts).
 *
 * - `export` writes the shared corpus into a new folder: `sources/`, the removed texts in `removed/`, and the whole
 *   change log as changes.jsonl. The folder can be served on its own, kept as a backup, or committed.
 * - `import` adds the sources of a corpus folder that the database lacks, with their authors as changes.jsonl
 *   records them. The database is the record: a source it has with another text, or has removed, is left out and
 *   named. Every running process picks the new sources up within moments.
 *
 * Exit status: 0 when done (refusals are listed), 1 when the database or folder cannot be used, 2 for a usage error.
 */
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FaqDatabaseError } from '../faq/faq-errors.ts';
import { PostgresFaqStore } from '../faq/postgres-faq-store.ts';
import { UserError } from '../errors/user-error.ts';
import { SharedCorpus } from '../serving/shared-corpus.ts';

const HELP = `usage: npm run corpus -- export DIR | import DIR

Moves the corpus between a folder and the PostgreSQL database at DATABASE_URL, which every bot process
with that DATABASE_URL serves its corpus from.

  export DIR   write the shared corpus into DIR (a new folder): sources/, removed/ and changes.jsonl
  import DIR   add the sources of the corpus folder DIR that the database lacks (the database keeps its own
               text for an id it has, and never takes back a source it removed)

Exit status: 0 when done, 1 when the database or the folder cannot be used, 2 for a usage error.`;

const [command, dir, ...extra] = process.argv.slice(2);
if (command === '--help' || command === '-h') {
  console.log(HELP);
  process.exit(0);
}
if ((command !== 'export' && command !== 'import') || !dir || extra.length > 0) {
  console.error(
    `talks-bot: ${command === undefined ? 'say export or import, and a folder' : 'expected export DIR or import DIR'}\n\n${HELP}`,
  );
  process.exit(2);
}
const url = process.env.DATABASE_URL?.trim();
if (!url) {
  console.error(
    'talks-bot: DATABASE_URL is not set. Without it each machine serves its own corpus folder, and there is nothing to export or import.',
  );
  process.exit(1);
}

if (command === 'import' && !existsSync(join(dir, 'sources'))) {
  console.error(`talks-bot: ${dir} has no sources/ folder, so it is not a corpus folder: nothing was imported.`);
  process.exit(1);
}

let store: PostgresFaqStore | null = null;
try {
  store = await PostgresFaqStore.open(url);
  const shared = new SharedCorpus(store.database, dir);
  if (command === 'export') {
    const done = await shared.exportTo(dir);
    console.log(
      `exported ${done.sources} source(s), ${done.removed} removed text(s) and ${done.changes} change(s) from ${store.location} into ${dir}`,
    );
  } else {
    const done = await shared.importFolder(dir);
    console.log(
      `imported ${done.imported.length} source(s) from ${dir} into ${store.location}${done.imported.length ? `: ${done.imported.join(', ')}` : ''}`,
    );
    for (const refusal of done.refused) console.log(`left out: ${refusal}`);
  }
} catch (error) {
  if (!(error instanceof FaqDatabaseError || error instanceof UserError)) throw error;
  console.error(`talks-bot: ${error.message}`);
  process.exitCode = 1;
} finally {
  await store?.close();
}
