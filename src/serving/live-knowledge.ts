/**
 * The knowledge a running bot answers from, kept in step with `CORPUS_DIR`, without ever holding up an answer for
 * long: at 10,000 passages a reload that rebuilt everything on the event loop kept every answer (and `/healthz`)
 * waiting for seconds, past Discord's 3-second window.
 *
 * A reload reads the corpus in a worker thread (`corpus-worker.ts`), which says which sources were added, changed or
 * removed. A change to sources alone is applied to the running knowledge (`updateKnowledge`), at every size, in
 * one synchronous step with the switch: milliseconds, and no answer can run between the first change and the switch.
 * A full build is left for what an update cannot do: an `entities.yaml` change, and a start without a usable save
 * (`load`). The worker builds and saves it while the old knowledge keeps answering; it is read back here and its
 * answers prepared a step per turn of the event loop, then switched in with one assignment. Answers read `current()`
 * once per interaction, so none is ever computed from a half-updated corpus.
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
 * const live = await LiveKnowledge.load('corpus');     // rejects with CorpusError when the first load fails
 * const stop = live.watch({ onReload: (r) => log(r) }); // picks up added, changed and removed files
 * live.current().passages.length;
 */
import { rmSync } from 'node:fs';
import { type Corpus, loadCorpus } from '../corpus/load-corpus.ts';
import { CorpusError } from '../corpus/source-file.ts';
import { watchCorpus, type CorpusWatcher } from '../corpus/watch-corpus.ts';
import { prepareAnswersInSteps, prepareUpdatedAnswers } from '../answers/prepare-answers.ts';
import {
  type CorpusReading,
  entitiesFingerprint,
  readCorpusInWorker,
  rememberFingerprints,
  sourceFingerprints,
  stopCorpusReader,
  warmCorpusReader,
} from './corpus-worker.ts';
import { KnowledgeCacheError, loadKnowledge, openCachedKnowledge } from './knowledge-cache.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { updateKnowledge } from '../knowledge/update-knowledge.ts';

export interface LiveKnowledgeOptions {
  /**
   * From this many passages on, a start (or a full build) catches a save of an earlier version of the corpus up with
   * updates instead of building again (`catchUpKnowledge`); INCREMENTAL_FROM_PASSAGES unless set. Reloads apply
   * source changes as updates at every size.
   */
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
  | {
      ok: true;
      unchanged: boolean;
      sources: number;
      passages: number;
      ms: number;
      added: string[];
      changed: string[];
      removed: string[];
      how: 'build' | 'update';
    }
  | { ok: false; error: string; ms: number };

/** The corpus a worker read, as a Corpus: the sources it sent whole, and the unchanged ones of `before` (null: none). */
function corpusOf(dir: string, reading: CorpusReading, before: Corpus | null): Corpus {
  const fresh = new Map(reading.changed.map((s) => [s.id, s]));
  const kept = new Map(before?.sources.map((s) => [s.id, s]));
  const sources = reading.sources.map(({ id }) => {
    const source = fresh.get(id) ?? kept.get(id);
    if (!source) throw new Error(`the corpus worker did not send source "${id}"`);
    return source;
  });
  const sameEntities = before !== null && reading.entitiesFingerprint === entitiesFingerprint(before);
  // the keys in loadCorpus's order: the save's fingerprint is of this object as JSON
  const corpus: Corpus = {
    dir,
    sources,
    entities: sameEntities ? before.entities : reading.entities,
    notEntities: sameEntities ? before.notEntities : reading.notEntities,
  };
  rememberFingerprints(corpus, new Map(reading.sources.map((s) => [s.id, s.fingerprint])));
  return corpus;
}

/**
 * The knowledge of the corpus a worker read and built (`reading.saved`), read back from its save; null when that
 * save cannot be read (the worker is asked again, to build it afresh). A temporary save is removed.
 */
function knowledgeOf(reading: CorpusReading, corpus: Corpus, report: (message: string) => void): Knowledge | null {
  const saved = reading.saved;
  if (!saved) throw new Error('the corpus worker built nothing');
  const started = performance.now();
  try {
    const knowledge = loadKnowledge(saved.file, corpus);
    report(
      `read the knowledge built beside the running one (${knowledge.passages.length} passages) in ${Math.round(performance.now() - started)} ms`,
    );
    return knowledge;
  } catch (error) {
    if (!(error instanceof KnowledgeCacheError)) throw error;
    // a save the worker made just now, refused as "of another version": the code on disk is not the code running
    if (saved.temporary) throw new KnowledgeCacheError(`${error.message}; if the bot's code was changed since it started, restart it`);
    report(`${error.message}: building it again`);
    return null;
  } finally {
    if (saved.temporary) rmSync(saved.file, { force: true });
  }
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
    // it answers from now on; what answers work out once per knowledge base is worked out meanwhile, a step per
    // turn of the event loop, and a reload waits for it (an update carries the prepared answers over)
    const started = performance.now();
    this.preparing = prepareAnswersInSteps(first, () => this.knowledge === first).then(
      () => report(`prepared the answers in ${Math.round(performance.now() - started)} ms`),
      (error: unknown) => report(`could not prepare the answers ahead (${(error as Error).message}); they are worked out on first use`),
    );
    this.queue = this.preparing;
  }

