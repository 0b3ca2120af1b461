/**
 * Finds where the curated entities are named in the passages of one source.
 *
 * Aliases are matched longest first, ignoring case, hyphens and apostrophe styles ("Al-Thani" = "Al Thani"), but an
 * alias written with capitals only matches text with capitals ("Burns" the director, not "burns"). A short form that
 * several entities share ("Al Thani", "the prime minister") goes to the candidate the source named most recently; one
 * that starts with "the" ("the president") goes only to a candidate the source has named, even when one entity alone
 * uses it: a 2025 article's "the president" is not the curated 2023 president when it never names him.
 */
import type { Entity } from '../corpus/entity-schema.ts';
import type { Passage } from '../passages/passage.ts';

export interface Mention {
  entityId: string;
  passageId: string;
  /** Offsets in the passage text. */
  start: number;
  end: number;
  text: string;
  via: 'alias' | 'short_form';
}

interface Pattern {
  form: string;
  /** Its place in the longest-first order: the order the patterns are tried in, whatever the prefilter picks. */
  rank: number;
  /** The lower-case letter-and-digit runs of the form ("Al-Thani" → al, thani): a passage must have them all. */
  runs: string[];
  /** The form's words, as `formEndAt` walks them; null for a form only the regex can match (see `walkable`). */
  words: string[] | null;
  /** Compiled when first needed: only a form that cannot be walked is matched by it, and most forms can. */
  regex: RegExp | null;
  needsCapital: boolean;
  candidates: string[];
  via: Mention['via'];
}

function escapeForm(form: string): string {
  return form
    .trim()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('[\\s-]+');
}

/** The lower-case letter-and-digit runs of a form, apostrophes and hyphens splitting them as they split words. */
function runsOf(form: string): string[] {
  return (form.match(/[\p{L}\p{N}]+/gu) ?? []).map((r) => r.toLowerCase());
}

/**
 * The compiled patterns, indexed by the first run of their form, so that a passage tries only the forms whose
 * words it contains: a corpus that names 2,000 people would otherwise run 4,000 regular expressions over every
 * passage, and the number of people grows with the corpus.
 */
export interface MentionPatterns {
  byFirstRun: Map<string, Pattern[]>;
  /** Forms with no letter or digit at all: tried everywhere. */
  always: Pattern[];
}

/** Compiles every alias and short form once; reuse the result for all sources. */
export function compileMentionPatterns(entities: readonly Entity[]): MentionPatterns {
  const byForm = new Map<string, Pattern>();
  const add = (form: string, entityId: string, via: Mention['via']) => {
    const key = `${via}:${form.toLowerCase().replace(/[\s-]+/g, ' ')}`;
    const existing = byForm.get(key);
    if (existing) {
      if (!existing.candidates.includes(entityId)) existing.candidates.push(entityId);
      return;
    }
    byForm.set(key, {
      form,
      rank: 0,
      runs: runsOf(form),
      words: walkable(form) ? form.trim().split(/[\s-]+/) : null,
      regex: null,
      needsCapital: /\p{Lu}/u.test(form),
      candidates: [entityId],
      via,
    });
  };
  for (const e of entities) {
    for (const a of [e.name, ...e.aliases]) add(a, e.id, 'alias');
    for (const s of e.short_forms) add(s, e.id, 'short_form');
  }
  const ordered = [...byForm.values()].sort((a, b) => b.form.length - a.form.length || (a.via === 'alias' ? -1 : 1));
  const patterns: MentionPatterns = { byFirstRun: new Map(), always: [] };
  for (const [rank, pattern] of ordered.entries()) {
    pattern.rank = rank;
    const first = pattern.runs[0];
    const list = first === undefined ? patterns.always : patterns.byFirstRun.get(first);
    if (list) list.push(pattern);
    else patterns.byFirstRun.set(first as string, [pattern]);
  }
  return patterns;
}

/** Where each lower-case letter-and-digit run of a text starts. */
function runStarts(text: string): Map<string, number[]> {
  const starts = new Map<string, number[]>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const run = m[0].toLowerCase();
    const list = starts.get(run);
    if (list) list.push(m.index);
    else starts.set(run, [m.index]);
  }
  return starts;
}

/** The patterns whose every run stands in the text, in longest-first order. */
function candidatesIn(runs: ReadonlyMap<string, number[]>, patterns: MentionPatterns): Pattern[] {
  const found = [...patterns.always];
  for (const run of runs.keys()) {
    for (const pattern of patterns.byFirstRun.get(run) ?? []) if (pattern.runs.every((r) => runs.has(r))) found.push(pattern);
  }
  return found.sort((a, b) => a.rank - b.rank);
}

