/**
 * The MiniSearch index over passages. Three fields: `text` (stemmed, no stop words), `exact` (the words as written,
 * boosted so that exact names beat stems: Porter2 turns "Hamas" into "hama"), and `entities` (the names and aliases
 * of the curated entities each passage mentions, so "the emir" is found by "Tamim"). Only ids are stored; passage
 * text lives in the knowledge base.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { isStopWord, stemTerm, tokenize } from './tokenize.ts';
import { expandAbbreviations, synonymsOf } from './synonyms.ts';

export interface IndexedPassage {
  id: string;
  text: string;
  entities: string;
}

export interface PassageHit {
  id: string;
  score: number;
  /** Share of the query's content words the passage matched (0–1): the relevance threshold works on this. */
  coverage: number;
  /** The query words it matched, as typed (lower-case). */
  matched: string[];
}

const FIELD_BOOST = { text: 1, exact: 1.6, entities: 1.2 } as const;
const fuzzyFor = (term: string): number | false => (term.length >= 5 ? 0.2 : false);

function processForField(term: string, field?: string): string | null {
  if (isStopWord(term)) return null;
  return field === 'text' ? stemTerm(term) : term;
}

export class PassageIndex {
  private readonly search: MiniSearch<IndexedPassage>;

  constructor(passages: readonly IndexedPassage[]) {
    this.search = new MiniSearch<IndexedPassage>({
      fields: ['text', 'exact', 'entities'],
      storeFields: [],
      extractField: (doc, field) => (field === 'exact' ? doc.text : (doc as unknown as Record<string, string>)[field] ?? ''),
      tokenize,
      processTerm: processForField,
    });
    this.search.addAll(passages);
  }

  /**
   * Finds passages for free text, best first.
   *
   * @example
   * index.find('Blinkin Doha').map((h) => h.id) // → ['cnn-retold-blinken-warns-qatar#1', …] (fuzzy: Blinkin → Blinken)
   */
  find(query: string, options: { filter?: (id: string) => boolean; boost?: (id: string) => number } = {}): PassageHit[] {
    const words = [...new Set(tokenize(expandAbbreviations(query)).filter((t) => !isStopWord(t)))];
    if (words.length === 0) return [];
    const synonyms = synonymsOf(words).flatMap((s) => tokenize(s));
    const tree: Query = {
      combineWith: 'OR',
      queries: [
        { queries: [words.join(' ')], fields: ['text'], processTerm: (t) => (isStopWord(t) ? null : stemTerm(t)), boost: { text: FIELD_BOOST.text } },
        { queries: [words.join(' ')], fields: ['exact'], processTerm: (t) => (isStopWord(t) ? null : t), fuzzy: fuzzyFor, boost: { exact: FIELD_BOOST.exact } },
        { queries: [words.join(' ')], fields: ['entities'], processTerm: (t) => (isStopWord(t) ? null : t), fuzzy: fuzzyFor, boost: { entities: FIELD_BOOST.entities } },
        ...(synonyms.length > 0
          ? [{ queries: [synonyms.join(' ')], fields: ['text'], processTerm: (t: string) => (isStopWord(t) ? null : stemTerm(t)), boost: { text: 0.4 } }]
          : []),
      ],
    };
    const results: SearchResult[] = this.search.search(tree, {
      ...(options.filter ? { filter: (r: SearchResult) => options.filter?.(String(r.id)) ?? true } : {}),
    });
    // a hyphenated word counts once, matched by any of its forms ("cease-fire": cease, fire, ceasefire)
    const groups = expandAbbreviations(query)
      .split(/\s+/)
      .map((chunk) => tokenize(chunk).filter((t) => !isStopWord(t)))
      .filter((g) => g.length > 0);
    return results
      .map((r) => {
        const hitTerms = new Set(r.queryTerms);
        const hits = (w: string) => hitTerms.has(w) || hitTerms.has(stemTerm(w));
        const matched = words.filter(hits);
        // a word found only through a synonym counts half
        const credit = groups.map((g) => (g.some(hits) ? 1 : g.some((w) => synonymsOf([w]).flatMap((s) => tokenize(s)).some(hits)) ? 0.5 : 0));
        const coverage = credit.reduce<number>((sum, c) => sum + c, 0) / groups.length;
        const id = String(r.id);
        return { id, score: r.score * coverage * coverage * (options.boost?.(id) ?? 1), coverage, matched };
      })
      .sort((a, b) => b.score - a.score);
  }

  /** Words of the corpus close to what the user typed, for "did you mean". */
  suggest(query: string, limit = 5): string[] {
    return this.search
      .autoSuggest(query, { fields: ['exact'], fuzzy: 0.3, processTerm: (t) => (isStopWord(t) ? null : t) })
      .slice(0, limit)
      .map((s) => s.suggestion);
  }
}
