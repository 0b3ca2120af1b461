/**
 * Datelines: the place (and wire) that open a news story — "DOHA, Qatar (AP) —", "JERUSALEM, Nov 24 (Reuters) -",
 * "Doha (AFP) -", "MOSCOW, October 9. /TASS/.", "(CNN) —", "GAZA CITY —", "JERUSALEM -", "Washington:", "CAIRO :".
 * The credit in brackets may name any outlet, not only a wire ("PARIS (Gulf Ledger) —", "(JNS) —"). A dateline is
 * page furniture in front of the lead: ingest takes it off the paragraph and keeps it as metadata.
 */
import { wireName } from './wires.ts';

export interface Dateline {
  /** "DOHA, Qatar", "JERUSALEM", "Doha"; null for a wire-only opening such as "(CNN) —". */
  place: string | null;
  /** Who the credit names: a wire's full name ("The Associated Press") or another outlet ("Gulf Ledger"); null for a place-only dateline. */
  wire: string | null;
  /** The dateline as the paragraph opens with it. */
  evidence: string;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const UPPER_PLACE = "[A-Z][A-Z.'’-]*(?:\\s+[A-Z][A-Z.'’-]*){0,3}";
const MIXED_PLACE = "[A-Z][a-z'’]+(?:[\\s-][A-Z][a-z'’]+){0,2}";
const REGION = "(?:,\\s*[A-Z][A-Za-z.'’-]*(?:\\s+[A-Z][A-Za-z.'’-]*){0,2})";
const DAY = `(?:,\\s*${MONTH}\\s+\\d{1,2})`;
/** A credit in brackets: a wire's short form or an outlet's name of up to four capitalised words. */
const CREDIT = "\\(\\s*([A-Za-z][A-Za-z.&'’-]{1,20}(?:\\s[A-Z][A-Za-z.&'’-]*){0,3})\\s*\\)";
const DASH = '\\s*[—–-]{1,2}\\s*';

const WITH_CREDIT = new RegExp(`^((?:${UPPER_PLACE}|${MIXED_PLACE})${REGION}?)${DAY}?\\s*${CREDIT}${DASH}`);
const TASS_FORM = new RegExp(`^(${UPPER_PLACE}${REGION}?)(?:,\\s*${MONTH}\\s+\\d{1,2})?\\.?\\s*/(TASS)/\\.?\\s*`);
const CREDIT_ONLY = new RegExp(`^${CREDIT}${DASH}`);
/** "GAZA CITY —", and with a hyphen only in capitals ("JERUSALEM -"): a hyphen after mixed case is a compound word. */
const PLACE_ONLY = new RegExp(`^(${UPPER_PLACE}${REGION}?)${DAY}?\\s*(?:[—–]|\\s-\\s)\\s*`);
/** "Washington:", "New Delhi:", "CAIRO :" — a place and a colon before the first sentence. */
const PLACE_COLON = new RegExp(`^(${UPPER_PLACE}|${MIXED_PLACE})${REGION}?\\s?:\\s+(?=\\p{Lu})(?!(?:I|We|Our|My|Us)\\b)`, 'u');
/** Labels that open a paragraph with a colon and are not places. */
const NOT_PLACES =
  /^(?:breaking|update|updated|exclusive|analysis|opinion|comment|editorial|watch|listen|live|read|note|editor'?s note|explainer|factbox|timeline|q&a|photos?|video|warning|correction|clarification|summary|background|context|key points?|why it matters|what we know|the latest)$/i;

/** A bracketed credit read as an outlet: a wire by its full name, else the name as printed when it looks like one. */
function creditName(text: string): string | null {
  const wire = wireName(text);
  if (wire) return wire;
  return /^(?:[A-Z]{2,6}|\p{Lu}[\p{L}.&'’-]+(?:\s\p{Lu}[\p{L}.&'’-]*){0,3})$/u.test(text) ? text : null;
}

/**
 * Reads the dateline a paragraph opens with, or null.
 *
 * @example
 * parseDateline('DOHA, Qatar (AP) — Israel and Hamas …')  // → { place: 'DOHA, Qatar', wire: 'The Associated Press', evidence: 'DOHA, Qatar (AP) —' }
 * parseDateline('JERUSALEM, Nov 24 (Reuters) - Thirteen …') // → { place: 'JERUSALEM', wire: 'Reuters', … }
 * parseDateline('MOSCOW, October 9. /TASS/. The Kremlin …') // → { place: 'MOSCOW', wire: 'TASS', … }
 * parseDateline('New Delhi: Hamas confirmed …')             // → { place: 'New Delhi', wire: null, evidence: 'New Delhi:' }
 */
export function parseDateline(paragraph: string): Dateline | null {
  const text = paragraph.trimStart();
  const withCredit = WITH_CREDIT.exec(text);
  if (withCredit?.[1] && withCredit[2]) {
    const credit = creditName(withCredit[2]);
    if (credit) return { place: withCredit[1].trim(), wire: credit, evidence: withCredit[0].trim() };
  }
  const tass = TASS_FORM.exec(text);
  if (tass?.[1]) return { place: tass[1].trim(), wire: 'TASS', evidence: tass[0].trim() };
  const creditOnly = CREDIT_ONLY.exec(text);
  if (creditOnly?.[1]) {
    const credit = creditName(creditOnly[1]);
    if (credit) return { place: null, wire: credit, evidence: creditOnly[0].trim() };
  }
  const placeOnly = PLACE_ONLY.exec(text);
  if (placeOnly?.[1] && /[A-Z]{3}/.test(placeOnly[1].split(',')[0] ?? '')) {
    return { place: placeOnly[1].trim(), wire: null, evidence: placeOnly[0].trim() };
  }
  const colon = PLACE_COLON.exec(text);
  if (colon?.[1] && !NOT_PLACES.test(colon[1].trim())) {
    return { place: colon[1].trim(), wire: null, evidence: colon[0].trim() };
  }
  return null;
}

/**
 * The paragraph without the dateline it opens with: what is quoted starts at the first word of the story.
 *
 * @example
 * withoutDateline('DOHA, Qatar (AP) — Israel and Hamas agreed.', parseDateline('DOHA, Qatar (AP) — Israel and Hamas agreed.')) // → 'Israel and Hamas agreed.'
 */
export function withoutDateline(paragraph: string, dateline: Dateline): string {
  return paragraph.trimStart().slice(dateline.evidence.length).trimStart();
}
