/**
 * `npm run eval:relevance -- <about the talks> <other news>` — measures the relevance test that followed feeds' items
 * pass (src/feeds/relevance.ts) on real pages: two folders of saved pages (.txt or .html), one of articles about the
 * talks and one of other news. Each page is cleaned as ingest cleans it and judged against the bundled corpus's
 * knowledge (CORPUS_DIR to use another); the report gives each page's relevance and what counted, then, for minimums
 * around the default, how many talks articles would be queued and how many other pages would be. Real pages are never
 * committed: docs/feeds.md says how the figures there were measured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDirFromEnv, loadCorpus } from '../../src/corpus/load-corpus.ts';
import { DEFAULT_MIN_RELEVANCE, judgeRelevance, MIN_EACH } from '../../src/feeds/relevance.ts';
import { cleanRawText } from '../../src/ingest/read/clean-raw-text.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';

const [about, other] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!about || !other) {
  console.error('usage: npm run eval:relevance -- <folder of pages about the talks> <folder of other news pages>');
  process.exit(2);
}
const knowledge = buildKnowledge(loadCorpus(corpusDirFromEnv()));
const judged = [about, other].flatMap((dir, side) =>
  readdirSync(dir)
    .filter((f) => /\.(?:txt|html?)$/i.test(f))
    .sort()
    .map((file) => {
      const cleaned = cleanRawText(readFileSync(join(dir, file), 'utf8'));
      return { file, talks: side === 0, ...judgeRelevance(knowledge, { title: cleaned.title, paragraphs: cleaned.paragraphs }, 0) };
    }),
);
for (const j of judged) console.log(`${j.talks ? 'talks' : 'other'}\t${j.file}\t${j.reason.replace(/ \(needs 0\)/, '')}`);
const count = (talks: boolean, min: number) =>
  judged.filter((j) => j.talks === talks && j.relevance >= min && j.topicWords.length >= MIN_EACH && j.names.length >= MIN_EACH).length;
const total = (talks: boolean) => judged.filter((j) => j.talks === talks).length;
console.log('');
for (let min = DEFAULT_MIN_RELEVANCE - 2; min <= DEFAULT_MIN_RELEVANCE + 2; min++)
  console.log(
    `minimum ${min}${min === DEFAULT_MIN_RELEVANCE ? ' (default)' : ''}: talks articles queued ${count(true, min)}/${total(true)}, other pages queued ${count(false, min)}/${total(false)}`,
  );
