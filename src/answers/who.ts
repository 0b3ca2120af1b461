/**
 * `/who <name or role>`: who a person (or organisation) is, quoted from the sources — first the passage that states
 * their role, then the passages about them, with what they are quoted as saying marked by speaker.
 */
import type { Entity, Role } from '../corpus/entity-schema.ts';
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import { holderNote, holdersOf } from '../entities/role-holders.ts';
import { ROLE_HEADS } from '../entities/name-words.ts';
import { qualifiersMet } from '../entities/role-qualifiers.ts';
import { isStopWord, tokenize } from '../search/tokenize.ts';
import { type Answer, type EntitySummary, type QuoteResult, notFound, quoteOf, speakerOf } from './answer.ts';
import { pageOf } from './answer-pages.ts';
import { excerpt, sentenceAt } from './excerpt.ts';
import { fuseRankings, plainFloor } from './recall-floor.ts';

export const WHO_MIN_COVERAGE = 0.6;

/** A role's title as the words that say it, for telling whether one title says all another says. */
const titleWords = (title: string) => new Set(tokenize(title).filter((w) => !isStopWord(w)));

/** Whether two periods (YYYY-MM, open at a missing end) share a month. */
const overlap = (a: Role, b: Role) => (a.from ?? '') <= (b.to ?? '9999') && (b.from ?? '') <= (a.to ?? '9999');

/**
 * The entity's roles, each said once: a role whose title says no more than another's ("Qatari prime minister",
 * "Foreign Minister" beside "Qatari prime minister and foreign minister") in a period that meets the other's is the
 * same role, and its dates widen the other's. Roles that say something else, or that were held at another time
 * ("Director of the CIA" then, "Director of the FBI" later), stay apart, in the order given.
 *
 * @example
 * distinctRoles([{ title: 'Qatari prime minister and foreign minister', from: '2023-03' }, { title: 'Foreign Minister', from: '2023-10' }])
 * // → [{ title: 'Qatari prime minister and foreign minister', from: '2023-03' }]
 */
export function distinctRoles(roles: readonly Role[]): Role[] {
  const widest = [...roles.keys()].sort((a, b) => titleWords(roles[b]?.title ?? '').size - titleWords(roles[a]?.title ?? '').size || a - b);
  const kept: Array<{ at: number; role: Role; words: Set<string> }> = [];
  for (const at of widest) {
    const role = roles[at] as Role;
    const words = titleWords(role.title);
    const same = kept.find((k) => [...words].every((w) => k.words.has(w)) && overlap(k.role, role));
    if (!same) {
      kept.push({ at, role: { ...role }, words });
      continue;
    }
    const earliest = [same.role.from, role.from].every((f) => f !== undefined) ? [same.role.from, role.from].sort()[0] : undefined;
    const latest = [same.role.to, role.to].every((t) => t !== undefined) ? [same.role.to, role.to].sort()[1] : undefined;
    same.role = { ...same.role, from: earliest, to: latest };
  }
  return kept.sort((a, b) => a.at - b.at).map((k) => k.role);
}

export function summariseEntity(entity: Entity): EntitySummary {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    roles: distinctRoles(entity.roles).map((r) => (r.from || r.to ? `${r.title} (${r.from ?? '…'}–${r.to ?? ''})` : r.title)),
    description: entity.description,
  };
}

const PARTICLES = new Set(['al', 'el', 'bin', 'bint', 'ibn', 'ben', 'abu', 'sheikh']);

/**
 * An entity's role phrases and own names as words, tokenized once per question: `/who` reads every sentence that
 * mentions the entity (tens of thousands on a large corpus), and each is compared with all of them.
 */
interface EntityWords {
  /** Each role title and phrase of the entity, as its words. */
  roles: string[][];
  /** Its name and the aliases that spell one of its own names ("Sheikh Tamim", not "the Emir of Qatar"), as words. */
  names: string[][];
}

