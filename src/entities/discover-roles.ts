/**
 * Reads the role a sentence gives a named person, as the text states it: a title right before the name ("Shin Bet
 * chief Ronen Bar", "CIA Director William Burns", "Qatar's prime minister, Sheikh Mohammed …") or an appositive
 * right after it ("Khalil al-Hayya, Hamas's chief negotiator,", "David Barnea, the director of Mossad"). "former",
 * "ex-", "then-" and "the late" mark a role the person no longer held when the text was written.
 *
 * Why: `/who` must work for people `entities.yaml` does not list, and a role phrase ("Hamas leader") must find
 * whoever the text gives that role, dated by the source.
 *
 * @example
 * rolesAround('Shin Bet chief Ronen Bar met them.', 15, 24, 'Shin Bet chief ')
 *   // → [{ title: 'Shin Bet chief', former: false }]
 */
import { ROLE_HEADS, ROLE_WORDS } from './name-words.ts';

export interface StatedRole {
  /** The role in the text's own words, without "former" and without a leading article: "Hamas's chief negotiator". */
  title: string;
  former: boolean;
}

const FORMER = /\b(?:former|ex|then|late)\b/i;
/** Words that open a clause, not a role, even when a sentence start capitalises them ("Under President …"). */
const FUNCTION_WORDS = new Set('under when after as by with for in on at from to before since while during including like between among'.split(' '));
const HONORIFIC = /^(?:Sheikh|Sheikha|Mr|Mrs|Ms|Dr|Gen|Maj|Lt|Col|Brig|Adm)\.?$/;

/** The words of a phrase, as a role: drops the article and "former" and says whether "former" was there. */
function asRole(phrase: string): StatedRole | null {
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  while (words.length > 0 && /^(?:the|a|an|and|of|its|his|her|their|who|is|was)$/i.test(words[0] ?? '')) words.shift();
  while (words.length > 0 && /^(?:of|the|and|a|an)$/i.test(words[words.length - 1] ?? '')) words.pop();
  if (words.length === 0 || words.length > 9) return null;
  const former = FORMER.test(words.join(' ')) || words.some((w) => /^ex-/i.test(w));
  const kept = words.filter((w) => !/^(?:former|then|late|the)$/i.test(w)).map((w) => w.replace(/^(?:ex|then)-/i, ''));
  const bare = (w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/[,.;:]+$/, '');
  if (!kept.some((w) => ROLE_HEADS.has(bare(w)))) return null;
  const title = kept.join(' ').replace(/[,;:]+$/, '');
  return title.length >= 3 ? { title, former } : null;
}

/** The role phrase that ends right before a name: capitalised words, possessives and role words, read backwards. */
function roleBefore(before: string): StatedRole | null {
  const text = before.replace(/,\s*$/, ' ').replace(/\s+$/, '');
  const words = text.split(/\s+/);
  while (words.length > 0 && HONORIFIC.test(words[words.length - 1] ?? '')) words.pop();
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/[’']s$/, '');
  if (!ROLE_HEADS.has(last)) return null;
  const taken: string[] = [];
  for (let i = words.length - 1; i >= 0 && taken.length < 8; i--) {
    const w = words[i] ?? '';
    if (/[.;:!?”"(]$/.test(w) || (/,$/.test(w) && taken.length > 0)) break;
    const bare = w.toLowerCase().replace(/[’']s$/, '').replace(/^(?:ex|then)-/, '');
    if (bare === 'and' || FUNCTION_WORDS.has(bare)) break;
    const capitalised = /^\p{Lu}/u.test(w);
    if (!capitalised && !ROLE_WORDS.has(bare) && !/^(?:ex|then)-/i.test(w)) break;
    taken.unshift(w);
  }
  return asRole(taken.join(' '));
}

/** The appositive right after a name: ", the head of Mossad," / ", Hamas's chief negotiator," / ", who heads …". */
function roleAfter(after: string): StatedRole | null {
  const m = /^,\s+((?:who\s+(?:heads|leads|is|was)\s+)?[^,;.()—–“”"]{3,90}?)(?=,|\.|;|\s[—–]|\(|$|\s+(?:said|says|told|who|and\s+(?:his|her|the)))/u.exec(after);
  if (!m) return null;
  let phrase = m[1] ?? '';
  if (/^who\s+heads\s+/i.test(phrase)) phrase = `head of ${phrase.replace(/^who\s+heads\s+/i, '')}`;
  else if (/^who\s+leads\s+/i.test(phrase)) phrase = `leader of ${phrase.replace(/^who\s+leads\s+/i, '')}`;
  else phrase = phrase.replace(/^who\s+(?:is|was)\s+/i, '');
  // an appositive opens with an article, a possessive, "former" or a capitalised word; a clause ("he said") does not
  if (!/^(?:[Tt]he|[Aa]n?|[Ff]ormer|[Ee]x-|[Tt]hen-|[Ii]ts|[Hh]ead|[Ll]eader|\p{Lu})/u.test(phrase) || /^(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b/.test(phrase)) return null;
  const words = phrase.split(/\s+/);
  // "…, Turkish President Recep Tayyip Erdogan": a title followed by a name is someone else in a list
  const heads = words.map((w, i) => (ROLE_HEADS.has(w.toLowerCase().replace(/[’']s$/, '')) ? i : -1)).filter((i) => i >= 0);
  const nameAfter = (i: number) => {
    let j = i + 1;
    while (/^\p{Lu}/u.test(words[j] ?? '')) j++;
    return j - i - 1 >= 2 && !/[’']s$/.test(words[j - 1] ?? '');
  };
  if (heads.some(nameAfter)) return null;
  if (words.some((w) => /^[a-z]/.test(w) && !ROLE_WORDS.has(w.toLowerCase().replace(/[’']s$/, '')) && !/^(?:in|at|on|to|who|ex-|then-|a|an|its)/.test(w))) {
    // "Egypt's intelligence chief" passes; "a man who spent decades in prison" does not — unless a role head closes it
    const head = words.findIndex((w) => ROLE_HEADS.has(w.toLowerCase().replace(/[’']s$/, '')));
    if (head < 0) return null;
    return asRole(words.slice(0, head + 1).join(' '));
  }
  return asRole(phrase);
}

/**
 * The roles a sentence states for the name at `start`..`end` (offsets in `sentence`).
 *
 * @example
 * rolesAround('Khalil al-Hayya, Hamas’s chief negotiator, said no.', 0, 15)
 *   // → [{ title: 'Hamas’s chief negotiator', former: false }]
 */
export function rolesAround(sentence: string, start: number, end: number): StatedRole[] {
  const out: StatedRole[] = [];
  const before = roleBefore(sentence.slice(0, start));
  if (before) out.push(before);
  const after = roleAfter(sentence.slice(end).replace(/^[’']s\b/, '\u0000'));
  if (after) out.push(after);
  return out;
}