const APOSTROPHE = /['’]/;
const SEPARATOR = /[\s-]/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/**
 * The end of `form` written in `text` from `at`, or -1: the form's words in order, any case, either apostrophe, one
 * or more spaces or hyphens between them, and no letter or digit right after. What the compiled regular expression
 * says, without compiling thousands of them (V8 compiles each one it runs; a large corpus names thousands of people).
 */
function formEndAt(text: string, at: number, words: readonly string[]): number {
  let i = at;
  for (const [w, word] of words.entries()) {
    if (w > 0) {
      const from = i;
      while (i < text.length && SEPARATOR.test(text[i] as string)) i++;
      if (i === from) return -1;
    }
    for (const ch of word) {
      const t = text[i];
      if (t === undefined) return -1;
      if (t !== ch && t.toLowerCase() !== ch.toLowerCase() && !(APOSTROPHE.test(ch) && APOSTROPHE.test(t))) return -1;
      i++;
    }
  }
  return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? -1 : i;
}

/**
 * True for a form `formEndAt` can match: it starts with a letter or digit (so it starts where its first run does) and
 * every character lower-cases to one character; any other form is left to its regular expression.
 */
function walkable(form: string): boolean {
  return LETTER_OR_DIGIT.test(form.trim()) && ![...form].some((c) => c.length > 1 || c.toLowerCase().length !== 1);
}

/** Every place the pattern's form stands in the text, left to right, not overlapping one another. */
function* occurrences(
  text: string,
  pattern: Pattern,
  runs: ReadonlyMap<string, number[]>,
): Generator<{ start: number; end: number; text: string }> {
  const words = pattern.words;
  if (words === null) {
    // compiled once, on first use: compiling every form's expression up front cost over a second on a large corpus
    const regex = (pattern.regex ??= new RegExp(`(?<![\\p{L}\\p{N}])${escapeForm(pattern.form)}(?![\\p{L}\\p{N}])`, 'giu'));
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) yield { start: m.index, end: m.index + m[0].length, text: m[0] };
    return;
  }
  let after = 0;
  for (const start of runs.get(pattern.runs[0] ?? '') ?? []) {
    if (start < after) continue;
    const end = formEndAt(text, start, words);
    if (end === -1) continue;
    after = end;
    yield { start, end, text: text.slice(start, end) };
  }
}

/**
 * @example
 * findMentions(passagesOfOneSource, compileMentionPatterns(entities))
 *   .filter((m) => m.entityId === 'tamim-bin-hamad-al-thani')
 */
export function findMentions(passages: readonly Passage[], patterns: MentionPatterns): Mention[] {
  const all: Mention[] = [];
  const lastSeen = new Map<string, number>(); // entity id → order of its latest mention in the source
  let order = 0;
  for (const passage of passages) {
    const taken: Array<[number, number]> = [];
    const found: Array<{ start: number; end: number; text: string; pattern: Pattern }> = [];
    const runs = runStarts(passage.text);
    for (const pattern of candidatesIn(runs, patterns)) {
      for (const { start, end, text } of occurrences(passage.text, pattern, runs)) {
        if (pattern.needsCapital && !/\p{Lu}/u.test(text)) continue;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        found.push({ start, end, text, pattern });
      }
    }
    found.sort((a, b) => a.start - b.start);
    const resolved: Mention[] = [];
    for (const [i, f] of found.entries()) {
      let entityId: string | undefined;
      // "the president" means someone the source has named: never an entity it has not, even the only one using it
      const namedBefore = f.pattern.via === 'short_form' && /^the\s/i.test(f.pattern.form);
      if (f.pattern.candidates.length === 1 && !namedBefore) entityId = f.pattern.candidates[0];
      else {
        // "Prime Minister Mohammed …": a short form right before a full name belongs to that name
        const next = found[i + 1];
        const nextAlias =
          next && next.pattern.via === 'alias' && /^[\s-]*$/.test(passage.text.slice(f.end, next.start))
            ? next.pattern.candidates[0]
            : undefined;
        if (nextAlias && f.pattern.candidates.includes(nextAlias)) entityId = nextAlias;
        else
          entityId = [...f.pattern.candidates]
            .filter((c) => lastSeen.has(c))
            .sort((a, b) => (lastSeen.get(b) ?? 0) - (lastSeen.get(a) ?? 0))[0];
      }
      if (!entityId) continue;
      lastSeen.set(entityId, ++order);
      resolved.push({ entityId, passageId: passage.id, start: f.start, end: f.end, text: f.text, via: f.pattern.via });
    }
    all.push(...resolved);
  }
  return all;
}
