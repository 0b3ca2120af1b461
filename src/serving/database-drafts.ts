/**
 * Previews waiting for a moderator, kept in the database the processes share (table `source_drafts`), so that a
 * preview made through one process can be added, edited or cancelled through another. The same rules as in memory
 * (src/corpus/source-drafts.ts): 30 minutes, only the member who asked; at most MAX_DRAFTS per server here (the oldest
 * give way), where one process's memory keeps MAX_DRAFTS in all. A draft is stored as JSON: what it holds must survive `JSON.stringify` (a SourcePreview does: text, plain
 * objects, strings and numbers).
 *
 * @example
 * const drafts = new DatabaseDrafts<SourcePreview>(db);
 * const key = await drafts.put({ prepared: preview, owner: user.id, guild: guildId });
 */
import { DRAFT_TTL_MS, type Draft, draftKey, MAX_DRAFTS, type SourceDrafts } from '../corpus/source-drafts.ts';
import { first, type SqlDatabase } from '../faq/sql/sql-database.ts';

interface DraftRow {
  owner_id: string;
  guild_id: string;
  expires_at: number | string; // a bigint comes back as text on PostgreSQL
  draft: string;
}

export class DatabaseDrafts<T> implements SourceDrafts<T> {
  constructor(
    private readonly db: SqlDatabase,
    private readonly ttlMs = DRAFT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  put(draft: Omit<Draft<T>, 'expires'>): Promise<string> {
    const json = JSON.stringify(draft.prepared);
    return this.db.write(`drafts ${draft.guild}`, async (tx) => {
      const now = this.now();
      await tx.all('DELETE FROM source_drafts WHERE expires_at < ?', [now]);
      const keys = await tx.all<{ draft_key: string }>('SELECT draft_key FROM source_drafts WHERE guild_id = ? ORDER BY expires_at', [
        draft.guild,
      ]);
      for (const { draft_key } of keys.slice(0, Math.max(0, keys.length - MAX_DRAFTS + 1)))
        await tx.all('DELETE FROM source_drafts WHERE draft_key = ?', [draft_key]);
      let key = draftKey();
      while (await first(tx, 'SELECT 1 AS taken FROM source_drafts WHERE draft_key = ?', [key])) key = draftKey();
      await tx.all('INSERT INTO source_drafts (draft_key, owner_id, guild_id, expires_at, draft) VALUES (?, ?, ?, ?, ?)', [
        key,
        draft.owner,
        draft.guild,
        now + this.ttlMs,
        json,
      ]);
      return key;
    });
  }

  async get(key: string, owner: string): Promise<Draft<T> | null> {
    const row = await this.db.read((tx) =>
      first<DraftRow>(tx, 'SELECT owner_id, guild_id, expires_at, draft FROM source_drafts WHERE draft_key = ?', [key]),
    );
    if (!row || Number(row.expires_at) < this.now() || row.owner_id !== owner) return null;
    return { prepared: JSON.parse(row.draft) as T, owner: row.owner_id, guild: row.guild_id, expires: Number(row.expires_at) };
  }

  async update(key: string, prepared: T): Promise<void> {
    const json = JSON.stringify(prepared);
    await this.db.write('drafts', (tx) =>
      tx.all('UPDATE source_drafts SET draft = ?, expires_at = ? WHERE draft_key = ?', [json, this.now() + this.ttlMs, key]),
    );
  }

  async delete(key: string): Promise<void> {
    await this.db.write('drafts', (tx) => tx.all('DELETE FROM source_drafts WHERE draft_key = ?', [key]));
  }
}