function entityWordsOf(entity: Entity): EntityWords {
  const own = new Set(tokenize(entity.name).filter((t) => !PARTICLES.has(t)));
  return {
    roles: entity.roles
      .flatMap((role) => [role.title, ...role.phrases].map((phrase) => tokenize(phrase)))
      .filter((parts) => parts.length > 0),
    names: [entity.name, ...entity.aliases]
      .filter((a) => /\p{Lu}/u.test(a))
      .map((a) => tokenize(a))
      .filter((parts) => parts.some((t) => own.has(t))),
  };
}

/** How strongly a sentence (its words) states one of the entity's roles: the role's words right around the name. */
function roleStrength(entity: EntityWords, words: ReadonlySet<string>): number {
  let best = 0;
  for (const parts of entity.roles) if (parts.every((p) => words.has(p))) best = Math.max(best, parts.length);
  return best;
}

/**
 * True when the sentence (its words) spells out one of the entity's own names — an alias that shares a word with the
 * name ("Sheikh Tamim" for Tamim bin Hamad Al Thani) — not only a role or a group ("the Emir of Qatar").
 */
function namesEntity(entity: EntityWords, words: ReadonlySet<string>): boolean {
  return entity.names.some((parts) => parts.every((t) => words.has(t)));
}

/**
 * The passages that contain the words of a name no entity matches, whole words, in the order of the corpus: a
 * name the discovery did not take for a person (one mention, no role) is still found where it stands.
 */
function passagesNaming(knowledge: Knowledge, query: string): QuoteResult[] {
  const words = query
    .trim()
    .split(/[\s-]+/)
    .filter((w) => w !== '')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"));
  if (words.length === 0 || query.trim().length < 3) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'iu');
  const out: QuoteResult[] = [];
  for (const p of knowledge.passages) {
    const m = pattern.exec(p.text);
    if (!m) continue;
    out.push(quoteOf(p, { quote: excerpt(p, [sentenceAt(p, m.index)]) }));
  }
  return out;
}

/** Each passage's place in the corpus, by id: an update moves every place after the change, so it is worked out again. */
const CORPUS_ORDER = knowledgeView({
  name: 'passage places for /who',
  compute: (knowledge) => new Map(knowledge.passages.map((p, i) => [p.id, i])),
  carry: null,
});

/** The passages that mention any of the entities, in corpus order, each once. */
function passagesAbout(knowledge: Knowledge, ids: ReadonlySet<string>): KnownPassage[] {
  const lists = [...ids].map((id) => knowledge.passagesByEntity.get(id) ?? []);
  if (lists.length === 1) return lists[0] ?? [];
  const at = CORPUS_ORDER.of(knowledge);
  return [...new Set(lists.flat())].sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
}

function resultFor(knowledge: Knowledge, p: KnownPassage, keep: number[], score: number, entityId: string | null): QuoteResult {
  const speech = entityId === null ? undefined : p.speakers.find((s) => s.entityId === entityId);
  const speaker = speech ? speakerOf(knowledge, speech) : undefined;
  return quoteOf(p, { quote: excerpt(p, keep), score, ...(speaker ? { speaker } : {}) });
}

/**
 * @example
 * answerWho(knowledge, 'head of Mossad').entity?.name // → 'David Barnea'
 */
