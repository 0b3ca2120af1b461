/**
 * Lines of standard input as `ask` reads them: one line per `\n`, a `\r\n` the same as a `\n`, and a lone `\r` (an
 * old Mac line end, or a stray byte) a space inside the line, never the end of one — so one line in is one answer out.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inputLines } from '../../src/console/input-lines.ts';

async function linesOf(...chunks: Array<string | Buffer>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of inputLines(Readable.from(chunks, { objectMode: true }) as AsyncIterable<string | Buffer>)) out.push(line);
  return out;
}

describe('inputLines', () => {
  it('ends a line at \\n and at \\r\\n, and reads a lone \\r as a space', async () => {
    expect(await linesOf('/who Sunak\r/terms ratio\nsearch Zoom\r\n\n/when\r\r\n')).toEqual([
      '/who Sunak /terms ratio',
      'search Zoom',
      '',
      '/when ',
    ]);
  });

  it('gives a last line without a line end, and nothing for empty input', async () => {
    expect(await linesOf('a\nb')).toEqual(['a', 'b']);
    expect(await linesOf('')).toEqual([]);
    expect(await linesOf('a\n')).toEqual(['a']);
  });

  it('joins a line, a \\r\\n and a UTF-8 character split across chunks', async () => {
    const quote = Buffer.from('“Doha”\r\nnext\n', 'utf8');
    expect(await linesOf(quote.subarray(0, 2), quote.subarray(2, 9), quote.subarray(9, 10), quote.subarray(10))).toEqual([
      '“Doha”',
      'next',
    ]);
  });
});
