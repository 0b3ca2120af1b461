/**
 * `/who` autocomplete: entity names and aliases that match what the user has typed so far, then names and roles
 * close to it (typos), at most 25. It runs on every keystroke: the labels are listed once per knowledge base.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';
import { clipChoice, MAX_CHOICES } from './choices.ts';

interface EntityLabel {
  label: string;
  lower: string;
}

/**
 * The names and longer aliases of the people and organisations (places are no one to ask /who about), each once.
 * An update keeps the entities of the last build, but the view is cheap to work out again.
 */
const ENTITY_LABELS = knowledgeView<EntityLabel[]>({
  name: '/who autocomplete labels',
  compute(knowledge) {
    const people = knowledge.allEntities.filter((e) => e.kind !== 'place');
    const unique = [...new Set(people.flatMap((e) => [e.name, ...e.aliases.filter((a) => a !== e.name && a.length > 3)]))];
    return unique.map((label) => ({ label, lower: label.toLowerCase() }));
  },
  carry: null,
});
const entityLabels = (knowledge: Knowledge): EntityLabel[] => ENTITY_LABELS.of(knowledge);

/** As `choicesMatching`: the labels that start with what is typed, then those that contain it; at most 25. */
function directChoices(labels: readonly EntityLabel[], typed: string): string[] {
  const t = typed.trim().toLowerCase();
  const starts: string[] = [];
  const contains: string[] = [];
  for (const { label, lower } of labels) {
    if (lower.startsWith(t)) starts.push(label);
    else if (contains.length < MAX_CHOICES && lower.includes(t)) contains.push(label);
    if (starts.length === MAX_CHOICES) break;
  }
  return [...starts, ...contains].slice(0, MAX_CHOICES).map(clipChoice);
}

/**
 * @example
 * entityChoices(knowledge, 'McG') // → ['Brett McGurk', …]
 * entityChoices(knowledge, 'Blinkn') // → ['Antony Blinken']
 */
export function entityChoices(knowledge: Knowledge, typed: string): string[] {
  const direct = directChoices(entityLabels(knowledge), typed);
  const fuzzy = typed.trim() === '' || direct.length >= MAX_CHOICES ? [] : knowledge.entities.closestAsTyped(typed, 10).map((e) => e.name);
  return [...new Set([...direct, ...fuzzy])].slice(0, MAX_CHOICES);
}
