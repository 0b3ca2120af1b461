/**
 * Datelines: the place (and wire) that open a news story — "DOHA, Qatar (AP) —", "JERUSALEM, Nov 24 (Reuters) -",
 * "Doha (AFP) -", "MOSCOW, October 9. /TASS/.", "(CNN) —", "GAZA CITY —". The dateline stays in the paragraph (it is
 * the article's own text); this only reads it.
 */
import { wireName } from './wires.ts';

export interface Dateline {
  /** "DOHA, Qatar", "JERUSALEM", "Doha"; null for a wire-only opening such as "(CNN) —". */
  place: string | null;
  /** The wire's full name ("The Associated Press"), or null for a place-only dateline. */
  wire: string | null;
  /** The dateline as the paragraph opens with it. */
  evidence: string;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const UPPER_PLACE = "[A-Z][A-Z.'’-]*(?:\\s+[A-Z][A-Z.'’-]*){0,3}";
const MIXED_PLACE = "[A-Z][a-z'’]+(?:[\\s-][A-Z][a-z'’]+){0,2}";
const REGION = "(?:,\\s*[A-Z][A-Za-z.'’-]*(?:\\s+[A-Z][A-Za-z.'’-]*){0,2})";
const DAY = `(?:,\\s*${MONTH}\\s+\\d{1,2})`;
const WIRE = '\\(\\s*([A-Za-z][A-Za-z.-]{1,15}(?:\\s[A-Z][A-Za-z]+){0,2})\\s*\\)';
const DASH = '\\s*[—–-]{1,2}\\s*';

const WITH_WIRE = new RegExp(`^((?:${UPPER_PLACE}|${MIXED_PLACE})${REGION}?)${DAY}?\\s*${WIRE}${DASH}`);
const TASS_FORM = new RegExp(`^(${UPPER_PLACE}${REGION}?)(?:,\\s*${MONTH}\\s+\\d{1,2})?\\.?\\s*/(TASS)/\\.?\\s*`);
const WIRE_ONLY = new RegExp(`^${WIRE}${DASH}`);
const PLACE_ONLY = new RegExp(`^(${UPPER_PLACE}${REGION}?)${DAY}?\\s*[—–]\\s*`);

/**
 * Reads the dateline a paragraph opens with, or null.
 *
 * @example
 * parseDateline('DOHA, Qatar (AP) — Israel and Hamas …')  // → { place: 'DOHA, Qatar', wire: 'The Associated Press', evidence: 'DOHA, Qatar (AP) —' }
 * parseDateline('JERUSALEM, Nov 24 (Reuters) - Thirteen …') // → { place: 'JERUSALEM', wire: 'Reuters', … }
 * parseDateline('MOSCOW, October 9. /TASS/. The Kremlin …') // → { place: 'MOSCOW', wire: 'TASS', … }
 */
export function parseDateline(paragraph: string): Dateline | null {
  const text = paragraph.trimStart();
  const withWire = WITH_WIRE.exec(text);
  if (withWire?.[1] && withWire[2]) {
    const wire = wireName(withWire[2]) ?? (/^[A-Z]{2,6}$/.test(withWire[2]) ? withWire[2] : null);
    if (wire) return { place: withWire[1].trim(), wire, evidence: withWire[0].trim() };
  }
  const tass = TASS_FORM.exec(text);
  if (tass?.[1]) return { place: tass[1].trim(), wire: 'TASS', evidence: tass[0].trim() };
  const wireOnly = WIRE_ONLY.exec(text);
  if (wireOnly?.[1]) {
    const wire = wireName(wireOnly[1]);
    if (wire) return { place: null, wire, evidence: wireOnly[0].trim() };
  }
  const placeOnly = PLACE_ONLY.exec(text);
  if (placeOnly?.[1] && /[A-Z]{3}/.test(placeOnly[1].split(',')[0] ?? '')) {
    return { place: placeOnly[1].trim(), wire: null, evidence: placeOnly[0].trim() };
  }
  return null;
}
