/**
 * What a passage holds that a question can ask for — a number, a duration, a person, a date — and whether it is
 * worded as a plan, read once per passage when it is indexed, so a question's intent (`query.ts`) can prefer the
 * passages that answer it. Apart from the index, which only weighs these.
 */
import type { QueryIntent } from './query.ts';
import { isStopWord, stemTerm, tokenize } from './tokenize.ts';

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|dozens?|several|few';
/** What a passage can hold that a question asks for. */
export type Feature = Exclude<QueryIntent, 'happened' | 'planned'>;

const FEATURES: ReadonlyArray<[Feature, RegExp]> = [
  ['number', new RegExp(`\\b(?!(?:19|20)\\d{2}\\b)\\d|\\b(?:${NUMBER_WORDS})\\b`, 'i')],
  [
    'duration',
    new RegExp(`\\b(?:\\d+|${NUMBER_WORDS}|a|an)[- ](?:hours?|days?|weeks?|months?|years?)\\b|\\b(?:hours|days|weeks|months)\\b`, 'i'),
  ],
  [
    'person',
    /\b(?:Mr|Mrs|Ms|Dr|President|Prime Minister|[Mm]inister|Sheikh|Secretary|Director|spokes(?:man|woman|person)|official|advis[eo]r|envoy|negotiator|leader|chief|head of)\b|[a-z,] (?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+/,
  ],
  [
    'date',
    /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|last (?:week|month|night)|\d{4}-\d{2}-\d{2})\b/,
  ],
];
/** What a plan or a promise is worded with: a passage so worded tells what was to happen, not what did. */
const PLAN = /\b(?:will|would|shall|is to be|are to be|is due to|are due to|calls? for|expected to|set to|plans? to|planned to)\b/i;

/**
 * What a passage contains, kept small (a few strings per passage, not sets: a hundred thousand passages of sets
 * weighed over a hundred megabytes). `has` is one bit per intent (INTENT_BITS); `number` and `duration` are the stems
 * a number or a duration qualifies, space-separated with a space at each end: "50 hostages" → number ' hostag '.
 */
export interface PassageFeatures {
  has: number;
  number: string;
  duration: string;
}

export const INTENT_BITS: Readonly<Record<Feature, number>> = { number: 1, duration: 2, person: 4, date: 8 };
/** The bit of `PassageFeatures.has` for a passage worded as a plan (`PLAN`). */
export const PLAN_BIT = 16;

const NUMBER_TOKEN = new RegExp(`^(?:(?!(?:19|20)\\d{2}$)\\d[\\d,.]*|${NUMBER_WORDS})$`, 'i');
const UNIT = /^(?:hours?|days?|weeks?|months?|years?)$/i;

/**
 * @example
 * featuresOf('Hamas would free 50 hostages') // → { has: 1 (a number), number: ' hostag ', duration: '' }
 */
export function featuresOf(text: string): PassageFeatures {
  let has = 0;
  for (const [intent, re] of FEATURES) if (re.test(text)) has |= INTENT_BITS[intent];
  if (PLAN.test(text)) has |= PLAN_BIT;
  const near = { number: new Set<string>(), duration: new Set<string>() };
  const chunks = text.split(/[\s–—]+/).map((c) => c.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const stemsAt = (from: number, to: number) =>
    chunks.slice(Math.max(0, from), Math.max(0, to)).flatMap((c) =>
      tokenize(c)
        .filter((t) => !isStopWord(t))
        .map(stemTerm),
    );
  chunks.forEach((chunk, i) => {
    const [first = '', unit = ''] = chunk.split('-');
    if (NUMBER_TOKEN.test(chunk)) {
      for (const s of stemsAt(i + 1, i + 4)) near.number.add(s);
      if (UNIT.test(chunks[i + 1] ?? '')) for (const s of [...stemsAt(i - 3, i), ...stemsAt(i + 2, i + 5)]) near.duration.add(s);
    } else if (NUMBER_TOKEN.test(first) && UNIT.test(unit)) {
      for (const s of [...stemsAt(i - 3, i), ...stemsAt(i + 1, i + 4)]) near.duration.add(s);
    }
  });
  const joined = (set: Set<string>) => (set.size === 0 ? '' : ` ${[...set].join(' ')} `);
  return { has, number: joined(near.number), duration: joined(near.duration) };
}
