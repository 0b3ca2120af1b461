/**
 * `/when` autocomplete: events from the timeline, labelled "2023-11-22 — Israel’s war cabinet signed off", that
 * match what the user typed. The value sent back is the label's words, which `/when` searches for.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { choicesMatching } from '../commands/choices.ts';
import { timelineEntries } from './timeline.ts';

export function eventChoices(knowledge: Knowledge, typed: string): string[] {
  const labels = timelineEntries(knowledge)
    .filter((e) => e.granularity === 'day')
    .map((e) => `${e.date} — ${e.quote.replace(/^… /, '').replace(/ …$/, '')}`);
  const words = typed.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  const matching = labels.filter((l) => words.every((w) => l.toLowerCase().includes(w)));
  return choicesMatching(matching, '');
}
