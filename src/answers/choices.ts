/**
 * Autocomplete choices: Discord shows at most 25, each at most 100 characters. Labels that start with what the user
 * typed come first, then labels that contain it.
 *
 * @example
 * choicesMatching(['ratio', 'humanitarian aid'], 'ai') // → ['humanitarian aid']
 */
import { clipAtWord } from '../text/clip.ts';

export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** A label as a choice Discord accepts: cut at a word, keeping more than 40 characters of it. */
export function clipChoice(label: string): string {
  return clipAtWord(label, MAX_CHOICE_LENGTH, { minKeep: 40 });
}

export function choicesMatching(labels: readonly string[], typed: string): string[] {
  const t = typed.trim().toLowerCase();
  const unique = [...new Set(labels)];
  const starts = unique.filter((l) => l.toLowerCase().startsWith(t));
  const first = new Set(starts);
  const contains = unique.filter((l) => !first.has(l) && l.toLowerCase().includes(t));
  return [...starts, ...contains].slice(0, MAX_CHOICES).map(clipChoice);
}
