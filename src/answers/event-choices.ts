/**
 * `/when` autocomplete: events from the timeline, labelled "2023-11-22 — Israel’s war cabinet signed off", that
 * match what the user typed. The value sent back is the label's words, which `/when` searches for. The labels are
 * made once per knowledge base, and the scan stops at the first 25 matches Discord can show: autocomplete runs on
 * every keystroke, over a timeline of tens of thousands of dated sentences on a large corpus.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { MAX_CHOICES, choicesMatching } from '../commands/choices.ts';
import { timelineEntries } from './timeline.ts';

const labelsCache = new WeakMap<Knowledge, Array<{ label: string; lower: string }>>();

/** Each day-dated timeline entry as a choice label, with its lower-case form for matching. */
function eventLabels(knowledge: Knowledge): Array<{ label: string; lower: string }> {
  let labels = labelsCache.get(knowledge);
  if (!labels) {
    labels = timelineEntries(knowledge)
      .filter((e) => e.granularity === 'day')
      .map((e) => `${e.date} — ${e.quote.replace(/^… /, '').replace(/ …$/, '')}`)
      .map((label) => ({ label, lower: label.toLowerCase() }));
    labelsCache.set(knowledge, labels);
  }
  return labels;
}

/**
 * @example
 * eventChoices(knowledge, 'war cabinet') // → ['2023-11-22 — Israel’s war cabinet signed off on the deal …', …]
 */
export function eventChoices(knowledge: Knowledge, typed: string): string[] {
  const words = typed.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  const matching: string[] = [];
  const seen = new Set<string>();
  for (const { label, lower } of eventLabels(knowledge)) {
    if (seen.has(label) || !words.every((w) => lower.includes(w))) continue;
    seen.add(label);
    matching.push(label);
    if (matching.length === MAX_CHOICES) break;
  }
  return choicesMatching(matching, '');
}