  /**
   * Loads the corpus for the first time on the calling thread, from the knowledge saved beside it when it has not
   * changed since (see `knowledge-cache.ts`), else building it there and then: for command-line programs and tests.
   * A serving bot uses `load`, which builds in a worker. A CorpusError here means there is nothing to serve.
   * `report` hears how it was loaded.
   *
   * @example
   * const live = LiveKnowledge.open('corpus'); live.current().passageById.has('ap-how-the-hostage-deal-came-about#33') // → true
   */
  static open(dir: string, report: (message: string) => void = () => undefined, options: LiveKnowledgeOptions = {}): LiveKnowledge {
    return new LiveKnowledge(dir, openCachedKnowledge(dir, loadCorpus(dir), report, options).knowledge, report, options);
  }

  /**
   * Loads the corpus for the first time without holding up the event loop for the build: the corpus is read, and
   * the knowledge built and saved (or caught up, or found saved) in a worker thread, then read back from the save.
   * Rejects with a CorpusError when there is nothing to serve. `report` hears how it was loaded.
   *
   * @example
   * const live = await LiveKnowledge.load(corpusDirFromEnv(), (m) => logger.info(m)); // timers and sockets run meanwhile
   */
  static async load(
    dir: string,
    report: (message: string) => void = () => undefined,
    options: LiveKnowledgeOptions = {},
  ): Promise<LiveKnowledge> {
    for (let saveFailed = false; ; saveFailed = true) {
      const reading = await readCorpusInWorker({ dir, known: new Map(), entities: null, saveFailed, ...options }, report);
      const knowledge = knowledgeOf(reading, corpusOf(dir, reading, null), report);
      if (knowledge) return new LiveKnowledge(dir, knowledge, report, options);
      if (saveFailed) throw new KnowledgeCacheError('the knowledge built in the worker cannot be read back');
    }
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
   * Loads the corpus again and switches to it when it is valid. Reloads run one at a time, in the order asked; the
   * knowledge current until the result is given keeps answering meanwhile.
   *
   * @example
   * const r = await live.reload(); if (!r.ok) tellModerator(r.error); // the previous corpus keeps serving
   */
  reload(): Promise<ReloadResult> {
    const run = this.queue.then(() => this.reloadNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async reloadNow(): Promise<ReloadResult> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const failed = (error: unknown): ReloadResult =>
      error instanceof CorpusError
        ? { ok: false, error: error.message, ms: ms() }
        : { ok: false, error: `the corpus could not be built: ${(error as Error).message}`, ms: ms() };
    const previous = this.knowledge;
    try {
      const before = await sourceFingerprints(previous.corpus);
      for (let saveFailed = false; ; saveFailed = true) {
        const reading = await readCorpusInWorker(
          { dir: this.dir, known: before, entities: entitiesFingerprint(previous.corpus), saveFailed, ...this.options },
          this.report,
        );
        const corpus = corpusOf(this.dir, reading, previous.corpus);
        const after = new Map(reading.sources.map((s) => [s.id, s.fingerprint]));
        const added = [...after.keys()].filter((id) => !before.has(id));
        const removed = [...before.keys()].filter((id) => !after.has(id));
        const changed = [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id));
        const change = { sources: corpus.sources.length, added, changed, removed };
        if (!reading.saved) {
          if (added.length + removed.length + changed.length === 0)
            return { ok: true, unchanged: true, passages: previous.passages.length, ms: ms(), how: 'build', ...change };
          const incoming = new Set([...added, ...changed]);
          // the update retires the knowledge it changes: the switch happens in the same synchronous step, before the
          // answers are prepared (were that to fail, they would be worked out on first use instead)
          const update = updateKnowledge(
            previous,
            { added: corpus.sources.filter((s) => incoming.has(s.id)), removed: [...removed, ...changed] },
            corpus,
          );
          this.knowledge = update.knowledge;
          prepareUpdatedAnswers(update);
          this.report(`applied ${added.length + changed.length + removed.length} source change(s) to the running knowledge in ${ms()} ms`);
          return { ok: true, unchanged: false, passages: this.knowledge.passages.length, ms: ms(), how: 'update', ...change };
        }
        const next = knowledgeOf(reading, corpus, this.report);
        if (!next) {
          if (saveFailed) throw new KnowledgeCacheError('the knowledge built in the worker cannot be read back');
          continue;
        }
        // the old knowledge answers until the new one is ready: then one assignment switches
        await prepareAnswersInSteps(next);
        this.knowledge = next;
        return { ok: true, unchanged: false, passages: next.passages.length, ms: ms(), how: 'build', ...change };
      }
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
    warmCorpusReader();
    this.watcher = watchCorpus(this.dir, () => void this.reload().then(options.onReload), options);
    return () => {
      this.watcher?.close();
      this.watcher = null;
      stopCorpusReader();
    };
  }
}
