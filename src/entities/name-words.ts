/**
 * The word lists that person-name discovery leans on: name particles ("al-", "bin"), titles and honorifics that
 * precede a name ("CIA Director", "Sheikh"), role head nouns ("chief", "negotiator") and words that mark a
 * capitalised run as a place, an organisation or a date rather than a person. Kept apart so the heuristics in
 * `discover-people.ts` and `discover-roles.ts` read as rules, not as lists.
 *
 * @example
 * isParticle('bin') // → true
 * ROLE_HEADS.has('negotiator') // → true
 */

/** Lower-case joiners that stand between the capitalised words of one name: "Mohammed bin Abdulrahman". */
const PARTICLES = new Set(['al', 'el', 'bin', 'bint', 'ibn', 'ben', 'abu', 'van', 'von', 'de', 'da', 'di', 'ad', 'ud']);

export function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

/** Titles and honorifics that open a name run but are not part of the name ("Sheikh", "Prime Minister"). */
export const TITLE_WORDS = new Set(
  (
    'president prime minister foreign defense defence finance interior secretary director chief head leader general gen ' +
    'lt col maj brig adm mr mrs ms dr sheikh sheikha emir amir king queen prince crown sen rep senator representative ' +
    'ambassador envoy special spokesman spokeswoman spokesperson commander deputy senior former acting vice chairman ' +
    'president-elect writers writer reporter reporters correspondent editor negotiator mediator coordinator adviser advisor official officer premier speaker rabbi cardinal pope judge justice ' +
    'national security state affairs intelligence military political bureau chairwoman lawyer attorney u.s us'
  ).split(' '),
);

/** Nouns that make a phrase a role: "Shin Bet chief", "the head of Mossad", "Hamas's chief negotiator". */
export const ROLE_HEADS = new Set(
  (
    'chief head leader director minister negotiator envoy spokesman spokeswoman spokesperson adviser advisor president ' +
    'secretary coordinator commander official emir amir ambassador mediator premier chairman chairwoman chair king ' +
    'general representative officer diplomat aide founder boss mastermind prince ruler speaker lawyer ' +
    // a family tie says who someone is as much as a title: "Trump's son-in-law Jared Kushner"
    'son-in-law daughter-in-law son daughter wife husband brother sister father mother nephew niece cousin'
  ).split(' '),
);

/** Lower-case words that may stand inside a role phrase before a name ("the Qatari prime minister"). */
export const ROLE_WORDS = new Set([
  ...ROLE_HEADS,
  ...(
    'the of for and former then ex late top senior deputy acting new interim lead chief political military ' +
    'foreign prime national security intelligence special middle east affairs state bureau wing movement group ' +
    'defense defence hostage hostages negotiating negotiations team domestic agency spy external internal'
  ).split(' '),
]);

/**
 * Capitalised words that never make a person's name: organisations, institutions, places, calendar words, and the
 * scraps of page furniture ("Photo", "Android", "ET") that a saved web page leaves in its text.
 */
export const NON_NAME_WORDS = new Set(
  (
    'hamas hezbollah houthis fatah israel israeli israelis gaza qatar qatari egypt egyptian cairo doha washington jerusalem ' +
    'united states kingdom nations union council ministry forces force house department agency authority bureau strip bank ' +
    'news times post press journal gazette ledger herald tribune hospital summit agreement accords accord party committee ' +
    'cabinet office university airport street square crossing corridor international red cross security national defense ' +
    'republic sea day flood god allah brigades brigade army navy corps jazeera reuters cnn bbc photo photos android iphone ' +
    'ios apple google facebook twitter instagram youtube whatsapp telegram video image getty afp ap et est gmt pm am ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec the a an this that these ' +
    'those he she it they we i his her their our in on at for to from with by as but and or if when while after before ' +
    'since during under over about what who why how where there here also read more share subscribe sign advertisement ' +
    'related live updates breaking world middle east west north south palestinian palestinians american americans ' +
    'arab arabs muslim muslims jewish christian western eastern iran iranian lebanon lebanese syria syrian turkey ' +
    'jordan russia russian ukraine ukrainian china chinese europe european france french britain british uk saudi ' +
    'arabia emirates uae sharm sheikh-el el-sheikh rafah younis beirut tehran ankara moscow paris london ' +
    'state white pentagon kremlin knesset idf cia nsc mossad shin bet qassam operation plan deal new base joint ceasefire truce ' +
    'phase hostage hostages prisoner prisoners according meanwhile however still yet even only now then'
  ).split(' '),
);

/** A word written in capitals only ("CIA", "ET", "U.S."): an acronym, never a given name or surname here. */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}.]{2,}$/u.test(word);
}
