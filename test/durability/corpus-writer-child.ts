/**
 * The child of the corpus kill -9 test: runs the corpus editor behind `/source-admin` on CORPUS_DIR as the bot does
 * (the live knowledge loaded, each change reloaded) and changes the corpus without end — adding a made-up article,
 * then now and then removing one it added — printing one JSON line after each change returns: what a moderator would
 * have been told. RUN tells the runs apart.
 */
import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { sha256Of } from '../../src/corpus/corpus-changes.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { generatedPage } from './generated-pages.ts';

/** Changes the corpus until killed. */
async function changeForever(): Promise<never> {
  const dir = process.env.CORPUS_DIR ?? 'corpus';
  const run = process.env.RUN ?? '0';
  const editor = new CorpusEditor(LiveKnowledge.open(dir));
  const author = { by: 'discord' as const, user: '100000000000000002', guild: '100000000000000003' };
  const ack = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const mine: string[] = [];

  for (let i = 0; ; i++) {
    if (i % 3 === 2 && mine.length > 0) {
      const id = mine.shift() ?? '';
      const { reload } = await editor.remove(id, author);
      ack({ op: 'remove', id, reloaded: reload.ok });
      continue;
    }
    const preview = editor.preview(generatedPage(`run ${run} step ${i}`), `page-${run}-${i}.txt`, {
      outlet: 'Island Courier',
      published: '2024-08-01',
    });
    const { id, file, reload } = await editor.add(preview, author);
    mine.push(id);
    ack({ op: 'add', id, sha256: sha256Of(readFileSync(file)), reloaded: reload.ok });
  }
}

// bundled into one file, this script is also what a worker thread of the live knowledge (corpus-worker.ts) loads:
// there it must not change the corpus a second time
if (isMainThread) await changeForever();
