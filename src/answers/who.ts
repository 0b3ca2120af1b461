/**
 * `/who <name or role>`: who a person (or organisation) is, quoted from the sources — first the passage that states
 * their role, then the passages about them, with what they are quoted as saying marked by speaker.
 */
import type { Entity } from '../corpus/entity-schema.ts';
import type { Knowledge, KnownPassage } from '../knowledge/knowledge.ts';
import { tokenize } from '../search/tokenize.ts';
import { type Answer, type EntitySummary, type QuoteResult, notFound, pageOf, sourceRef } from './answer.ts';
import { excerpt, sentenceAt } from './excerpt.ts';

export const WHO_MIN_COVERAGE = 0.6;

export function summariseEntity(entity: Entity): EntitySummary {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    roles: entity.roles.map((r) => (r.from || r.to ? `${r.title} (${r.from ?? '…'}–${r.to ?? ''})`.replace('–)', '–)') : r.title)),
    description: entity.description,
  };
}

/** How strongly a sentence states one of the entity's roles: the role's words right around the name. */
function roleStrength(entity: Entity, sentence: string): number {
  const words = new Set(tokenize(sentence));
  let best = 0;
  for (const role of entity.roles) {
    for (const phrase of [role.title, ...role.phrases]) {
      const parts = tokenize(phrase);
      if (parts.length > 0 && parts.every((p) => words.has(p))) best = Math.max(best, parts.length);
    }
  }
  return best;
}

/** True when the sentence spells out one of the entity's own names, not only a group's or a role's. */
function namesEntity(entity: Entity, sentence: string): boolean {
  const words = new Set(tokenize(sentence));
  return [entity.name, ...entity.aliases].some((a) => /\p{Lu}/u.test(a) && tokenize(a).every((t) => words.has(t)));
}

function resultFor(p: KnownPassage, keep: number[], score: number, entityId: string): QuoteResult {
  const speech = p.speakers.find((s) => s.entityId === entityId);
  return {
    quote: excerpt(p, keep),
    passage_id: p.id,
    source: sourceRef(p.source),
    score,
    ...(speech ? { speaker: { name: speech.speaker, entity_id: speech.entityId, direct: speech.direct } } : {}),
  };
}

/**
 * @example
 * answerWho(knowledge, 'head of Mossad').entity?.name // → 'David Barnea'
 */
export function answerWho(knowledge: Knowledge, query: string, limit = 5, offset = 0): Answer {
  const matches = knowledge.entities.resolve(query);
  const top = matches[0];
  if (!top || top.coverage < WHO_MIN_COVERAGE) {
    const closest = knowledge.entities.closest(query).map((e) => e.name);
    return notFound('who', query, `Who: ${query}`, closest, `No one in the corpus matches "${query}".`);
  }
  const entity = top.entity;
  const ids = new Set([entity.id, ...entity.part_of]);
  const about = knowledge.passages.filter((p) => p.mentions.some((m) => ids.has(m.entityId)));
  const scored = about.map((p) => {
    const own = p.mentions.filter((m) => m.entityId === entity.id);
    const mentionSentences = (own.length > 0 ? own : p.mentions.filter((m) => ids.has(m.entityId))).map((m) => sentenceAt(p, m.start));
    const role = Math.max(0, ...mentionSentences.map((i) => roleStrength(entity, p.sentences[i]?.text ?? '')));
    const spoke = p.speakers.some((s) => s.entityId === entity.id && s.direct);
    const named = mentionSentences.some((i) => namesEntity(entity, p.sentences[i]?.text ?? ''));
    const score = role * 3 + (spoke ? 2 : 0) + (named ? 2 : 0) + mentionSentences.length * 0.5 + (p.mentions[0]?.entityId === entity.id ? 0.5 : 0);
    return { p, score, keep: spoke ? p.sentences.map((_s, i) => i) : mentionSentences };
  });
  scored.sort((a, b) => b.score - a.score || a.p.id.localeCompare(b.p.id));
  const results = scored.map(({ p, score, keep }) => resultFor(p, keep, score, entity.id));
  const notes = matches.length > 1 && matches[1] && matches[1].coverage >= top.coverage && matches[1].score >= top.score * 0.8
    ? [`"${query}" could also mean ${matches[1].entity.name}.`]
    : [];
  const unmentioned = results.length > 0 ? [] : [`${entity.name} is in the curated list but no source mentions them.`];
  return pageOf(knowledge, { command: 'who', query, title: `Who is ${entity.name}?`, notes: [...notes, ...unmentioned], entity: summariseEntity(entity) }, results, limit, offset);
}
