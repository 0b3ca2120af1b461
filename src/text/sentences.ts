/**
 * Splits a paragraph into sentences without losing a character, so that every sentence is a verbatim slice.
 *
 * A period ends a sentence when what follows (after closing quotes and brackets) is white space and then a capital,
 * a digit or an opening quote — unless the word before it is an abbreviation ("Oct.", "Dr.") or initials ("U.S."),
 * or a quotation is still open (a speaker's three sentences stay one quote).
 *
 * @example
 * splitSentences('By Nov. 12, Biden had had enough. He called the emir.').map((s) => s.text)
 * // → ['By Nov. 12, Biden had had enough.', 'He called the emir.']
 */
export interface Sentence {
  text: string;
  /** Offset of the first character in the paragraph. */
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gen lt col sen rep gov st jr sr no vs etc fla mass calif prof sgt capt cmdr adm'.split(
    ' ',
  ),
);

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (/^(?:\p{Lu}\.)+\p{Lu}?$/u.test(`${word}.`) || /^\p{Lu}$/u.test(word)) return true; // U.S. / D.C. / J.
  return ABBREVIATIONS.has(word.replace(/\.$/, '').toLowerCase());
}

export function splitSentences(paragraph: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}\p{Script=Arabic}])/gu;
  let start = 0;
  for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
    const endOfSentence = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    if (m[1] === '.' && !m[2] && isAbbreviation(paragraph.slice(start, m.index))) continue;
    if (insideQuotation(paragraph.slice(0, endOfSentence))) continue;
    pushSentence(sentences, paragraph, start, endOfSentence);
    start = endOfSentence + (m[3]?.length ?? 0);
  }
  pushSentence(sentences, paragraph, start, paragraph.length);
  return sentences;
}

/** True while a quotation opened before this point is still open: a sentence inside a quote does not end it. */
function insideQuotation(prefix: string): boolean {
  const opened = prefix.split('“').length - 1;
  const closed = prefix.split('”').length - 1;
  const straight = prefix.split('"').length - 1;
  return opened > closed || straight % 2 === 1;
}

function pushSentence(into: Sentence[], paragraph: string, start: number, end: number): void {
  const raw = paragraph.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text !== '') into.push({ text, start: start + lead, end: start + lead + text.length });
}
