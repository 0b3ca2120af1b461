/**
 * `/who` autocomplete: entity names and aliases that match what the user has typed so far, then names and roles
 * close to it (typos), at most 25. It runs on every keystroke: the labels are listed once per knowledge base.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { choicesMatching, MAX_CHOICES } from '../commands/choices.ts';

const labelsCache = new WeakMap<Knowledge, string[]>();

/** The names and longer aliases of the people and organisations (places are no one to ask /who about). */
function entityLabels(knowledge: Knowledge): string[] {
  let labels = labelsCache.get(knowledge);
  if (!labels) {
    const people = knowledge.allEntities.filter((e) => e.kind !== 'place');
    labels = [...new Set(people.flatMap((e) => [e.name, ...e.aliases.filter((a) => a !== e.name && a.length > 3)]))];
    labelsCache.set(knowledge, labels);
  }
  return labels;
}

/**
 * @example
 * entityChoices(knowledge, 'McG') // → ['Brett McGurk', …]
 * entityChoices(knowledge, 'Blinkn') // → ['Antony Blinken']
 */
export function entityChoices(knowledge: Knowledge, typed: string): string[] {
  const direct = choicesMatching(entityLabels(knowledge), typed);
  const fuzzy = typed.trim() === '' || direct.length >= MAX_CHOICES ? [] : knowledge.entities.closestAsTyped(typed, 10).map((e) => e.name);
  return [...new Set([...direct, ...fuzzy])].slice(0, MAX_CHOICES);
}
