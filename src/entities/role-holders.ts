/**
 * Who held a role, by date. When a role phrase ("Hamas leader", "Shin Bet chief") matches several people, the answer
 * is whoever held it at the latest date the corpus covers: a role that has ended (a `to` date, or stated only as
 * "former …") gives way to one that has not, and among current holders the one who took it up last wins. The
 * others are listed, with their dates, in a note.
 *
 * @example
 * holderNote('Hamas leader', [{ entity: sinwar, from: '2024-08' }, { entity: haniyeh, from: '2017-05', to: '2024-07' }])
 *   // → 'Hamas leader: Yahya Sinwar from August 2024; before that, Ismail Haniyeh (May 2017 – July 2024).'
 */
import type { Entity, Role } from '../corpus/entity-schema.ts';
import type { EntityMatch } from './resolve-entity.ts';
import { stemTerm, tokenize } from '../search/tokenize.ts';
import { ROLE_HEADS } from './name-words.ts';
import { monthName as nameOfMonth } from '../dates/month-names.ts';

const HEAD_STEMS = new Set([...ROLE_HEADS].map(stemTerm));

export interface Tenure {
  entity: Entity;
  from?: string;
  to?: string;
  /** Only ever called "former …": held it once, not now. */
  former: boolean;
}

/** "2024-08" → "August 2024"; "2024" → "2024". */
export function monthName(ym: string): string {
  const [y, m] = ym.split('-');
  return m ? `${nameOfMonth(Number(m))} ${y}` : (y ?? ym);
}

const stems = (text: string) => new Set(tokenize(text).map(stemTerm));

/** Head nouns that name the same top job: "Shin Bet chief" = "Shin Bet head". */
const SAME_JOB = new Map(['chief', 'head', 'leader', 'director', 'boss'].map((w) => [stemTerm(w), 'chief']));

/** The last role head noun among stemmed words, with the same-job nouns folded together. */
function headOf(words: readonly string[]): string | undefined {
  const heads = words.filter((w) => HEAD_STEMS.has(w));
  const last = heads[heads.length - 1];
  return last === undefined ? undefined : (SAME_JOB.get(last) ?? last);
}

/** The entity's roles that the query's words fit (at least half of them, "former" aside). */
function rolesFitting(entity: Entity, query: string): Role[] {
  const wanted = [...stems(query)].filter((w) => !['the', 'of', 'who', 'is', 'former'].includes(w));
  if (wanted.length === 0) return [];
  return entity.roles.filter((r) => {
    const have = stems([r.title, ...r.phrases].join(' '));
    // a deputy is not the holder: "deputy leader" does not answer "leader" unless asked for
    if (have.has('deputi') !== wanted.includes('deputi')) return false;
    // the role's head noun must be the one asked for: "chief negotiator" does not answer "Hamas leader"
    const asked = headOf(wanted);
    if (asked && !(headOf([...stems(r.title)]) === asked || r.phrases.some((ph) => headOf([...stems(ph)]) === asked))) return false;
    return wanted.filter((w) => have.has(w)).length * 2 >= wanted.length;
  });
}

/** How long the entity held the role the query names, as far as the curated file and the dated text say. */
export function tenureOf(entity: Entity, query: string): Tenure | null {
  const roles = rolesFitting(entity, query);
  if (roles.length === 0) return null;
  const isFormer = (r: Role) => /^former\b/i.test(r.title);
  const current = roles.filter((r) => !isFormer(r));
  const from = current
    .map((r) => r.from)
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  const ends = roles
    .map((r) => r.to)
    .filter((d): d is string => d !== undefined)
    .sort();
  const open = current.some((r) => r.to === undefined);
  const to = open ? undefined : ends[ends.length - 1];
  return { entity, ...(from ? { from } : {}), ...(to ? { to } : {}), former: current.length === 0 };
}

/** Latest holder first: current before ended, then the later start (or the later end). */
export function byLatestHolder(a: Tenure, b: Tenure): number {
  const ended = (t: Tenure) => (t.former || t.to !== undefined ? 1 : 0);
  if (ended(a) !== ended(b)) return ended(a) - ended(b);
  const key = (t: Tenure) => (ended(t) ? (t.to ?? '') : (t.from ?? ''));
  return key(b).localeCompare(key(a));
}

/**
 * How much less of the question a holder's role may say than the best match's and still count as the same role: a
 * synonym counts half ("head of the Shin Bet" for "Shin Bet chief"), and the job itself is checked by `tenureOf`.
 */
const HOLDER_COVERAGE_SLACK = 0.2;

/** The tenures of the role-matched entities, latest holder first; empty when the query is not a role query. */
export function holdersOf(query: string, matches: readonly EntityMatch[]): Tenure[] {
  const top = matches[0];
  if (!top || top.via !== 'role') return [];
  const best = Math.max(...matches.filter((m) => m.via === 'role').map((m) => m.coverage));
  const tenures = matches
    .filter((m) => m.via === 'role' && m.coverage >= best - HOLDER_COVERAGE_SLACK && m.entity.kind === 'person')
    .map((m) => tenureOf(m.entity, query))
    .filter((t): t is Tenure => t !== null);
  return tenures.sort(byLatestHolder);
}

function span(t: Tenure): string {
  if (t.from && t.to) return ` (${monthName(t.from)} – ${monthName(t.to)})`;
  if (t.to) return ` (until ${monthName(t.to)})`;
  if (t.from) return t.former ? ` (from ${monthName(t.from)})` : ` from ${monthName(t.from)}`;
  return t.former ? ' (formerly)' : '';
}

/** A plain-language note naming the holder and the earlier holders, or null when there is only one. */
export function holderNote(role: string, tenures: readonly Tenure[]): string | null {
  const [first, ...rest] = tenures;
  if (!first || rest.length === 0) return null;
  const earlier = rest.map((t) => `${t.entity.name}${span(t).replace(/^ from (.*)$/, ' (from $1)')}`).join(', ');
  return `${role}: ${first.entity.name}${span(first)}; before that, ${earlier}.`;
}
