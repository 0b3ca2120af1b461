/** Loads the knowledge base for a command-line program, or prints why it cannot and exits with status 1. */
import { corpusDirFromEnv } from '../corpus/load-corpus.ts';
import { CorpusError } from '../corpus/source-file.ts';
import { LiveKnowledge } from '../serving/live-knowledge.ts';

/** The corpus in `CORPUS_DIR`, loaded and ready to follow changes (`watch`). */
export function openKnowledgeOrExit(dir = corpusDirFromEnv(), report?: (message: string) => void): LiveKnowledge {
  try {
    return LiveKnowledge.open(dir, report);
  } catch (error) {
    if (error instanceof CorpusError) {
      console.error(`talks-bot: the corpus cannot be loaded, so no answers are served.\n  ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
