/**
 * The knowledge a running bot answers from, kept in step with `CORPUS_DIR`: a reload loads the whole corpus and
 * builds new knowledge beside the old, then switches in one assignment. On a large corpus (from
 * `INCREMENTAL_FROM_PASSAGES`), where a build takes minutes, a change to sources alone is applied to the running
 * knowledge instead (`updateKnowledge`), in the same synchronous step as the switch. Answers read `current()` once per
 * interaction, so none is ever computed from a half-updated corpus.
 *
 * The rule for a broken file: a reload is all or nothing. The first file that cannot be used — a source or
 * `entities.yaml` that does not parse, has a wrong field, is not UTF-8 or is too large; two sources with one id; a
 * `near_duplicate_of` naming no source — refuses the whole reload: every source keeps serving exactly as before (the
 * broken one at its last good version, or not at all if it is new; the valid changes made beside it wait for the
 * next good reload), and the result names the file and the field, for whoever asked for the reload and for the log.
 * Taking in the good files and skipping the bad one would serve a corpus nobody wrote — a source whose near-duplicate
 * was skipped, entities that no longer match — so none is served until the file is fixed.
 *
 * @example
 * const live = LiveKnowledge.open('corpus');          // throws CorpusError when the first load fails
 * const stop = live.watch({ onReload: (r) => log(r) }); // picks up added, changed and removed files
 * live.current().passages.length;
 */
import { CorpusError } from '../corpus/source-file.ts';
import { type Corpus, loadCorpus } from '../corpus/load-corpus.ts';
import { watchCorpus, type CorpusWatcher } from '../corpus/watch-corpus.ts';
import { prepareAnswers, prepareAnswersInSteps } from '../answers/prepare-answers.ts';
import { openCachedKnowledge } from './knowledge-cache.ts';
import type { Knowledge } from './knowledge.ts';
import { INCREMENTAL_FROM_PASSAGES, updateKnowledge } from './update-knowledge.ts';

export interface LiveKnowledgeOptions {
  /** From this many passages on, source changes are applied as updates; INCREMENTAL_FROM_PASSAGES unless set. */
  incrementalFrom?: number;
}

/** What a transport needs from the knowledge: the current one, or a promise while the first load is under way. */
export interface KnowledgeProvider {
  /** The knowledge to answer from now, or null while the first load is still running. */
  ready(): Knowledge | null;
  /** Resolves with the knowledge current when it settles (waits for the first load). */
  get(): Promise<Knowledge>;
}

/** A provider over knowledge that never changes (tests, one-shot command-line runs). */
export function fixedKnowledge(knowledge: Knowledge | Promise<Knowledge>): KnowledgeProvider {
  let settled: Knowledge | null = knowledge instanceof Promise ? null : knowledge;
  const promise = Promise.resolve(knowledge).then((k) => (settled = k));
  return { ready: () => settled, get: () => promise };
}

/** What one reload did: which sources came, changed or went, or why the corpus was refused. */
export type ReloadResult =
  | { ok: true; unchanged: boolean; sources: number; passages: number; ms: number; added: string[]; changed: string[]; removed: string[]; how: 'build' | 'update' }
  | { ok: false; error: string; ms: number };

/** A source's identity for change detection: everything its file says. */
function fingerprints(corpus: Corpus): Map<string, string> {
  return new Map(corpus.sources.map((s) => [s.id, JSON.stringify(s)]));
}

export class LiveKnowledge implements KnowledgeProvider {
  private knowledge: Knowledge;
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: CorpusWatcher | null = null;

  private constructor(
    readonly dir: string,
    first: Knowledge,
    private readonly report: (message: string) => void,
    private readonly options: LiveKnowledgeOptions = {},
  ) {
    this.knowledge = first;
  }

