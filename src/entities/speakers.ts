/**
 * Who is speaking in a passage: direct quotes ("“…,” Netanyahu said") and reported speech ("according to two senior
 * US State Department officials", "two US officials told CNN"). The speaker is the words the text uses; when they
 * name a curated entity (or "he"/"she" follows a named person), the entity id is attached.
 *
 * @example
 * findSpeakers(passage, mentions)[0] // → { speaker: 'Netanyahu', entityId: 'benjamin-netanyahu', direct: true, quote: 'In recent days, …' }
 */
import type { Mention } from './mentions.ts';
import type { Passage } from '../passages/passage.ts';

export interface SpeakerAttribution {
  /** The words that name the speaker: "Netanyahu", "one of the Egyptian officials". */
  speaker: string;
  entityId: string | null;
  /** True when the passage quotes the speaker's own words. */
  direct: boolean;
  /** The quoted words, for a direct quote. */
  quote: string | null;
}

const VERB =
  /\b(said|says|stated|added|confirmed|told\s+(?:CNN|journalists|reporters|[A-Z][\w.]*)|complained|insisted|vowed|warned|conceded)\b/g;
const PRONOUN = /^(?:he|she)$/i;

function lastWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(-n).join(' ');
}

export function findSpeakers(passage: Passage, mentions: readonly Mention[], previousPerson: string | null): SpeakerAttribution[] {
  const text = passage.text;
  const out: SpeakerAttribution[] = [];
  const entityAt = (start: number, end: number) => mentions.find((m) => m.start >= start && m.end <= end)?.entityId ?? null;
  const quotes = [...text.matchAll(/[“"]([^”"]{8,})[”"]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, words: m[1] ?? '' }));
  for (const m of text.matchAll(VERB)) {
    const verbAt = m.index;
    // the subject: words after the last quote mark or clause break before the verb, at most eight of them
    const before = text.slice(0, verbAt);
    const cut = Math.max(
      before.lastIndexOf('”'),
      before.lastIndexOf('"'),
      before.lastIndexOf(','),
      before.lastIndexOf(':'),
      before.lastIndexOf('—'),
      before.lastIndexOf('.'),
    );
    let subjectStart = cut + 1;
    let subject = before.slice(subjectStart).trim();
    if (subject === '' && /^said$/.test(m[1] ?? '')) {
      // inverted: “…,” said Blinken.
      const after = /^\s*([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})/.exec(text.slice(verbAt + (m[0]?.length ?? 0)));
      subject = after?.[1] ?? '';
      subjectStart = verbAt + (m[0]?.length ?? 0);
    }
    subject = lastWords(subject.replace(/^(?:and|but|as|while|that)\s+/i, ''), 8);
    if (subject === '' || /^(?:it|this|that|which|who)$/i.test(subject)) continue;
    const start = text.indexOf(subject, Math.max(0, subjectStart - 1));
    let entityId = start >= 0 ? entityAt(start, start + subject.length) : null;
    if (!entityId && PRONOUN.test(subject)) entityId = lastPersonBefore(mentions, verbAt) ?? previousPerson;
    const quote = quotes.find((q) => Math.abs(q.end - verbAt) <= 40 || Math.abs(q.start - (verbAt + (m[0]?.length ?? 0))) <= 40);
    out.push({ speaker: subject, entityId, direct: Boolean(quote), quote: quote?.words ?? null });
  }
  for (const m of text.matchAll(/\baccording to ((?:[\w’'-]+\s*){1,8}?)(?=[,.;]|$)/g)) {
    const subject = (m[1] ?? '').trim();
    const at = m.index + m[0].length - subject.length;
    out.push({ speaker: subject, entityId: entityAt(at, at + subject.length), direct: false, quote: null });
  }
  return out;
}

function lastPersonBefore(mentions: readonly Mention[], offset: number): string | null {
  return [...mentions].filter((m) => m.end <= offset).pop()?.entityId ?? null;
}
