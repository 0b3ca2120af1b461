/**
 * Adding and removing sources while the bot runs — the transport-neutral core behind `/source-admin`. A preview
 * cleans the page and reads its metadata without writing anything; adding writes the file atomically, records who
 * added it, and reloads the corpus so the moderator can ask about it at once. An article whose body is already in
 * the corpus is refused, naming the source; a near-duplicate (the same wire story republished with small edits) is
 * accepted and recorded as such.
 *
 * The duplicate check, the write and the record happen in the record's write turn, against the sources the bot
 * serves and any that another writer added since its last reload: two writers adding the same article at once cannot
 * both pass the check. The record is the corpus folder (`FolderRecord`: the corpus lock, `withCorpusLockAsync`, beside
 * `npm run ingest`), or with DATABASE_URL the database every process shares (`SharedCorpus`, shared-corpus.ts).
 * Opening the editor on the folder tidies up after writers killed mid-change (`openCorpusForWriting`).
 *
 * @example
 * const editor = new CorpusEditor(live);
 * const preview = editor.preview(pageText, 'saved-page.html', { outlet: 'Reuters' });
 * const { id, reload } = await editor.add(preview, { by: 'discord', user, guild });
 */
import { join } from 'node:path';
import { type IngestOptions, type PreparedSource, prepareSource, writeSource } from '../ingest/ingest-source.ts';
import { IngestError } from '../ingest/ingest-error.ts';
import type { LiveKnowledge, ReloadResult } from './live-knowledge.ts';
import {
  type ChangeAuthor,
  CorpusChangeError,
  openCorpusForWriting,
  recordChange,
  removeSource,
  sha256Of,
  withCorpusLockAsync,
} from '../corpus/corpus-changes.ts';
import { type DuplicateMatch, DuplicateIndex } from '../corpus/duplicates.ts';
import { readCorpusText, sourceFileNames } from '../corpus/load-corpus.ts';
import { parseSourceFile } from '../corpus/source-file.ts';
import type { Source } from '../corpus/source-schema.ts';

/** What finds the source a text repeats: a DuplicateIndex, or several searched as one. */
export type DuplicateFinder = Pick<DuplicateIndex, 'find'>;

/**
 * The sources in `dir/sources/` whose ids `known` lacks, read from disk (files that do not parse are skipped): what
 * other processes added since `known` was read. Called holding the corpus lock, so none is half-written.
 *
 * @example
 * sourcesAddedSince('corpus', new Set(live.current().sourceById.keys())) // → [] unless `npm run ingest` just ran
 */
export function sourcesAddedSince(dir: string, known: ReadonlySet<string>): Source[] {
  let names: string[];
  try {
    names = sourceFileNames(join(dir, 'sources'));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (known.has(name.slice(0, -'.md'.length))) return [];
    try {
      return [parseSourceFile(readCorpusText(join(dir, 'sources', name), `sources/${name}`), `sources/${name}`)];
    } catch {
      return [];
    }
  });
}

/**
 * Several finders searched as one: an exact copy in any wins, else the nearest near-duplicate.
 *
 * @example
 * findingIn([servedIndex, new DuplicateIndex(sourcesAddedSince(dir, served))]).find(paragraphs)
 */
export function findingIn(finders: readonly DuplicateFinder[]): DuplicateFinder {
  return {
    find(paragraphs) {
      let best: DuplicateMatch | null = null;
      for (const finder of finders) {
        const match = finder.find(paragraphs);
        if (match?.kind === 'exact') return match;
        if (match && match.similarity > (best?.similarity ?? 0)) best = match;
      }
      return best;
    },
  };
}

/** A cleaned article ready to add, with what it was made from so "Edit details" can prepare it again. */
export interface SourcePreview {
  raw: string;
  rawName: string;
  options: IngestOptions;
  prepared: PreparedSource;
  /** The source it repeats with small edits, when it does. */
  nearDuplicateOf: Source | null;
}

/**
 * Cleans an article and checks it against the sources already there: an exact copy is refused naming the source it
 * repeats, a near-duplicate is prepared with `near_duplicate_of`. Nothing is written. `npm run ingest` and
 * `/source-admin add` both come through here.
 */
