/**
 * `/when` autocomplete: events from the timeline, labelled "2023-11-22 — Israel’s war cabinet signed off", that
 * match what the user typed. The value sent back is the label's words, which `/when` searches for. The labels are
 * made once per knowledge base with an index of their words (`LabelWords`), and the search stops at the first 25
 * matches Discord can show: autocomplete runs on every keystroke, over a timeline of tens of thousands of dated
 * sentences on a large corpus, and a word no label has must not cost a read of them all.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { insertOrdered, removeOrdered } from '../knowledge/ordered-merge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import type { PassageChange } from '../knowledge/update-knowledge.ts';
import { MAX_CHOICES, choicesMatching } from './choices.ts';
import { sentenceAt } from './excerpt.ts';
import { LabelWords } from './label-words.ts';
import { compareTimelineEntries, entriesOf, type TimelineEntry, timelineOrder } from './timeline.ts';

interface EventLabel {
  entry: TimelineEntry;
  label: string;
  lower: string;
  /** Its place in the timeline's labels, kept by `LabelWords`. */
  at: number;
}

interface EventLabels {
  list: EventLabel[];
  words: LabelWords<EventLabel>;
}

/** Day-dated entries as choice labels: the date, then the sentence that gives it. */
function labelsOf(entries: readonly TimelineEntry[]): EventLabel[] {
  return entries
    .filter((e) => e.date.granularity === 'day')
    .map((entry) => {
      const sentence = entry.passage.sentences[sentenceAt(entry.passage, entry.date.index)];
      const label = `${entry.date.iso} — ${sentence?.text ?? entry.passage.text}`;
      return { entry, label, lower: label.toLowerCase(), at: -1 };
    });
}

/**
 * Each day-dated timeline entry as a choice label, with its lower-case form for matching; after an update, the labels
 * of passages gone taken out and the new put in, in place.
 */
export const EVENT_LABELS = knowledgeView<EventLabels>({
  name: '/when autocomplete labels',
  compute(knowledge) {
    const list = labelsOf(timelineOrder(knowledge));
    return { list, words: new LabelWords(list) };
  },
  carry: (labels, { change }) => carryLabels(labels, change),
});

function carryLabels(labels: EventLabels, change: PassageChange): EventLabels {
  const compare = (a: EventLabel, b: EventLabel) => compareTimelineEntries(a.entry, b.entry);
  const removed: EventLabel[] = [];
  const same = (l: EventLabel, gone: EventLabel) => {
    const going = l.entry.passage === gone.entry.passage && l.entry.date === gone.entry.date;
    if (going) removed.push(l);
    return going;
  };
  removeOrdered(labels.list, labelsOf(entriesOf(change.dropped)), compare, same);
  const added = labelsOf(entriesOf(change.added));
  insertOrdered(labels.list, added, compare);
  labels.words.remove(removed);
  labels.words.add(added);
  return labels;
}

/**
 * @example
 * eventChoices(knowledge, 'war cabinet') // → ['2023-11-22 — Israel’s war cabinet signed off on the deal …', …]
 */
export function eventChoices(knowledge: Knowledge, typed: string): string[] {
  const words = typed
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const matching: string[] = [];
  const seen = new Set<string>();
  EVENT_LABELS.of(knowledge).words.each(words, ({ label }) => {
    if (seen.has(label)) return true;
    seen.add(label);
    return matching.push(label) < MAX_CHOICES;
  });
  return choicesMatching(matching, '');
}
