/**
 * A bot's start as a fresh process makes it, for `npm run bench`: modules imported, the corpus loaded, the saved
 * knowledge read back, the answers prepared, and the first answer given; then its resident memory. Run as a child
 * process (`node --expose-gc --import tsx test/bench/fresh-start.ts <corpus dir>`) so that nothing the benchmark
 * built before is in its heap; it prints one line of JSON (`FreshStart`). The save must already be in
 * `<corpus dir>/.cache/` (see `openCachedKnowledge`): a start that has to build says so in `from`.
 *
 * @example
 * // {"importMs":980,"loadCorpusMs":1650,"knowledgeMs":2100,"from":"cache","firstAnswerMs":3,"prepareMs":2400,…}
 */
// performance.now() counts from the process's own start, so node's start and tsx's loader are counted too
const dir = process.argv[2] ?? 'corpus';
const { loadCorpus } = await import('../../src/corpus/load-corpus.ts');
const { openCachedKnowledge } = await import('../../src/serving/knowledge-cache.ts');
const { prepareAnswers } = await import('../../src/answers/prepare-answers.ts');
const { COMMANDS } = await import('../../commands/index.ts');
const { runCommand } = await import('../../src/commands/run-command.ts');

export interface FreshStart {
  importMs: number;
  loadCorpusMs: number;
  knowledgeMs: number;
  from: 'cache' | 'update' | 'build';
  /** The first /who answered from the knowledge as read, before the answers are prepared. */
  firstAnswerMs: number;
  /** From the process's start (node and the tsx loader included) to that answer. */
  toFirstAnswerMs: number;
  prepareMs: number;
  /** After the answers are prepared and a full collection: what a started bot holds. */
  rssMb: number;
  heapMb: number;
}

const since = (t: number) => Math.round(performance.now() - t);
/** Node's start, the tsx loader and the imports. */
const importMs = since(0);
let t = performance.now();
const corpus = loadCorpus(dir);
const loadCorpusMs = since(t);
t = performance.now();
const { knowledge, from } = openCachedKnowledge(dir, corpus);
const knowledgeMs = since(t);
t = performance.now();
runCommand(COMMANDS, 'who', { name: corpus.entities[0]?.name ?? 'Qatar' }, { knowledge, page: { limit: 5, offset: 0 } });
const firstAnswerMs = since(t);
const toFirstAnswerMs = since(0);
t = performance.now();
prepareAnswers(knowledge);
const prepareMs = since(t);
globalThis.gc?.();
const memory = process.memoryUsage();
const result: FreshStart = {
  importMs,
  loadCorpusMs,
  knowledgeMs,
  from,
  firstAnswerMs,
  toFirstAnswerMs,
  prepareMs,
  rssMb: memory.rss / 2 ** 20,
  heapMb: memory.heapUsed / 2 ** 20,
};
console.log(JSON.stringify(result));
