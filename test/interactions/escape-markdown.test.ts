/** Markdown in a quote is shown as typed, never as formatting: the same escaping as discord.js's, remembered per text. */
import { escapeMarkdown } from '@discordjs/formatters';
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../src/interactions/messages/escape-markdown.ts';

describe('escapeText', () => {
  const texts = [
    'a *bold* claim',
    'snake_case and __under__',
    '# heading\n- item\n1. first',
    '[link](https://example.org) ||spoiler|| `code`',
    'plain words',
    '',
  ];

  it('escapes exactly as discord.js does, the first time and every time after', () => {
    for (const text of texts) {
      expect(escapeText(text)).toBe(escapeMarkdown(text));
      expect(escapeText(text)).toBe(escapeMarkdown(text));
    }
  });

  it('still escapes right after many other texts have pushed the first ones out', () => {
    for (let n = 0; n < 6000; n++) escapeText(`text number ${n} with *stars*`);
    for (const text of texts) expect(escapeText(text)).toBe(escapeMarkdown(text));
  });
});
