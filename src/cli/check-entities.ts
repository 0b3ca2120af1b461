/**
 * `npm run check-entities`: validates `entities.yaml` with the corpus, proposes draft entries (name, roles, evidence
 * passages) for the people the text names but the file lacks, and lists the other capitalised names it does not
 * cover. Exit status 0 either way (it is advice for moderators); 1 when the corpus cannot be loaded.
 */
import { corpusDirFromEnv, loadCorpus } from '../corpus/load-corpus.ts';
import { CorpusError } from '../corpus/source-file.ts';
import { uncoveredNames } from '../entities/coverage-check.ts';
import { draftEntries } from '../knowledge/draft-entries.ts';
import { buildKnowledge } from '../knowledge/knowledge.ts';

try {
  const corpus = loadCorpus(corpusDirFromEnv());
  const drafts = draftEntries(buildKnowledge(corpus));
  console.log(
    `${corpus.entities.length} entities, ${corpus.sources.length} sources: ${drafts.length} person(s) named in the text but not in entities.yaml`,
  );
  for (const d of drafts) {
    console.log(`\n# ${d.name} — ${d.roles.join('; ') || 'no role stated'}; evidence: ${d.evidence.slice(0, 5).join(', ')}`);
    console.log(d.yaml);
  }
  const drafted = new Set(drafts.flatMap((d) => d.name.toLowerCase().split(/\s+/)));
  const names = uncoveredNames(corpus).filter(
    (n) =>
      !n.name
        .toLowerCase()
        .split(/\s+/)
        .every((w) => drafted.has(w)),
  );
  console.log(`\n${names.length} other capitalised name(s) not covered by entities.yaml`);
  for (const n of names) console.log(`  ${n.name} (${n.count}×, e.g. ${n.example})`);
} catch (error) {
  if (!(error instanceof CorpusError)) throw error;
  console.error(`check-entities: ${error.message}`);
  process.exitCode = 1;
}
