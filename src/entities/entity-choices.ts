/**
 * `/who` autocomplete: entity names and aliases that match what the user has typed so far, then fuzzy matches
 * (typos), at most 25.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { choicesMatching, MAX_CHOICES } from '../commands/choices.ts';

export function entityChoices(knowledge: Knowledge, typed: string): string[] {
  const people = knowledge.allEntities.filter((e) => e.kind !== 'place');
  const labels = people.flatMap((e) => [e.name, ...e.aliases.filter((a) => a !== e.name && a.length > 3)]);
  const direct = choicesMatching(labels, typed);
  const fuzzy = typed.trim() === '' ? [] : knowledge.entities.closest(typed, 10).map((e) => e.name);
  return [...new Set([...direct, ...fuzzy])].slice(0, MAX_CHOICES);
}
