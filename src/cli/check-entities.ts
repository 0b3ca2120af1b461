/**
 * `npm run check-entities`: validates `entities.yaml` with the corpus and lists capitalised names the file does not
 * cover. Exit status 0 either way (it is advice for moderators); 1 when the corpus cannot be loaded.
 */
import { corpusDirFromEnv, loadCorpus } from '../corpus/load-corpus.ts';
import { CorpusError } from '../corpus/source-file.ts';
import { uncoveredNames } from '../entities/coverage-check.ts';

try {
  const corpus = loadCorpus(corpusDirFromEnv());
  const names = uncoveredNames(corpus);
  console.log(`${corpus.entities.length} entities, ${corpus.sources.length} sources: ${names.length} capitalised name(s) not covered by entities.yaml`);
  for (const n of names) console.log(`  ${n.name} (${n.count}×, e.g. ${n.example})`);
} catch (error) {
  if (!(error instanceof CorpusError)) throw error;
  console.error(`check-entities: ${error.message}`);
  process.exitCode = 1;
}