export function answerWho(knowledge: Knowledge, query: string, limit = 5, offset = 0): Answer {
  // a role question ("Turkish intelligence chief") is answered only by someone whose role says whose it is
  const roleQuestion = tokenize(query).some((w) => ROLE_HEADS.has(w));
  const matches = knowledge.entities.resolve(query).filter((m) => m.via === 'name' || !roleQuestion || qualifiersMet(m.entity, query));
  const holders = holdersOf(query, matches);
  const top = matches.find((m) => m.entity.id === holders[0]?.entity.id) ?? matches[0];
  // the recall floor: plain search's best passages for the words typed, whoever the answer turns out to be about
  const floorHits = plainFloor(knowledge, query);
  const floorOf = (entityId: string | null) =>
    floorHits.flatMap((h) => {
      const p = knowledge.passageById.get(h.id);
      return p
        ? [
            resultFor(
              knowledge,
              p,
              p.sentences.map((_s, i) => i),
              Number(h.score.toFixed(3)),
              entityId,
            ),
          ]
        : [];
    });
  if (!top || top.coverage < WHO_MIN_COVERAGE) {
    const closest = knowledge.entities.closest(query).map((e) => e.name);
    const containing = passagesNaming(knowledge, query);
    if (containing.length > 0 || floorHits.length > 0) {
      const note =
        containing.length > 0
          ? `No one in the corpus matches "${query}" as a known person; these are the passages that contain "${query}".`
          : `No one in the corpus matches "${query}" as a known person; these are the passages that match its words best.`;
      return pageOf(
        knowledge,
        { command: 'who', query, title: `Who: ${query}`, notes: [note] },
        fuseRankings(containing, floorOf(null), (r) => r.passage_id),
        limit,
        offset,
      );
    }
    return notFound('who', query, `Who: ${query}`, closest, `No one in the corpus matches "${query}".`, knowledge);
  }
  const entity = top.entity;
  const heldBy = holderNote(query.trim(), holders);
  const ids = new Set([entity.id, ...entity.part_of]);
  // asked by role ("Shin Bet chief"): the quotes that state that very role come first
  const askedRole = top.via === 'role' ? tokenize(query).filter((t) => !isStopWord(t)) : [];
  const askedIn = (words: ReadonlySet<string>) => askedRole.filter((t) => words.has(t)).length / askedRole.length;
  const about = passagesAbout(knowledge, ids);
  const entityWords = entityWordsOf(entity);
  const scored = about.map((p) => {
    const own = p.mentions.filter((m) => m.entityId === entity.id);
    const mentionSentences = (own.length > 0 ? own : p.mentions.filter((m) => ids.has(m.entityId))).map((m) => sentenceAt(p, m.start));
    // each sentence's words, read once for the three tests below
    const read = new Map<number, Set<string>>();
    const wordsAt = (i: number) => {
      let words = read.get(i);
      if (!words) read.set(i, (words = new Set(tokenize(p.sentences[i]?.text ?? ''))));
      return words;
    };
    const role = Math.max(0, ...mentionSentences.map((i) => roleStrength(entityWords, wordsAt(i))));
    const spoke = p.speakers.some((s) => s.entityId === entity.id && s.direct);
    const named = mentionSentences.some((i) => namesEntity(entityWords, wordsAt(i)));
    const asked = askedRole.length === 0 ? 0 : Math.max(0, ...mentionSentences.map((i) => askedIn(wordsAt(i))));
    const score =
      asked * 10 +
      Math.min(role, 3) * 3 +
      (spoke ? 2 : 0) +
      (named ? 2 : 0) +
      mentionSentences.length * 0.5 +
      (p.mentions[0]?.entityId === entity.id ? 0.5 : 0);
    return { p, score, named, keep: spoke ? p.sentences.map((_s, i) => i) : mentionSentences };
  });
  scored.sort((a, b) => b.score - a.score || a.p.id.localeCompare(b.p.id));
  // the first quote says who the person is by name, not only by role ("Tamim", not only "the Emir of Qatar")
  const firstNamed = scored.findIndex((s) => s.named);
  if (firstNamed > 0) scored.unshift(...scored.splice(firstNamed, 1));
  const results = fuseRankings(
    scored.map(({ p, score, keep }) => resultFor(knowledge, p, keep, score, entity.id)),
    floorOf(entity.id),
    (r) => r.passage_id,
  );
  const other = matches.find((m) => m.entity.id !== entity.id);
  const notes = heldBy
    ? [heldBy]
    : other && other.coverage >= top.coverage && other.score >= top.score * 0.8
      ? [`"${query}" could also mean ${other.entity.name}.`]
      : [];
  const unmentioned = results.length > 0 ? [] : [`${entity.name} is in the curated list but no source mentions them.`];
  return pageOf(
    knowledge,
    { command: 'who', query, title: `Who is ${entity.name}?`, notes: [...notes, ...unmentioned], entity: summariseEntity(entity) },
    results,
    limit,
    offset,
  );
}