  /**
   * Loads the corpus for the first time, from the knowledge saved beside it when it has not changed since (see
   * `knowledge-cache.ts`); a CorpusError here means there is nothing to serve. `report` hears how it was loaded.
   */
  static open(dir: string, report: (message: string) => void = () => undefined, options: LiveKnowledgeOptions = {}): LiveKnowledge {
    const live = new LiveKnowledge(dir, openCachedKnowledge(dir, loadCorpus(dir), report, options).knowledge, report, options);
    // it answers from now on; what answers work out once per knowledge base is worked out meanwhile, a step per
    // turn of the event loop, and a reload waits for it (an update carries the prepared answers over)
    const first = live.knowledge;
    const started = performance.now();
    live.preparing = prepareAnswersInSteps(first, () => live.knowledge === first).then(
      () => report(`prepared the answers in ${Math.round(performance.now() - started)} ms`),
      (error: unknown) => report(`could not prepare the answers ahead (${(error as Error).message}); they are worked out on first use`),
    );
    live.queue = live.preparing;
    return live;
  }

  /** Settles when the answers of the first knowledge are prepared (see `prepareAnswersInSteps`). */
  preparing: Promise<void> = Promise.resolve();

  ready(): Knowledge {
    return this.knowledge;
  }

  get(): Promise<Knowledge> {
    return Promise.resolve(this.knowledge);
  }

  /** The knowledge answers are computed from; read it once per answer. */
  current(): Knowledge {
    return this.knowledge;
  }

  /**
   * Loads the corpus again and switches to it when it is valid. Reloads run one at a time, in the order asked.
   *
   * @example
   * const r = await live.reload(); if (!r.ok) tellModerator(r.error); // the previous corpus keeps serving
   */
  reload(): Promise<ReloadResult> {
    const run = this.queue.then(() => this.reloadNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private reloadNow(): ReloadResult {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const failed = (error: unknown): ReloadResult =>
      error instanceof CorpusError ? { ok: false, error: error.message, ms: ms() } : { ok: false, error: `the corpus could not be built: ${(error as Error).message}`, ms: ms() };
    let corpus: Corpus;
    try {
      corpus = loadCorpus(this.dir);
    } catch (error) {
      return failed(error);
    }
    const before = fingerprints(this.knowledge.corpus);
    const after = fingerprints(corpus);
    const added = [...after.keys()].filter((id) => !before.has(id));
    const removed = [...before.keys()].filter((id) => !after.has(id));
    const changed = [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id));
    const sameEntities = !entitiesChanged(this.knowledge.corpus, corpus);
    const change = { sources: corpus.sources.length, added, changed, removed };
    if (added.length + removed.length + changed.length === 0 && sameEntities) {
      return { ok: true, unchanged: true, passages: this.knowledge.passages.length, ms: ms(), how: 'build', ...change };
    }
    try {
      if (sameEntities && this.knowledge.passages.length >= (this.options.incrementalFrom ?? INCREMENTAL_FROM_PASSAGES)) {
        const incoming = new Set([...added, ...changed]);
        // the update retires the knowledge it changes: the switch happens in the same synchronous step, before the
        // answers are prepared (were that to fail, they would be worked out on first use instead)
        const previous = this.knowledge;
        this.knowledge = updateKnowledge(previous, { added: corpus.sources.filter((s) => incoming.has(s.id)), removed: [...removed, ...changed] }, corpus);
        prepareAnswers(this.knowledge, previous);
        this.report(`applied ${added.length + changed.length + removed.length} source change(s) to the running knowledge in ${ms()} ms`);
        return { ok: true, unchanged: false, passages: this.knowledge.passages.length, ms: ms(), how: 'update', ...change };
      }
      this.knowledge = prepareAnswers(openCachedKnowledge(this.dir, corpus, this.report, this.options).knowledge);
      return { ok: true, unchanged: false, passages: this.knowledge.passages.length, ms: ms(), how: 'build', ...change };
    } catch (error) {
      return failed(error);
    }
  }

  /**
   * Follows the corpus directory: any change to `sources/*.md` or `entities.yaml` reloads within a few seconds.
   * Returns a function that stops watching.
   */
  watch(options: { onReload: (result: ReloadResult) => void; debounceMs?: number; pollMs?: number }): () => void {
    this.watcher?.close();
    this.watcher = watchCorpus(this.dir, () => void this.reload().then(options.onReload), options);
    return () => {
      this.watcher?.close();
      this.watcher = null;
    };
  }
}

function entitiesChanged(a: Corpus, b: Corpus): boolean {
  return JSON.stringify([a.entities, a.notEntities]) !== JSON.stringify([b.entities, b.notEntities]);
}