export function previewAgainst(existing: DuplicateFinder, raw: string, rawName: string, options: IngestOptions = {}): SourcePreview {
  const first = prepareSource(raw, rawName, options);
  const match = existing.find(first.cleaned.paragraphs);
  if (match?.kind === 'exact') {
    throw new IngestError(
      `this article is already in the corpus as "${match.source.id}" (${match.source.outlet ?? 'unknown outlet'}, ${match.source.published ?? 'date unknown'}): the same text, so nothing was added`,
    );
  }
  const nearDuplicateOf = match?.kind === 'near' ? match.source : null;
  const prepared = nearDuplicateOf ? prepareSource(raw, rawName, { ...options, nearDuplicateOf: nearDuplicateOf.id }) : first;
  return { raw, rawName, options, prepared, nearDuplicateOf };
}

/** A followed feed's item a change came from: the feed, and the article's address. */
export interface FeedItemRef {
  feed: string;
  link: string;
}

/**
 * Where changes to the corpus are written and recorded: the corpus folder and its changes.jsonl (`FolderRecord`, one
 * machine), or the database of a corpus several processes share (`SharedCorpus`, DATABASE_URL). Each change is
 * written during the record's write turn, so two writers cannot both pass the duplicate check.
 */
export interface CorpusRecord {
  /**
   * Writes the source `prepare` makes and records who added it. `prepare` runs during the write turn and is given the
   * sources other writers added since the served knowledge was read, so it can check for duplicates again; it throws
   * IngestError to refuse. An id already taken is refused with IngestError.
   */
  add(
    prepare: (addedElsewhere: readonly Source[]) => PreparedSource,
    author: ChangeAuthor,
    feedItem?: FeedItemRef,
  ): Promise<{ id: string; file: string }>;
  /** Takes a source out (CorpusChangeError when there is none) and records it; returns where its text is kept. */
  remove(id: string, author: ChangeAuthor): Promise<string>;
  /** Records that a moderator turned down a followed feed's item, under the id it would have had. Writes no source. */
  reject(change: { id: string; sha256: string; author: ChangeAuthor; feedItem: FeedItemRef }): Promise<void>;
}

/**
 * The corpus folder as the record (one machine): files in `sources/`, `removed/`, and changes.jsonl, under the corpus
 * lock (`withCorpusLockAsync`, which waits without blocking answers).
 *
 * @example
 * new CorpusEditor(live, new FolderRecord(live.dir, () => new Set(live.current().sourceById.keys())));
 */
export class FolderRecord implements CorpusRecord {
  constructor(
    readonly dir: string,
    private readonly served: () => ReadonlySet<string>,
  ) {}

  add(prepare: (addedElsewhere: readonly Source[]) => PreparedSource, author: ChangeAuthor, feedItem?: FeedItemRef) {
    return withCorpusLockAsync(this.dir, () => {
      // checked again holding the lock: another process (`npm run ingest`) may have written since the last reload
      const prepared = prepare(sourcesAddedSince(this.dir, this.served()));
      const file = writeNew(prepared, this.dir);
      recordChange(this.dir, {
        action: 'add',
        id: prepared.meta.id,
        sha256: sha256Of(prepared.text),
        author,
        ...(feedItem ? { feedItem } : {}),
      });
      return { id: prepared.meta.id, file };
    });
  }

  remove(id: string, author: ChangeAuthor): Promise<string> {
    return withCorpusLockAsync(this.dir, () => removeSource(this.dir, id, author));
  }

  async reject(change: { id: string; sha256: string; author: ChangeAuthor; feedItem: FeedItemRef }): Promise<void> {
    await withCorpusLockAsync(this.dir, () => recordChange(this.dir, { action: 'reject', ...change }));
  }
}

export class CorpusEditor {
  private duplicates: { knowledgeAt: unknown; index: DuplicateIndex } | null = null;
  readonly record: CorpusRecord;

