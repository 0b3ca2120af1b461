/**
 * Autocomplete choices: Discord shows at most 25, each at most 100 characters. Labels that start with what the user
 * typed come first, then labels that contain it.
 *
 * @example
 * choicesMatching(['ratio', 'humanitarian aid'], 'ai') // → ['humanitarian aid']
 */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

export function clipChoice(label: string): string {
  if (label.length <= MAX_CHOICE_LENGTH) return label;
  const cut = label.slice(0, MAX_CHOICE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 40 ? cut.slice(0, space) : cut}…`;
}

export function choicesMatching(labels: readonly string[], typed: string): string[] {
  const t = typed.trim().toLowerCase();
  const unique = [...new Set(labels)];
  const starts = unique.filter((l) => l.toLowerCase().startsWith(t));
  const first = new Set(starts);
  const contains = unique.filter((l) => !first.has(l) && l.toLowerCase().includes(t));
  return [...starts, ...contains].slice(0, MAX_CHOICES).map(clipChoice);
}
