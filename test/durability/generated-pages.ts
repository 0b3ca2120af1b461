/** Article pages made up for the durability tests: each one different, each one a valid source once cleaned. */
import { createHash } from 'node:crypto';

const PLACES = ['harbour', 'ferry', 'canal', 'river', 'bridge', 'tunnel', 'railway', 'airport', 'market', 'school', 'hospital', 'library'];
const BODIES = ['board', 'council', 'union', 'committee', 'ministry', 'authority', 'trust', 'guild', 'cooperative', 'office'];
const THINGS = ['timetable', 'budget', 'contract', 'schedule', 'tariff', 'charter', 'roster', 'plan', 'levy', 'survey'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Words picked by a hash of `tag`, so every tag gets its own story. */
function wordsFor(tag: string): (list: readonly string[], n: number) => string {
  const hash = createHash('sha256').update(tag).digest();
  return (list, n) => list[(hash[n] ?? 0) % list.length] ?? '';
}

/**
 * A plain-text page (as a browser copies it) whose headline and paragraphs carry `tag`, so no two are duplicates.
 *
 * @example
 * generatedPage('run 3 step 5') // → 'Skip to content\n\nRun 3 step 5: canal union backs the tariff\n…'
 */
export function generatedPage(tag: string): string {
  const w = wordsFor(tag);
  const [place, body, thing, other] = [w(PLACES, 0), w(BODIES, 1), w(THINGS, 2), w(PLACES, 3)];
  return [
    'Skip to content',
    '',
    `${tag[0]?.toUpperCase() ?? ''}${tag.slice(1)}: ${place} ${body} backs the ${thing}`,
    '',
    'By Idris Kamal',
    '',
    `The ${place} ${body} voted on ${w(DAYS, 4)} to back the ${thing} (${tag}) that was agreed ${w(DAYS, 5)}, its chair said.`,
    '',
    `Work on the ${other} ${w(THINGS, 6)} under the ${tag} plan is due to begin ${w(DAYS, 7)} at dawn, a ${w(BODIES, 8)} statement said.`,
    '',
    `${w(BODIES, 9)[0]?.toUpperCase() ?? ''}${w(BODIES, 9).slice(1)} members had asked for ${hash8(tag)} since the spring, calling the vote on ${tag} a fair outcome.`,
    '',
    'Back to top',
  ].join('\n');
}

/** Eight hex digits of the tag's hash: a word no other page has. */
function hash8(tag: string): string {
  return `item ${createHash('sha256').update(tag).digest('hex').slice(0, 8)}`;
}
