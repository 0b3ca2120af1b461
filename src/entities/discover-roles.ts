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
const FUNCTION_WORDS = new Set(
  'under when after as by with for in on at from to before since while during including like between among'.split(' '),
);
const HONORIFIC = /^(?:Sheikh|Sheikha|Mr|Mrs|Ms|Dr|Gen|Maj|Lt|Col|Brig|Adm)\.?$/;

/** The words of a phrase, as a role: drops the article and "former" and says whether "former" was there. */
function asRole(phrase: string): StatedRole | null {
  const words = phrase
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 0 && /^(?:the|a|an|and|of|its|his|her|their|who|is|was)$/i.test(words[0] ?? '')) words.shift();
  while (words.length > 0 && /^(?:of|the|and|a|an)$/i.test(words[words.length - 1] ?? '')) words.pop();
  if (words.length === 0 || words.length > 9) return null;
  const former = FORMER.test(words.join(' ')) || words.some((w) => /^ex-/i.test(w));
  const kept = words.filter((w) => !/^(?:former|then|late|the)$/i.test(w)).map((w) => w.replace(/^(?:ex|then)-/i, ''));
  const bare = (w: string) =>
    w
      .toLowerCase()
      .replace(/[’']s$/, '')
      .replace(/[,.;:]+$/, '');
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
    const bare = w
      .toLowerCase()
      .replace(/[’']s$/, '')
      .replace(/^(?:ex|then)-/, '');
    if (bare === 'and' || FUNCTION_WORDS.has(bare)) break;
    const capitalised = /^\p{Lu}/u.test(w);
    if (!capitalised && !ROLE_WORDS.has(bare) && !/^(?:ex|then)-/i.test(w)) break;
    taken.unshift(w);
  }
  return asRole(taken.join(' '));
}

/** The appositive right after a name: ", the head of Mossad," / ", Hamas's chief negotiator," / ", who heads …". */
function roleAfter(after: string): StatedRole | null {
  const m =
    /^,\s+((?:who\s+(?:heads|leads|is|was)\s+)?[^,;.()—–“”"]{3,90}?)(?=,|\.|;|\s[—–]|\(|$|\s+(?:said|says|told|who|and\s+(?:his|her|the)))/u.exec(
      after,
    );
  if (!m) return null;
  // "A, Qatar's prime minister and Turkey's intelligence chief, Ibrahim Kalin": a title followed by a name belongs to
  // that name, in a list, not to the name before it
  if (/^,\s+\p{Lu}[\p{L}'’.-]+\s+(?:(?:al|el|bin|ibn|abu)[\s-])?\p{Lu}/u.test(after.slice(m[0].length))) return null;
  let phrase = m[1] ?? '';
  if (/^who\s+heads\s+/i.test(phrase)) phrase = `head of ${phrase.replace(/^who\s+heads\s+/i, '')}`;
  else if (/^who\s+leads\s+/i.test(phrase)) phrase = `leader of ${phrase.replace(/^who\s+leads\s+/i, '')}`;
  else phrase = phrase.replace(/^who\s+(?:is|was)\s+/i, '');
  // an appositive opens with an article, a possessive, "former" or a capitalised word; a clause ("he said") does not
  if (
    !/^(?:[Tt]he|[Aa]n?|[Ff]ormer|[Ee]x-|[Tt]hen-|[Ii]ts|[Hh]ead|[Ll]eader|\p{Lu})/u.test(phrase) ||
    /^(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b/.test(phrase)
  )
    return null;
  const words = phrase.split(/\s+/);
  // "…, Turkish President Recep Tayyip Erdogan": a title followed by a name is someone else in a list
  const heads = words.map((w, i) => (ROLE_HEADS.has(w.toLowerCase().replace(/[’']s$/, '')) ? i : -1)).filter((i) => i >= 0);
  const nameAfter = (i: number) => {
    let j = i + 1;
    while (/^\p{Lu}/u.test(words[j] ?? '')) j++;
    return j - i - 1 >= 2 && !/[’']s$/.test(words[j - 1] ?? '');
  };
  if (heads.some(nameAfter)) return null;
  if (
    words.some(
      (w) =>
        /^[a-z]/.test(w) && !ROLE_WORDS.has(w.toLowerCase().replace(/[’']s$/, '')) && !/^(?:in|at|on|to|who|ex-|then-|a|an|its)/.test(w),
    )
  ) {
    // "Egypt's intelligence chief" passes; "a man who spent decades in prison" does not — unless a role head closes it
    const head = words.findIndex((w) => ROLE_HEADS.has(w.toLowerCase().replace(/[’']s$/, '')));
    if (head < 0) return null;
    return asRole(words.slice(0, head + 1).join(' '));
  }
  return asRole(phrase);
}

/** "The Shin Bet security agency, which has been headed since Sunday by …": the body a name is said to head. */
const HEADED_BY =
  /((?:\p{Lu}[\p{L}'’-]*\s+){1,4}(?:[a-z]+\s+){0,2}?[a-z]*[a-z])\s*,?\s*(?:(?:which|that)\s+)?(?:(?:has|had)\s+been\s+|is\s+|was\s+)?(?:headed|led|run|chaired|commanded)\s+(?:since\s+[^,;.]{1,30}?\s+)?by\s+$/u;

/** The role "head of X" for a name that a body "is headed by", or null. */
function headOfBy(before: string): StatedRole | null {
  const body = HEADED_BY.exec(before)?.[1]?.trim();
  return body ? asRole(`head of ${body}`) : null;
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
  const before = roleBefore(sentence.slice(0, start)) ?? headOfBy(sentence.slice(0, start));
  if (before) out.push(before);
  const after = roleAfter(sentence.slice(end).replace(/^[’']s\b/, '\u0000'));
  if (after) out.push(after);
  return out;
}

/**
 * What a sentence says happened to the named person's role: it ended ("Israel killed Hamas leader X", "X was
 * dismissed", "X resigned", "Y replaced X", "X's successor"), it ended with every other role because the person died
 * ("killed", "died", "assassinated"), or it began ("named X as …", "X was appointed …", "X replaced Y", "X, who
 * succeeded Y", "Y's successor, X"). `at` is the offset of the wording that says so, for dating it.
 */
export interface RoleChange {
  kind: 'start' | 'end' | 'death';
  at: number;
}

const START_VERB = String.raw`(?:named|appointed|chosen|chose|picked|selected|elected|tapped|nominated|installed|promoted)`;
/** After a comma (and an appositive) or a bare space: ", the Shin Bet chief, was …", ", who …", " was …". */
const SUBJECT_OPEN = String.raw`^(?:,\s+(?:[^,;.]{1,80}?,\s+)?(?:who\s+)?|,\s+[^,;.]{1,80}?\s+who\s+|\s+)`;
/** The person is the passive subject: " was killed", ", who was dismissed", ", killed in October", " was replaced". */
const SUBJECT_PASSIVE = new RegExp(
  String.raw`${SUBJECT_OPEN}(?:(?:was|has\s+been|had\s+been|got)\s+)?(?:\p{Ll}+ly\s+)?(?:(killed|assassinated|slain|eliminated)|(dismissed|fired|ousted|sacked|removed|replaced|succeeded|deposed))\b`,
  'u',
);
/** The person is the active subject of an ending: " died", ", who resigned", " stepped down". */
const SUBJECT_ACTIVE = new RegExp(
  String.raw`${SUBJECT_OPEN}(?:(?:has|had)\s+)?(?:\p{Ll}+ly\s+)?(?:(died|dies)|(resigned|resigns|stepped\s+down|steps\s+down|quit))\b`,
  'u',
);
/** The person is the subject of a start: " was named …", ", who was appointed …", " replaced Y", ", who succeeded Y". */
const SUBJECT_STARTS = new RegExp(
  String.raw`${SUBJECT_OPEN}(?:(?:was|has\s+been|had\s+been|is|were)\s+(?:\p{Ll}+ly\s+)?${START_VERB}\b|(?:has\s+|had\s+)?(?:replaced|replaces|succeeded|succeeds|took\s+over\s+from)\s+\p{Lu})`,
  'u',
);
/** A threat, a plan or a denial is not the event: "threatened to dismiss", "tried to kill", "did not fire". */
const NOT_DONE = String.raw`(?<!\b(?:threatened|threatens|threatening|sought|seeks|seeking|tried|tries|trying|wants|wanted|plans|planned|planning|plan|attempt|attempted|attempting|failed|refused|declined|would|could|might|may|will|not|proposal|proposed|proposes|bid|calls|called|demanded|demands|urged|urges|effort|efforts|push|pushed|pushing|threat|threats|plot|plotting|order|ordered)\s+(?:to\s+)?)`;
/** The text right before the person (and the role phrase that names them) ends an active verb on them. */
const OBJECT_DEATH = new RegExp(
  String.raw`${NOT_DONE}\b(?:killed|kills|killing|assassinated|assassinating|eliminated|(?:killing|assassination|death|murder)\s+of)\s+(?:the\s+)?$`,
  'i',
);
const OBJECT_ENDS = new RegExp(
  String.raw`${NOT_DONE}\b(?:dismiss|dismissed|dismissing|fire|fired|firing|oust|ousted|ousting|sack|sacked|sacking|deposed|replaced|replacing|replaces|succeeded|succeeding|succeeds|(?:dismissal|ouster|firing|resignation|removal|replacement|sacking)\s+of|successor\s+to|took\s+over\s+from)\s+(?:the\s+)?$`,
  'i',
);
const OBJECT_STARTS = new RegExp(
  String.raw`${NOT_DONE}\b(?:(?:named|appointed|chose|chosen|picked|selected|elected|tapped|nominated|installed|promoted)\s+(?:as\s+)?|(?:replaced|succeeded)\s+by\s+|successor,?\s+)(?:the\s+)?$`,
  'i',
);

/** The text before the role phrase that stands right before a name: "Israel killed " for "Israel killed Hamas leader ". */
function beforeRolePhrase(before: string): string {
  const words = before.split(/(?<=\s)/);
  let i = words.length;
  while (i > 0) {
    const w = (words[i - 1] ?? '').trim();
    const bare = w
      .toLowerCase()
      .replace(/[’']s$/, '')
      .replace(/,$/, '');
    if (w === '' || /[.;:!?”"(]$/.test(w) || FUNCTION_WORDS.has(bare) || bare === 'and' || bare === 'as' || bare === 'by') break;
    if (!/^\p{Lu}/u.test(w) && !ROLE_WORDS.has(bare) && !HONORIFIC.test(w)) break;
    if (bare === 'the' || bare === 'of') break;
    i--;
  }
  return words.slice(0, i).join('');
}

/**
 * How the sentence changes the role of the name at `start`..`end`, or null when it says nothing of the kind. Only
 * wording tied to this name counts: "Bar said Israel killed Deif" ends Deif's roles, not Bar's.
 *
 * @example
 * roleChangeAround('Israel killed Hamas leader Yahya Sinwar.', 27, 39) // → { kind: 'death', at: 7 }
 */
export function roleChangeAround(sentence: string, start: number, end: number): RoleChange | null {
  const after = sentence.slice(end);
  // "headed since Sunday by Zini", "the new Shin Bet chief, Zini": the role began then, or lately
  const since = /\b(?:headed|led|run|chaired|commanded)\s+(since\s+[^,;.]{1,30}?)\s+by\s+$/.exec(sentence.slice(0, start));
  if (since?.[1]) return { kind: 'start', at: since.index + since[0].indexOf(since[1]) };
  const fresh =
    /\bnew\s+(?:[\p{Lu}][\p{L}'’-]*\s+){0,3}(?:[a-z]+\s+){0,2}?(?:chief|head|leader|director|commander|minister|envoy|negotiator|spokesman|spokeswoman|spokesperson)\s*,?\s*$/u.exec(
      sentence.slice(0, start),
    );
  if (fresh) return { kind: 'start', at: fresh.index };
  const before = beforeRolePhrase(sentence.slice(0, start));
  const starts = SUBJECT_STARTS.exec(after);
  if (starts) return { kind: 'start', at: end + starts.index };
  const objectStarts = OBJECT_STARTS.exec(before);
  if (objectStarts) return { kind: 'start', at: objectStarts.index };
  // "Sinwar’s successor, …" / "the successor to Sinwar": the name's holder is gone
  if (/^[’']s\s+(?:\p{Ll}+\s+)?(?:successor|replacement)\b/u.test(after)) return { kind: 'end', at: end };
  const ends = SUBJECT_PASSIVE.exec(after) ?? SUBJECT_ACTIVE.exec(after);
  if (ends) return { kind: ends[1] ? 'death' : 'end', at: end + (ends[0].length - (ends[1] ?? ends[2] ?? '').length) };
  const objectDeath = OBJECT_DEATH.exec(before);
  if (objectDeath) return { kind: 'death', at: objectDeath.index };
  const objectEnds = OBJECT_ENDS.exec(before);
  if (objectEnds) return { kind: 'end', at: objectEnds.index };
  return null;
}

/** The role a sentence gives with "as …": "replaced Bar as Shin Bet chief" → "Shin Bet chief". */
export function roleAfterAs(sentence: string): StatedRole | null {
  for (const m of sentence.matchAll(
    /\bas\s+((?:the\s+)?(?:new\s+)?[^,;.()—–“”"]{3,80}?)(?=[,;.()—–]|$|\s+(?:in|on|after|before|last|this|and|when|while|following|amid|since|until|at)\b)/gu,
  )) {
    const r = asRole((m[1] ?? '').replace(/^(?:the\s+)?new\s+/i, ''));
    if (r && !r.former) return r;
  }
  return null;
}
