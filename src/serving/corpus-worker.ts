/**
 * The whole-corpus work of a reload, done in a worker thread (node:worker_threads) so that the bot keeps answering
 * from the knowledge it has while it runs: reading every source file and `entities.yaml` (`loadCorpus`: seconds of
 * YAML and validation at 100,000 passages), telling which sources changed (a fingerprint per source), and, when a
 * full build is due — `entities.yaml` changed, or a start finds no usable save — building the knowledge base and
 * saving it (`openCachedKnowledge`). What crosses back is small: the fingerprints, the sources that changed, and the
 * path of the save, which the main thread reads back (`loadKnowledge`) in one step.
 *
 * Why a worker and not slices of the event loop: the costly parts of a build — finding the people the text names,
 * indexing every passage — are single synchronous passes over the whole corpus that cannot yield without rewriting
 * them, and a worker runs them on another core, so answers are no slower while it builds. A Knowledge is made of
 * class instances (the index, the entity resolver) that cannot be posted between threads, which is why it comes back
 * as its save: reading a save is the fast path a start already takes, about a tenth of a build.
 *
 * @example
 * const reading = await readCorpusInWorker({ dir: 'corpus', known: await sourceFingerprints(old.corpus), entities: entitiesFingerprint(old.corpus) });
 * reading.changed.map((s) => s.id) // → the sources added or changed since `old`; reading.saved is set when entities.yaml changed
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, type MessagePort, parentPort, threadId, Worker, workerData } from 'node:worker_threads';
import type { Entity } from '../corpus/entity-schema.ts';
import { type Corpus, loadCorpus } from '../corpus/load-corpus.ts';
import { CorpusError } from '../corpus/source-file.ts';
import type { Source } from '../corpus/source-schema.ts';

/** What a worker is asked: read `dir`, compare with what the running knowledge has, build when a build is due. */
export interface CorpusReadRequest {
  dir: string;
  /** The running knowledge's sources, id → `sourceFingerprint`: only sources that do not match come back whole. */
  known: ReadonlyMap<string, string>;
  /** The running knowledge's `entitiesFingerprint`; a different one (or null: nothing is running yet) means a full build. */
  entities: string | null;
  /** The last save named could not be read by the caller: read it here, and build again if it fails (the default trusts it). */
  saveFailed?: boolean;
  /** Passed to `openCachedKnowledge`: from this size a save of an earlier corpus is caught up rather than rebuilt. */
  incrementalFrom?: number;
}

