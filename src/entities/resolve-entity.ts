/**
 * Resolves what a user typed after `/who` — a name, an alias, a misspelling or a role ("Qatari PM", "head of
 * Mossad") — to curated entities, best first.
 */
import MiniSearch from 'minisearch';
import type { Entity } from '../corpus/entity-schema.ts';
import { isStopWord, stemTerm, tokenize } from '../search/tokenize.ts';
import { expandAbbreviations, synonymsOf } from '../search/synonyms.ts';

export interface EntityMatch {
  entity: Entity;
  score: number;
  /** Share of the user's words this entity matched (synonyms count half). */
  coverage: number;
  /** How it matched: its name or an alias exactly, a role, or only roughly (typos, partial words). */
  via: 'name' | 'role' | 'fuzzy';
}

const norm = (s: string) => tokenize(s).join(' ');
const QUESTION_WORDS = new Set(['who', 'whos', 'is', 'was', 'the']);

export class EntityResolver {
  private readonly index: MiniSearch<{ id: string; names: string; roles: string; description: string }>;
  private readonly byId: Map<string, Entity>;
  private readonly exact = new Map<string, string[]>();

  constructor(readonly entities: readonly Entity[]) {
    this.byId = new Map(entities.map((e) => [e.id, e]));
    for (const e of entities) {
      for (const form of [e.name, ...e.aliases, ...e.short_forms]) {
        const key = norm(form);
        this.exact.set(key, [...new Set([...(this.exact.get(key) ?? []), e.id])]);
      }
    }
    this.index = new MiniSearch({
      fields: ['names', 'roles', 'description'],
      tokenize,
      processTerm: (t) => (isStopWord(t) ? null : stemTerm(t)),
    });
    this.index.addAll(
      entities.map((e) => ({
        id: e.id,
        names: [e.name, ...e.aliases, ...e.short_forms].join(' | '),
        roles: e.roles.flatMap((r) => [r.title, ...r.phrases]).join(' | '),
        description: e.description,
      })),
    );
  }

  /**
   * @example
   * resolver.resolve('head of Mossad')[0]?.entity.name // → 'David Barnea'
   * resolver.resolve('Blinkin')[0]?.entity.name        // → 'Antony Blinken'
   */
  resolve(query: string): EntityMatch[] {
    const exactIds = this.exact.get(norm(query)) ?? [];
    const words = [...new Set(tokenize(expandAbbreviations(query)).filter((t) => !QUESTION_WORDS.has(t) && !isStopWord(t)))];
    if (words.length === 0) return [];
    const synonyms = synonymsOf(words).flatMap((s) => tokenize(s));
    // names and roles decide who matches (and how much of the query); the description only breaks ties
    const results = this.index.search(
      {
        combineWith: 'OR',
        queries: [
          { queries: [words.join(' ')], fuzzy: (t: string) => (t.length >= 5 ? 0.25 : false) },
          ...(synonyms.length > 0 ? [{ queries: [synonyms.join(' ')], boost: { names: 0.4, roles: 0.4 } }] : []),
        ],
      },
      { fields: ['names', 'roles'], boost: { names: 3, roles: 2 } },
    );
    const described = new Map(this.index.search(words.join(' '), { fields: ['description'] }).map((r) => [String(r.id), r.score]));
    // each word's synonyms, worked out once: a common word matches thousands of discovered people on a large corpus
    const synonymsOfWord = words.map((w) => synonymsOf([w]).flatMap((s) => tokenize(s)));
    const matches: EntityMatch[] = [];
    for (const r of results) {
      const entity = this.byId.get(String(r.id));
      if (!entity) continue;
      const hit = new Set(r.queryTerms);
      const has = (w: string) => hit.has(stemTerm(w)) || hit.has(w);
      const credit = words.map((w, i) => (has(w) ? 1 : (synonymsOfWord[i] ?? []).some(has) ? 0.5 : 0));
      const coverage = credit.reduce<number>((a, b) => a + b, 0) / words.length;
      const inRoles = Object.entries(r.match).some(([, fields]) => fields.includes('roles'));
      const via: EntityMatch['via'] = exactIds.includes(entity.id) ? 'name' : inRoles && coverage >= 0.75 ? 'role' : 'fuzzy';
      const bonus = via === 'name' ? 100 : 0;
      matches.push({ entity, score: r.score * coverage * coverage + (described.get(entity.id) ?? 0) * 0.1 + bonus, coverage, via });
    }
    for (const id of exactIds) {
      const entity = this.byId.get(id);
      if (entity && !matches.some((m) => m.entity.id === id)) matches.push({ entity, score: 100, coverage: 1, via: 'name' });
    }
    return matches.sort((a, b) => b.score - a.score);
  }

  /** Names for autocomplete and "did you mean": the closest entities, whatever their coverage. */
  closest(query: string, limit = 5): Entity[] {
    const found = this.index.search(query, { fuzzy: 0.4, prefix: true, combineWith: 'OR' }).map((r) => this.byId.get(String(r.id)));
    return found.filter((e): e is Entity => e !== undefined).slice(0, limit);
  }

  /**
   * Names for autocomplete, looked up on every keystroke: what is typed matches the start of a name or a role, with up
   * to two letters in ten wrong. Looser (as `closest` is) a two-letter prefix is one letter from nearly every word of
   * every description, and scoring them all costs milliseconds on a large corpus's thousand entities.
   *
   * @example
   * resolver.closestAsTyped('Blinkn', 10).map((e) => e.name) // → ['Antony Blinken']
   */
  closestAsTyped(query: string, limit: number): Entity[] {
    const found = this.index
      .search(query, { fields: ['names', 'roles'], fuzzy: 0.2, prefix: true, combineWith: 'OR' })
      .map((r) => this.byId.get(String(r.id)));
    return found.filter((e): e is Entity => e !== undefined).slice(0, limit);
  }
}
