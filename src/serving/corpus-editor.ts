/**
 * Adding and removing sources while the bot runs — the transport-neutral core behind `/source-admin`. A preview
 * cleans the page and reads its metadata without writing anything; adding writes the file atomically, records who
 * added it, and reloads the corpus so the moderator can ask about it at once. An article whose body is already in
 * the corpus is refused, naming the source; a near-duplicate (the same wire story republished with small edits) is
 * accepted and recorded as such.
 *
 * The duplicate check, the write and the record happen under the corpus lock (`withCorpusLockAsync`), against the
 * sources the bot serves and any that another process (`npm run ingest`) wrote since its last reload: two writers
 * adding the same article at once cannot both pass the check. Opening the editor tidies up after writers killed
 * mid-change (`openCorpusForWriting`).
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

export class CorpusEditor {
  private duplicates: { knowledgeAt: unknown; index: DuplicateIndex } | null = null;

  /** Opening the editor opens the corpus for writing: what writers killed mid-change left is cleared up. */
  constructor(readonly live: LiveKnowledge) {
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
   * refuses the new file itself, the file is taken out again so the corpus stays as it was.
   */
  async add(
    preview: SourcePreview,
    author: ChangeAuthor,
    feedItem?: { feed: string; link: string },
  ): Promise<{ id: string; file: string; reload: ReloadResult }> {
    const dir = this.live.dir;
    const { id, file } = await withCorpusLockAsync(dir, () => {
      // checked again holding the lock: the corpus may have changed since the preview, in this process or another
      const served = this.live.current().sourceById;
      const finder = findingIn([this.duplicateIndex(), new DuplicateIndex(sourcesAddedSince(dir, new Set(served.keys())))]);
      const again = previewAgainst(finder, preview.raw, preview.rawName, preview.options);
      const written = writeNew(again.prepared, dir);
      recordChange(dir, {
        action: 'add',
        id: again.prepared.meta.id,
        sha256: sha256Of(again.prepared.text),
        author,
        ...(feedItem ? { feedItem } : {}),
      });
      return { id: again.prepared.meta.id, file: written };
    });
    const reload = await this.live.reload();
    if (!reload.ok && reload.error.startsWith(`sources/${id}.md`)) {
      await withCorpusLockAsync(dir, () => removeSource(dir, id, author));
      await this.live.reload();
    }
    return { id, file, reload };
  }

  /**
   * Moves a source to `removed/`, records who removed it, and reloads. A source that another names as its
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
    const movedTo = await withCorpusLockAsync(this.live.dir, () => removeSource(this.live.dir, id, author)); // waits without blocking answers
    return { movedTo, reload: await this.live.reload() };
  }

  /**
   * Records that a moderator turned down a followed feed's item: a `reject` line in the change log, under the id the
   * article would have had. Nothing else is written.
   */
  async recordRejection(preview: SourcePreview, author: ChangeAuthor, feedItem: { feed: string; link: string }): Promise<void> {
    const { meta, text } = preview.prepared;
    await withCorpusLockAsync(this.live.dir, () =>
      recordChange(this.live.dir, { action: 'reject', id: meta.id, sha256: sha256Of(text), author, feedItem }),
    );
  }

  private duplicateIndex(): DuplicateIndex {
    const knowledge = this.live.current();
    if (this.duplicates?.knowledgeAt !== knowledge)
      this.duplicates = { knowledgeAt: knowledge, index: new DuplicateIndex(knowledge.corpus.sources) };
    return this.duplicates.index;
  }
}

/**
 * Writes a new source; when its id is taken (another article of the same day whose headline starts alike), says
 * so in words for the moderator on Discord, without the server's paths or the command line's options.
 */
function writeNew(prepared: PreparedSource, corpusDir: string): string {
  try {
    return writeSource(prepared, corpusDir);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    throw new IngestError(
      `another source already has the id "${prepared.meta.id}" (the same date and a headline that starts the same): use Edit details to give this article its own headline`,
    );
  }
}
