/**
 * Lines of piped standard input for `npm run ask`, one command a line. node:readline ends a line at `\n`, `\r\n`
 * and also at a lone `\r`, so a stray `\r` inside a line (an old Mac line end, a pasted control character) split one
 * command into two answers, and a script reading one answer per line it sent lost count. Here only `\n` ends a
 * line: a `\r` just before it is part of the line end (`\r\n`), and any other `\r` is read as a space inside the
 * line. So there is exactly one line per `\n`, plus the last line when the input does not end with one.
 */

/**
 * The lines of `input` (bytes read as UTF-8, a character split across chunks included), without their line ends.
 *
 * @example
 * for await (const line of inputLines(process.stdin)) console.log(session.respond(line));
 * // '/who Sunak\r/terms\r\nsearch Zoom' → '/who Sunak /terms', 'search Zoom'
 */
export async function* inputLines(input: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      yield asLine(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending !== '') yield asLine(pending);
}

/** A line without its `\r\n` end, any other `\r` in it a space. */
function asLine(text: string): string {
  return text.replace(/\r$/, '').replaceAll('\r', ' ');
}
