/** Loads the knowledge base for a command-line program, or prints why it cannot and exits with status 1. */
import { CorpusError } from '../corpus/source-file.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { loadKnowledge } from '../knowledge/load-knowledge.ts';

export function loadKnowledgeOrExit(): Knowledge {
  try {
    return loadKnowledge().knowledge;
  } catch (error) {
    if (error instanceof CorpusError) {
      console.error(`talks-bot: the corpus cannot be loaded, so no answers are served.\n  ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
