/**
 * Bylines and credit lines as news pages print them: "By A and B", "By A, B and C, Associated Press",
 * "A | Reuters", "Written by A", "By AFP", "Staff and agencies", and at the end "Reporting by A; Editing by B" or
 * "A and B contributed reporting." A wire named in a byline is not a person: it is returned as the wire.
 */
import { wireName } from './wires.ts';

export interface Byline {
  /** The people named, in order, title-cased when the page shouts them ("COLLEEN LONG" → "Colleen Long"). */
  authors: string[];
  /** The wire the byline names ("By AFP", "…, Associated Press", "A | Reuters"), full name; null when none. */
  wire: string | null;
  /** The line as the page shows it. */
  evidence: string;
}

export interface CreditLine {
  /** The reporters the line credits ("Reporting by", "… contributed"); editors are not among them. */
  names: string[];
  text: string;
}

const PARTICLE = /^(?:al|el|bin|bint|ibn|abu|abd|van|von|de|da|del|della|di|du|la|le|der|den|ter|dos|das)$/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|(?:al|el|bin|ibn|abu|abd)-\p{Lu}[\p{L}'’.-]*|Mc\p{Lu}\p{L}*)$/u;
const ROLE =
  /\b(?:correspondent|reporter|editor|writer|producer|contributor|columnist|analyst|chief|bureau|desk|journalist|specialist|director|staff|photographer)s?\b/i;
const NO_PERSON =
  /^(?:staff and agencies|agencies|agency staff|staff|staff writers?|staff reporters?|news desk|web desk|newsroom|wire services?|wires|our correspondents?|[\p{L}.]+ (?:staff|news desk|newsroom)|[\p{L}.]+ staff and agencies)$/iu;

/**
 * Title-cases a name the page prints in capitals; leaves a mixed-case name alone.
 *
 * @example
 * personName('SEUNG MIN KIM') // → 'Seung Min Kim'
 * personName('Khalil al-Hayya') // → 'Khalil al-Hayya'
 */
export function personName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * True when `text` has the shape of one person's name: two to five capitalised words (particles allowed).
 *
 * @example
 * looksLikeName('Khalil al-Hayya') // → true
 * looksLikeName('Nov. 12')         // → false
 */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  return NAME_WORD.test(first) && NAME_WORD.test(last) && words.every((w) => NAME_WORD.test(w) || PARTICLE.test(w)) && !/\d/.test(text);
}

/** Splits "A, B and C" / "A & B" into its parts. */
function listParts(text: string): string[] {
  return text
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Reads "A, B and C, Associated Press" into people and a wire; null when any part is neither (nor a role). */
function readNames(text: string): { authors: string[]; wire: string | null } | null {
  const authors: string[] = [];
  let wire: string | null = null;
  const inner = text.replace(/\s*\((\w[\w .-]*)\)\s*$/, (_m, w: string) => (wireName(w) ? `, ${w}` : _m));
  for (const raw of listParts(inner)) {
    const part = raw.replace(/\s+in\s+\p{Lu}[\p{L} .'’-]*$/u, ''); // "Jane Roe in Doha"
    const asWire = wireName(part);
    if (asWire) wire ??= asWire;
    else if (looksLikeName(part)) authors.push(personName(part));
    else if (ROLE.test(part) && !/\d/.test(part))
      continue; // "Middle East correspondent"
    else return null;
  }
  return authors.length > 0 || wire ? { authors, wire } : null;
}

/**
 * Reads a byline, or returns null when the line is not one. The whole line must be the byline.
 *
 * @example
 * parseByline('By MARTA OLSEN, IDRIS KAMAL and LENA VOSS') // → { authors: ['Marta Olsen', 'Idris Kamal', 'Lena Voss'], wire: null, … }
 * parseByline('Hana Sorensen | Reuters')                   // → { authors: ['Hana Sorensen'], wire: 'Reuters', … }
 * parseByline('By AFP')                                    // → { authors: [], wire: 'Agence France-Presse', … }
 * parseByline('Staff and agencies')                        // → { authors: [], wire: null, … }
 * parseByline('By Nov. 12, Biden had had enough.')         // → null
 */
export function parseByline(line: string): Byline | null {
  const evidence = line.replace(/\s+/g, ' ').trim();
  if (evidence.length > 160) return null;
  if (NO_PERSON.test(evidence)) return { authors: [], wire: wireName(evidence.split(' ')[0] ?? ''), evidence };
  const prefixed = /^(?:by|written by|words by|story by|text by|reported by|report by)\s*:?\s+(.+)$/i.exec(evidence);
  if (prefixed?.[1]) {
    const rest = prefixed[1].trim();
    if (NO_PERSON.test(rest)) return { authors: [], wire: wireName(rest.split(' ')[0] ?? ''), evidence };
    const [left, right] = rest.split(/\s+\|\s+/, 2);
    const names = readNames(left ?? rest);
    if (!names) return null;
    return { authors: names.authors, wire: names.wire ?? (right ? wireName(right) : null), evidence };
  }
  const piped = /^(.+?)\s*\|\s*(.+)$/.exec(evidence);
  if (piped?.[1] && piped[2]) {
    const wire = wireName(piped[2]);
    const names = wire || NO_PERSON.test(piped[2]) ? readNames(piped[1]) : null;
    if (names && names.authors.length > 0) return { authors: names.authors, wire: wire ?? names.wire, evidence };
    return null;
  }
  const bare = wireName(evidence);
  return bare ? { authors: [], wire: bare, evidence } : null;
}

/**
 * Reads a credit line at the end of an article, or returns null.
 *
 * @example
 * parseCreditLine('Reporting by Hana Sorensen; Additional reporting by Tarek Mansour in Cairo; Editing by Paul Everly')
 * // → { names: ['Hana Sorensen', 'Tarek Mansour'], text: … }
 * parseCreditLine('Noor Haddad contributed reporting from Cairo.') // → { names: ['Noor Haddad'], text: … }
 */
export function parseCreditLine(line: string): CreditLine | null {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length > 400) return null;
  const inner = text.replace(/^\(\s*/, '').replace(/\s*\)\.?$/, '');
  if (/^(?:(?:additional |further )?reporting|writing|editing|edited|compiled|produced|research|graphics|translation) by\b/i.test(inner)) {
    const names: string[] = [];
    for (const segment of inner.split(/\s*;\s*/)) {
      const m = /^(?:additional |further )?reporting by (.+?)\.?$/i.exec(segment);
      if (m?.[1]) names.push(...(readNames(m[1])?.authors ?? []));
    }
    return { names, text };
  }
  const contributed = /^(.+?)\s+contributed\b(.*)$/i.exec(inner);
  if (
    contributed?.[1] &&
    /^(?:\s+(?:reporting|to this (?:report|story|article)|from\s+[^.]+|reporting from\s+[^.]+))*\.?$/i.test(contributed[2] ?? '')
  ) {
    const names = readNames(contributed[1]);
    if (names && names.authors.length > 0) return { names: names.authors, text };
  }
  return null;
}
