import { describe, expect, it } from 'vitest';
import type { Answer, QuoteResult } from '../../../src/answers/answer.ts';
import { ConfigError, readDiscordEnv } from '../../../src/config/env.ts';
import { decodeButton, encodeButton } from '../../../src/delivery/discord/custom-id.ts';
import { embedCharacters, truncate } from '../../../src/delivery/discord/discord-limits.ts';
import { inviteUrl } from '../../../src/delivery/discord/invite-url.ts';
import { renderAnswerMessage } from '../../../src/delivery/discord/render-answer-message.ts';
import { checkRequest } from './discord-schema.ts';

const source = { id: 's', title: 'T'.repeat(300), outlet: 'O', authors: ['A'], published: '2023-11-22', published_basis: 'stated' as const, published_evidence: 'e', reports_on: null, url: 'https://example.org/a' };

function hugeAnswer(): Answer {
  const quote = 'A sentence that keeps going on and on. '.repeat(60).trim();
  const results: QuoteResult[] = Array.from({ length: 25 }, (_v, i) => ({ quote, passage_id: `s#${i + 1}`, source, score: 1 }));
  return { command: 'search', query: 'q'.repeat(200), title: `Search: ${'word '.repeat(100)}`, found: true, results, total: 40, notes: ['n '.repeat(3000)], suggestions: [] };
}

describe('truncation', () => {
  it('cuts at a sentence end when one is near, else at a word boundary, never mid-word, with an ellipsis', () => {
    expect(truncate('One sentence here. Two sentences here.', 26)).toBe('One sentence here. …');
    expect(truncate('alpha beta gamma delta', 14)).toBe('alpha beta…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('an answer message', () => {
  it('never goes over a Discord limit, even for an oversized answer', () => {
    const message = renderAnswerMessage(hugeAnswer(), { offset: 0, private: true });
    const embed = message.embeds[0];
    expect(embed?.title?.length).toBeLessThanOrEqual(256);
    expect(embed?.description?.length).toBeLessThanOrEqual(4096);
    for (const f of embed?.fields ?? []) {
      expect(f.value.length).toBeLessThanOrEqual(1024);
      expect(f.name.length).toBeLessThanOrEqual(256);
    }
    expect(embedCharacters(embed ?? {})).toBeLessThanOrEqual(6000);
    const body = { type: 4, data: { embeds: message.embeds, components: message.components, allowed_mentions: { parse: [] }, flags: 64 } };
    expect(checkRequest('POST', '/interactions/1/t/callback', body)).toEqual([]);
  });

  it('links the title when the source has a URL, and drops a page button whose custom_id would pass 100 characters', () => {
    const message = renderAnswerMessage(hugeAnswer(), { offset: 0, private: true });
    expect(message.embeds[0]?.fields?.[0]?.value).toContain('](https://example.org/a)');
    expect(message.components[0]?.components.map((b) => b.label)).toEqual(['Post in channel']);
  });
});

describe('button custom_ids', () => {
  it('round-trip what they stand for and stay within 100 characters', () => {
    const page = { action: 'page' as const, command: 'who', offset: 5, query: 'Al-Thani | bin Jassim' };
    expect(decodeButton(encodeButton(page) ?? '')).toEqual(page);
    expect(decodeButton(encodeButton({ action: 'delete', ownerId: '123456789012345678' }) ?? '')).toEqual({ action: 'delete', ownerId: '123456789012345678' });
    expect(encodeButton({ ...page, query: 'x'.repeat(100) })).toBeNull();
  });

  it('reject what is not ours', () => {
    for (const id of ['', 'v0|page|who|0|x', 'v1|page|WHO|0|x', 'v1|page|who|-1|x', 'v1|delete|abc', 'v1|share|extra']) expect(decodeButton(id)).toBeNull();
  });
});

describe('settings', () => {
  it('name every missing or malformed variable in one message', () => {
    try {
      readDiscordEnv({ DISCORD_TOKEN: 'short', DISCORD_API_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/DISCORD_TOKEN must be a bot token/);
      expect(message).toMatch(/DISCORD_APPLICATION_ID is missing/);
      expect(message).toMatch(/DISCORD_API_URL/);
    }
  });

  it('default the REST URL to Discord and the log level to info', () => {
    const env = readDiscordEnv({ DISCORD_TOKEN: 'x'.repeat(60), DISCORD_APPLICATION_ID: '111111111111111111' });
    expect([env.DISCORD_API_URL, env.LOG_LEVEL]).toEqual(['https://discord.com/api', 'info']);
  });

  it('the invite asks for the bot and its commands, with no permissions', () => {
    expect(inviteUrl('111111111111111111')).toBe('https://discord.com/oauth2/authorize?client_id=111111111111111111&scope=bot+applications.commands&permissions=0');
  });
});
