/**
 * Words that mean the same thing in this story but are not spelled alike, so a user who says "truce" finds
 * "cease-fire" and one who says "freed" finds "released". Applied to queries only, at a lower weight than the words
 * the user typed.
 */
const GROUPS: string[][] = [
  ['ceasefire', 'truce', 'pause', 'halt'],
  ['hostages', 'captives', 'detainees', 'abductees'],
  ['freed', 'released', 'release', 'free'],
  ['prisoners', 'detainees', 'imprisoned'],
  ['prime minister', 'premier'],
  ['emir', 'amir'],
  ['head', 'director', 'chief'],
  ['lawyer', 'legal adviser', 'legal advisor'],
  ['adviser', 'advisor'],
  ['uk', 'united kingdom', 'british', 'britain'],
  ['us', 'united states', 'american', 'washington'],
  ['qatari', 'qatar'],
  ['israeli', 'israel'],
  ['egyptian', 'egypt'],
  ['deal', 'agreement'],
  ['proposal', 'offer', 'draft'],
  ['rejected', 'refused', 'turned down'],
  ['talks', 'negotiations'],
  ['aid', 'humanitarian assistance'],
  ['kidnapped', 'abducted', 'taken captive', 'taken hostage'],
  ['fighting', 'offensive', 'hostilities', 'combat'],
  ['extension', 'extended', 'extend', 'prolonged'],
  ['withdrawal', 'withdraw', 'pull back', 'pullback', 'pulling back'],
  ['suspended', 'suspending', 'step back', 'stepped back', 'stepping back'],
];

/** Abbreviations people type for titles and bodies, spelled out before matching, at full weight. */
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    pm: 'prime minister',
    fm: 'foreign minister',
    nsc: 'national security council',
    potus: 'president of the united states',
    idf: 'israel defense forces',
    gcc: 'gulf cooperation council',
  }),
);

/**
 * @example
 * expandAbbreviations('Qatari PM') // → 'Qatari prime minister'
 */
export function expandAbbreviations(text: string): string {
  return text.replace(/\b[A-Za-z]{2,5}\b/g, (w) => ABBREVIATIONS.get(w.toLowerCase()) ?? w);
}

const BY_WORD = new Map<string, string[]>();
for (const group of GROUPS) for (const word of group) BY_WORD.set(word, [...(BY_WORD.get(word) ?? []), ...group.filter((w) => w !== word)]);

/**
 * The synonyms of each token and of each two running tokens ("step back" → "suspended").
 *
 * @example
 * synonymsOf(['truce', 'length']) // → ['ceasefire', 'pause', 'halt']
 * synonymsOf(['qatar', 'step', 'back']) // → ['qatari', 'suspended', 'suspending', 'stepped back', 'stepping back']
 */
export function synonymsOf(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  const phrases = [...tokens, ...tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`)];
  for (const t of phrases) for (const s of BY_WORD.get(t) ?? []) if (!phrases.includes(s)) out.add(s);
  return [...out];
}
