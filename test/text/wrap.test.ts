import { describe, expect, it } from 'vitest';
import { visibleLength, wrapLine } from '../../src/text/wrap.ts';

describe('wrapping a line to a terminal’s width', () => {
  it('wraps at spaces, each following line starting with the block’s indent', () => {
    expect(wrapLine('   > Talks resumed last Friday in Doha', 20, '   > ')).toEqual([
      '   > Talks resumed',
      '   > last Friday in',
      '   > Doha',
    ]);
  });

  it('never breaks a word: one longer than the width stands alone on its line', () => {
    const lines = wrapLine('see https://example.org/a/very/long/address/that/does/not/fit here', 20, '  ');
    expect(lines).toEqual(['see', '  https://example.org/a/very/long/address/that/does/not/fit', '  here']);
  });

  it('leaves a line that fits, and every line when there is no width', () => {
    expect(wrapLine('short', 80)).toEqual(['short']);
    const long = 'word '.repeat(40).trim();
    expect(wrapLine(long, undefined)).toEqual([long]);
  });

  it('keeps every word, in order', () => {
    const text = 'The final deal that emerged this week — during a four-day cease-fire, Hamas would release 50 hostages';
    const lines = wrapLine(`   > ${text}`, 30, '   > ');
    expect(lines.every((l) => visibleLength(l) <= 30)).toBe(true);
    expect(lines.map((l) => l.replace(/^ {3}> /, '')).join(' ')).toBe(text);
  });

  it('counts what the terminal shows: bold takes no room', () => {
    expect(visibleLength('\x1b[1mReuters\x1b[22m')).toBe(7);
    expect(wrapLine('\x1b[1mReuters\x1b[22m said so', 15)).toEqual(['\x1b[1mReuters\x1b[22m said so']);
  });
});