/** What a worker read. */
export interface CorpusReading {
  /** Every source's id and fingerprint, in corpus order. */
  sources: Array<{ id: string; fingerprint: string }>;
  /** The sources whose fingerprint is not the one in `known` (added or changed), whole. */
  changed: Source[];
  entities: Entity[];
  notEntities: string[];
  entitiesFingerprint: string;
  /** When a full build was due: the file its knowledge is saved in (`loadKnowledge`); a temporary one is the caller's to remove. */
  saved?: { file: string; temporary: boolean };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A source's identity for change detection: everything its file says. */
export const sourceFingerprint = (source: Source): string => sha256(JSON.stringify(source));

/**
 * What identifies `entities.yaml` as loaded: a change here needs a full build.
 *
 * @example
 * entitiesFingerprint(a) === entitiesFingerprint(b) // → true unless entities.yaml changed between the two loads
 */
export const entitiesFingerprint = (corpus: Pick<Corpus, 'entities' | 'notEntities'>): string =>
  sha256(JSON.stringify([corpus.entities, corpus.notEntities]));

const fingerprintsOf = new WeakMap<Corpus, ReadonlyMap<string, string>>();

/** Notes the fingerprints of a corpus's sources, as a worker worked them out, so nobody hashes them again. */
export function rememberFingerprints(corpus: Corpus, fingerprints: ReadonlyMap<string, string>): void {
  fingerprintsOf.set(corpus, fingerprints);
}

/**
 * The fingerprints of a corpus's sources, id → `sourceFingerprint`: those a worker reported when it read the corpus,
 * else worked out here a few dozen sources per turn of the event loop (25 MB of text at 100,000 passages).
 *
 * @example
 * (await sourceFingerprints(live.current().corpus)).get('ap-how-the-hostage-deal-came-about') // → '5e0c…' (64 hex digits)
 */
export async function sourceFingerprints(corpus: Corpus): Promise<ReadonlyMap<string, string>> {
  let fingerprints = fingerprintsOf.get(corpus);
  if (!fingerprints) {
    const made = new Map<string, string>();
    for (const [i, source] of corpus.sources.entries()) {
      if (i > 0 && i % 32 === 0) await new Promise((resolve) => setImmediate(resolve));
      made.set(source.id, sourceFingerprint(source));
    }
    fingerprintsOf.set(corpus, (fingerprints = made));
  }
  return fingerprints;
}

/**
 * Reads the corpus as a worker does, on the calling thread: what `readCorpusInWorker` runs over there. With `build`,
 * a full build that is due is made and saved (`saved`); without, the reading only says so by its entities'
 * fingerprint. Rejects with CorpusError for a file that cannot be used.
 */
export async function readCorpus(
  request: CorpusReadRequest,
  build: boolean,
  report: (message: string) => void = () => undefined,
): Promise<CorpusReading> {
  const corpus = loadCorpus(request.dir);
  const sources = corpus.sources.map((s) => ({ id: s.id, fingerprint: sourceFingerprint(s) }));
  const changed = corpus.sources.filter((s, i) => request.known.get(s.id) !== sources[i]?.fingerprint);
  const entities = entitiesFingerprint(corpus);
  const reading: CorpusReading = {
    sources,
    changed,
    entities: corpus.entities,
    notEntities: corpus.notEntities,
    entitiesFingerprint: entities,
  };
  if (request.entities === entities || !build) return reading;
  return { ...reading, saved: await savedKnowledgeOf(request, corpus, report) };
}

/** The file the knowledge of `corpus` is saved in, built (or caught up) and saved first unless a save is there. */
async function savedKnowledgeOf(
  request: CorpusReadRequest,
  corpus: Corpus,
  report: (message: string) => void,
): Promise<{ file: string; temporary: boolean }> {
  // imported only here: a worker that only reads the corpus starts without the whole engine
  const { cacheFileOf, openCachedKnowledge, saveKnowledge } = await import('./knowledge-cache.ts');
  const file = cacheFileOf(request.dir, corpus);
  if (!request.saveFailed && existsSync(file)) return { file, temporary: false };
  const { knowledge } = openCachedKnowledge(
    request.dir,
    corpus,
    report,
    request.incrementalFrom === undefined ? {} : { incrementalFrom: request.incrementalFrom },
  );
  if (!request.saveFailed && existsSync(file)) return { file, temporary: false };
  // a corpus folder that cannot be written (or a save there that cannot be read): the knowledge crosses over in a temporary file
  const temporary = join(tmpdir(), `talks-knowledge-${process.pid}-${threadId}-${randomUUID()}.v8`);
  saveKnowledge(knowledge, temporary);
  return { file: temporary, temporary: true };
}

/** The key of `workerData` that marks a corpus worker. */
const MARK = 'talksCorpusWorker';

interface WorkerRequest {
  id: number;
  request: CorpusReadRequest;
  build: boolean;
}

type WorkerMessage = { id: number } & (
  | { type: 'report'; message: string }
  | { type: 'done'; reading: CorpusReading }
  | { type: 'failed'; message: string; corpus?: { file: string; field: string | null } }
);

interface Pending {
  resolve: (reading: CorpusReading) => void;
  reject: (error: unknown) => void;
  report: (message: string) => void;
}

/** One worker thread and the reads asked of it, answered in order. It does not keep the process alive while idle. */
class CorpusWorker {
  private readonly worker = startWorker();
  private readonly pending = new Map<number, Pending>();
  private last = 0;
  /** It stopped (crashed, or was closed): a new one must be started. */
  stopped = false;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.type === 'report') return pending.report(message.message);
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.worker.unref();
      if (message.type === 'done') pending.resolve(message.reading);
      else
        pending.reject(
          message.corpus ? corpusError(message.corpus.file, message.corpus.field, message.message) : new Error(message.message),
        );
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the corpus worker stopped (exit code ${code}) before it had read the corpus`)));
  }

  read(request: CorpusReadRequest, build: boolean, report: (message: string) => void): Promise<CorpusReading> {
    return new Promise((resolve, reject) => {
      const id = ++this.last;
      this.pending.set(id, { resolve, reject, report });
      this.worker.ref();
      this.worker.postMessage({ id, request, build } satisfies WorkerRequest);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private fail(error: unknown): void {
    this.stopped = true;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** The worker that reads the corpus for every reload, started on the first and kept: starting one costs more than a read. */
let reader: CorpusWorker | null = null;

/**
 * Starts the worker that reads the corpus for reloads, if it is not running: a bot that follows its corpus calls this
 * when it starts watching, so that its first reload does not wait for a worker to start.
 *
 * @example
 * warmCorpusReader(); // the first reload then only reads
 */
export function warmCorpusReader(): void {
  if (!reader || reader.stopped) reader = new CorpusWorker();
}

/**
 * Stops the reload worker, when nothing watches the corpus any more: an idle worker thread does not hold the process,
 * but its message port does, so a console that ends with `/quit` would otherwise never exit. The next reload starts
 * another.
 *
 * @example
 * stopCorpusReader(); // the process can end
 */
export function stopCorpusReader(): void {
  const stopping = reader;
  reader = null;
  if (!stopping) return;
  stopping.stopped = true;
  void stopping.close();
}

/**
 * Reads the corpus in a worker thread (see `readCorpus`): resolves with what it read, or rejects with a CorpusError
 * (the message as on this thread) or an Error saying what went wrong. When a full build is due (`request.entities`
 * is not the corpus's), it is made in a worker of its own, which ends with it and gives its memory back; `report`
 * hears its progress.
 */
export async function readCorpusInWorker(
  request: CorpusReadRequest,
  report: (message: string) => void = () => undefined,
): Promise<CorpusReading> {
  if (request.entities !== null) {
    warmCorpusReader();
    const reading = await (reader as CorpusWorker).read(request, false, report);
    if (reading.entitiesFingerprint === request.entities) return reading;
  }
  const builder = new CorpusWorker();
  try {
    return await builder.read(request, true, report);
  } finally {
    void builder.close();
  }
}

/** A CorpusError with `message` as it was thrown in the worker. */
function corpusError(file: string, field: string | null, message: string): CorpusError {
  const error = new CorpusError(file, field, '');
  error.message = message;
  return error;
}

/**
 * A worker running this very module. Run from TypeScript (tsx, vitest), the worker first registers tsx's loader:
 * Node 20 hands a worker neither the parent's loader hooks nor a way to read TypeScript.
 */
function startWorker(): Worker {
  const self = import.meta.url;
  const options = { workerData: { [MARK]: true } };
  if (!self.endsWith('.ts')) return new Worker(new URL(self), options);
  // tsx's ES module API (its CommonJS twin, which `require.resolve` finds, registers a path that does not exist)
  const tsx = pathToFileURL(
    createRequire(self)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { (api.register ?? api.default.register)(); return import(${JSON.stringify(self)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** In a corpus worker: answers each request posted, one at a time, in order. */
function serve(port: MessagePort): void {
  let queue = Promise.resolve();
  port.on('message', ({ id, request, build }: WorkerRequest) => {
    const post = (message: WorkerMessage) => port.postMessage(message);
    queue = queue.then(async () => {
      try {
        post({ id, type: 'done', reading: await readCorpus(request, build, (message) => post({ id, type: 'report', message })) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        post(
          error instanceof CorpusError
            ? { id, type: 'failed', message, corpus: { file: error.file, field: error.field } }
            : { id, type: 'failed', message },
        );
      }
    });
  });
}

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[MARK] === true) serve(parentPort);
