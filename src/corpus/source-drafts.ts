/**
 * Articles a moderator has previewed but not yet added: the cleaned text and front matter wait here, under a short
 * key that the preview's buttons carry, until the moderator adds, edits or cancels them. Drafts live in memory
 * for 30 minutes; an expired key tells the moderator to start again, and nothing has been written by then.
 *
 * @example
 * const key = drafts.put({ prepared, owner: '1234…', guild: '5678…' });
 * drafts.get(key, '1234…')?.prepared.meta.id
 */
import { randomBytes } from 'node:crypto';

export interface Draft<T> {
  prepared: T;
  /** The member who asked for the preview: only they may act on it. */
  owner: string;
  guild: string;
  expires: number;
}

export class SourceDrafts<T> {
  private readonly drafts = new Map<string, Draft<T>>();

  constructor(
    private readonly ttlMs = 30 * 60_000,
    private readonly max = 200,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a draft and returns its key (8 hex characters, safe inside a custom_id). */
  put(draft: Omit<Draft<T>, 'expires'>): string {
    this.sweep();
    while (this.drafts.size >= this.max) this.drafts.delete(this.drafts.keys().next().value as string);
    let key = randomBytes(4).toString('hex');
    while (this.drafts.has(key)) key = randomBytes(4).toString('hex');
    this.drafts.set(key, { ...draft, expires: this.now() + this.ttlMs });
    return key;
  }

  /** The draft under `key` when it exists, has not expired and belongs to `owner`. */
  get(key: string, owner: string): Draft<T> | null {
    const draft = this.drafts.get(key);
    if (!draft || draft.expires < this.now() || draft.owner !== owner) return null;
    return draft;
  }

  /** Replaces the prepared article of a draft (after "Edit details") and renews its time. */
  update(key: string, prepared: T): void {
    const draft = this.drafts.get(key);
    if (draft) this.drafts.set(key, { ...draft, prepared, expires: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.drafts.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, d] of this.drafts) if (d.expires < now) this.drafts.delete(key);
  }
}
