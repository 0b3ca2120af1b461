/**
 * Articles a moderator has previewed but not yet added: the cleaned text and front matter wait under a short key that
 * the preview's buttons carry, until the moderator adds, edits or cancels them. A draft lives 30 minutes; an expired
 * key tells the moderator to start again, and nothing has been written by then. One process keeps them in memory
 * (`DraftsInMemory`); processes that share a corpus keep them in its database (src/serving/database-drafts.ts), so
 * that a preview made through one can be added through another.
 *
 * @example
 * const key = await drafts.put({ prepared, owner: '1234…', guild: '5678…' });
 * (await drafts.get(key, '1234…'))?.prepared.meta.id
 */
import { randomBytes } from 'node:crypto';

export interface Draft<T> {
  prepared: T;
  /** The member who asked for the preview: only they may act on it. */
  owner: string;
  guild: string;
  expires: number;
}

/** How long a draft waits, and how many wait at most (the oldest give way). */
export const DRAFT_TTL_MS = 30 * 60_000;
export const MAX_DRAFTS = 200;

/** Where previews wait. */
export interface SourceDrafts<T> {
  /** Stores a draft and returns its key (8 hex characters, safe inside a custom_id). */
  put(draft: Omit<Draft<T>, 'expires'>): Promise<string>;
  /** The draft under `key` when it exists, has not expired and belongs to `owner`. */
  get(key: string, owner: string): Promise<Draft<T> | null>;
  /** Replaces the prepared article of a draft (after "Edit details") and renews its time. */
  update(key: string, prepared: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A new draft key: 8 hex characters. */
export const draftKey = (): string => randomBytes(4).toString('hex');

export class DraftsInMemory<T> implements SourceDrafts<T> {
  private readonly drafts = new Map<string, Draft<T>>();

  constructor(
    private readonly ttlMs = DRAFT_TTL_MS,
    private readonly max = MAX_DRAFTS,
    private readonly now: () => number = Date.now,
  ) {}

  put(draft: Omit<Draft<T>, 'expires'>): Promise<string> {
    this.sweep();
    while (this.drafts.size >= this.max) this.drafts.delete(this.drafts.keys().next().value as string);
    let key = draftKey();
    while (this.drafts.has(key)) key = draftKey();
    this.drafts.set(key, { ...draft, expires: this.now() + this.ttlMs });
    return Promise.resolve(key);
  }

  get(key: string, owner: string): Promise<Draft<T> | null> {
    const draft = this.drafts.get(key);
    return Promise.resolve(!draft || draft.expires < this.now() || draft.owner !== owner ? null : draft);
  }

  update(key: string, prepared: T): Promise<void> {
    const draft = this.drafts.get(key);
    if (draft) this.drafts.set(key, { ...draft, prepared, expires: this.now() + this.ttlMs });
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.drafts.delete(key);
    return Promise.resolve();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, d] of this.drafts) if (d.expires < now) this.drafts.delete(key);
  }
}
