/**
 * Adding and removing sources while the bot runs — the transport-neutral core behind `/source-admin`. A preview
 * cleans the page and reads its metadata without writing anything; adding writes the file atomically, records who
 * added it, and reloads the corpus so the moderator can ask about it at once. An article whose body is already in
 * the corpus is refused, naming the source; a near-duplicate (the same wire story republished with small edits) is
 * accepted and recorded as such.
 *
 * @example
 * const editor = new CorpusEditor(live);
 * const preview = editor.preview(pageText, 'saved-page.html', { outlet: 'Reuters' });
 * const { id, reload } = await editor.add(preview, { by: 'discord', user, guild });
 */
import { IngestError, type IngestOptions, type PreparedSource, prepareSource, writeSource } from '../ingest/ingest-source.ts';
import type { LiveKnowledge, ReloadResult } from '../knowledge/live-knowledge.ts';
import { type ChangeAuthor, CorpusChangeError, recordChange, removeSource, sha256Of } from './corpus-changes.ts';
import { DuplicateIndex } from './duplicates.ts';
import type { Source } from './source-schema.ts';

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
export function previewAgainst(existing: DuplicateIndex, raw: string, rawName: string, options: IngestOptions = {}): SourcePreview {
  const first = prepareSource(raw, rawName, options);
  const match = existing.find(first.cleaned.paragraphs);
  if (match?.kind === 'exact') {
    throw new IngestError(`this article is already in the corpus as "${match.source.id}" (${match.source.outlet ?? 'unknown outlet'}, ${match.source.published ?? 'date unknown'}): the same text, so nothing was added`);
  }
  const nearDuplicateOf = match?.kind === 'near' ? match.source : null;
  const prepared = nearDuplicateOf ? prepareSource(raw, rawName, { ...options, nearDuplicateOf: nearDuplicateOf.id }) : first;
  return { raw, rawName, options, prepared, nearDuplicateOf };
}

export class CorpusEditor {
  private duplicates: { knowledgeAt: unknown; index: DuplicateIndex } | null = null;

  constructor(readonly live: LiveKnowledge) {}

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
  async add(preview: SourcePreview, author: ChangeAuthor): Promise<{ id: string; file: string; reload: ReloadResult }> {
    const again = this.preview(preview.raw, preview.rawName, preview.options); // the corpus may have changed since
    const id = again.prepared.meta.id;
    const file = writeNew(again.prepared, this.live.dir);
    recordChange(this.live.dir, { action: 'add', id, sha256: sha256Of(again.prepared.text), author });
    const reload = await this.live.reload();
    if (!reload.ok && reload.error.startsWith(`sources/${id}.md`)) {
      removeSource(this.live.dir, id, author);
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
    const copies = this.live.current().corpus.sources.filter((s) => s.near_duplicate_of === id).map((s) => `"${s.id}"`);
    if (copies.length > 0) throw new CorpusChangeError(`${copies.join(', ')} ${copies.length === 1 ? 'repeats' : 'repeat'} "${id}" with small edits (near_duplicate_of): remove ${copies.length === 1 ? 'it' : 'them'} first.`);
    const movedTo = removeSource(this.live.dir, id, author);
    return { movedTo, reload: await this.live.reload() };
  }

  private duplicateIndex(): DuplicateIndex {
    const knowledge = this.live.current();
    if (this.duplicates?.knowledgeAt !== knowledge) this.duplicates = { knowledgeAt: knowledge, index: new DuplicateIndex(knowledge.corpus.sources) };
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
    throw new IngestError(`another source already has the id "${prepared.meta.id}" (the same date and a headline that starts the same): use Edit details to give this article its own headline`);
  }
}

