/** Loads the corpus from `CORPUS_DIR` (default `./corpus`) and builds the knowledge base, timing both. */
import { corpusDirFromEnv, loadCorpus } from '../corpus/load-corpus.ts';
import { buildKnowledge, type Knowledge } from './knowledge.ts';

export function loadKnowledge(dir = corpusDirFromEnv()): { knowledge: Knowledge; millis: number } {
  const started = performance.now();
  const knowledge = buildKnowledge(loadCorpus(dir));
  return { knowledge, millis: Math.round(performance.now() - started) };
}
