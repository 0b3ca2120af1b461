/**
 * Finds where the curated entities are named in the passages of one source.
 *
 * Aliases are matched longest first, ignoring case, hyphens and apostrophe styles ("Al-Thani" = "Al Thani"), but an
 * alias written with capitals only matches text with capitals ("Burns" the director, not "burns"). A short form that
 * several entities share ("Al Thani", "the prime minister") goes to the candidate the source named most recently.
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
  regex: RegExp;
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

/** Compiles every alias and short form once; reuse the result for all sources. */
export function compileMentionPatterns(entities: readonly Entity[]): Pattern[] {
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
      regex: new RegExp(`(?<![\\p{L}\\p{N}])${escapeForm(form)}(?![\\p{L}\\p{N}])`, 'giu'),
      needsCapital: /\p{Lu}/u.test(form),
      candidates: [entityId],
      via,
    });
  };
  for (const e of entities) {
    for (const a of [e.name, ...e.aliases]) add(a, e.id, 'alias');
    for (const s of e.short_forms) add(s, e.id, 'short_form');
  }
  return [...byForm.values()].sort((a, b) => b.form.length - a.form.length || (a.via === 'alias' ? -1 : 1));
}

/**
 * @example
 * findMentions(passagesOfOneSource, compileMentionPatterns(entities))
 *   .filter((m) => m.entityId === 'tamim-bin-hamad-al-thani')
 */
export function findMentions(passages: readonly Passage[], patterns: readonly Pattern[]): Mention[] {
  const all: Mention[] = [];
  const lastSeen = new Map<string, number>(); // entity id → order of its latest mention in the source
  let order = 0;
  for (const passage of passages) {
    const taken: Array<[number, number]> = [];
    const found: Array<{ start: number; end: number; text: string; pattern: Pattern }> = [];
    for (const pattern of patterns) {
      pattern.regex.lastIndex = 0;
      for (const m of passage.text.matchAll(pattern.regex)) {
        const start = m.index;
        const end = start + m[0].length;
        if (pattern.needsCapital && !/\p{Lu}/u.test(m[0])) continue;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        found.push({ start, end, text: m[0], pattern });
      }
    }
    found.sort((a, b) => a.start - b.start);
    const resolved: Mention[] = [];
    for (const [i, f] of found.entries()) {
      let entityId: string | undefined;
      if (f.pattern.candidates.length === 1) entityId = f.pattern.candidates[0];
      else {
        // "Prime Minister Mohammed …": a short form right before a full name belongs to that name
        const next = found[i + 1];
        const nextAlias = next && next.pattern.via === 'alias' && /^[\s-]*$/.test(passage.text.slice(f.end, next.start)) ? next.pattern.candidates[0] : undefined;
        if (nextAlias && f.pattern.candidates.includes(nextAlias)) entityId = nextAlias;
        else entityId = [...f.pattern.candidates].filter((c) => lastSeen.has(c)).sort((a, b) => (lastSeen.get(b) ?? 0) - (lastSeen.get(a) ?? 0))[0];
      }
      if (!entityId) continue;
      lastSeen.set(entityId, ++order);
      resolved.push({ entityId, passageId: passage.id, start: f.start, end: f.end, text: f.text, via: f.pattern.via });
    }
    all.push(...resolved);
  }
  return all;
}