  /**
   * The editor of `live`'s corpus, writing to `record` (the corpus folder unless given). Opening it on the folder
   * opens the corpus for writing: what writers killed mid-change left is cleared up.
   */
  constructor(
    readonly live: LiveKnowledge,
    record?: CorpusRecord,
  ) {
    this.record = record ?? new FolderRecord(live.dir, () => new Set(live.current().sourceById.keys()));
    if (record) return;
    try {
      openCorpusForWriting(live.dir);
    } catch {
      // a corpus folder that cannot be written: adding will say so
    }
  }

  /** Cleans and checks an article without writing it. Throws IngestError (a message for the moderator). */
  preview(raw: string, rawName: string, options: IngestOptions = {}): SourcePreview {
    return previewAgainst(this.duplicateIndex(), raw, rawName, options);
  }

  /** The same article prepared again with the moderator's corrections (title, outlet, authors, date). */
  revise(preview: SourcePreview, changes: IngestOptions): SourcePreview {
    return this.preview(preview.raw, preview.rawName, { ...preview.options, ...changes });
  }

  /**
   * Writes the source (never over an existing id), records the change, and reloads the corpus. When the reload
   * refuses the new file itself, the source is taken out again so the corpus stays as it was.
   */
  async add(
    preview: SourcePreview,
    author: ChangeAuthor,
    feedItem?: FeedItemRef,
  ): Promise<{ id: string; file: string; reload: ReloadResult }> {
    const { id, file } = await this.record.add(
      // checked again in the record's write turn: the corpus may have changed since the preview, here or elsewhere
      (elsewhere) =>
        previewAgainst(
          findingIn([this.duplicateIndex(), new DuplicateIndex([...elsewhere])]),
          preview.raw,
          preview.rawName,
          preview.options,
        ).prepared,
      author,
      feedItem,
    );
    const reload = await this.live.reload();
    if (!reload.ok && reload.error.startsWith(`sources/${id}.md`)) {
      await this.record.remove(id, author);
      await this.live.reload();
    }
    return { id, file, reload };
  }

  /**
   * Takes a source out (its text is kept), records who removed it, and reloads. A source that another names as its
   * `near_duplicate_of` is refused (CorpusChangeError): without it the corpus would no longer load, and every reload
   * after would be refused until someone edited the other file.
   */
  async remove(id: string, author: ChangeAuthor): Promise<{ movedTo: string; reload: ReloadResult }> {
    const copies = this.live
      .current()
      .corpus.sources.filter((s) => s.near_duplicate_of === id)
      .map((s) => `"${s.id}"`);
    if (copies.length > 0)
      throw new CorpusChangeError(
        `${copies.join(', ')} ${copies.length === 1 ? 'repeats' : 'repeat'} "${id}" with small edits (near_duplicate_of): remove ${copies.length === 1 ? 'it' : 'them'} first.`,
      );
    const movedTo = await this.record.remove(id, author);
    return { movedTo, reload: await this.live.reload() };
  }

  /**
   * Records that a moderator turned down a followed feed's item: a `reject` line in the change log, under the id the
   * article would have had. Nothing else is written.
   */
  async recordRejection(preview: SourcePreview, author: ChangeAuthor, feedItem: FeedItemRef): Promise<void> {
    const { meta, text } = preview.prepared;
    await this.record.reject({ id: meta.id, sha256: sha256Of(text), author, feedItem });
  }

  private duplicateIndex(): DuplicateIndex {
    const knowledge = this.live.current();
    if (this.duplicates?.knowledgeAt !== knowledge)
      this.duplicates = { knowledgeAt: knowledge, index: new DuplicateIndex(knowledge.corpus.sources) };
    return this.duplicates.index;
  }
}

/**
 * An id already taken (another article of the same day whose headline starts alike), in words for the moderator on
 * Discord, without the server's paths or the command line's options.
 */
export function idTaken(id: string): IngestError {
  return new IngestError(
    `another source already has the id "${id}" (the same date and a headline that starts the same): use Edit details to give this article its own headline`,
  );
}

/** Writes a new source into the folder; an id taken is refused with `idTaken`. */
function writeNew(prepared: PreparedSource, corpusDir: string): string {
  try {
    return writeSource(prepared, corpusDir);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    throw idTaken(prepared.meta.id);
  }
}
