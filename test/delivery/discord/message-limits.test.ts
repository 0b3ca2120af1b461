import { describe, expect, it } from 'vitest';
import type { Answer, QuoteResult } from '../../../src/answers/answer.ts';
import { ConfigError, readDiscordEnv } from '../../../src/config/env.ts';
import { deleteId, pageId, shareId } from '../../../src/interactions/quote-replies/answer-ids.ts';
import { queryKey } from '../../../src/interactions/quote-replies/page-queries.ts';
import { embedCharacters, truncate } from '../../../src/interactions/messages/discord-limits.ts';
import { inviteUrl } from '../../../src/delivery/discord/invite-url.ts';
import { renderAnswerMessage } from '../../../src/interactions/quote-replies/render-answer-message.ts';
import { checkRequest } from './discord-schema.ts';

const source = {
  id: 's',
  title: 'T'.repeat(300),
  outlet: 'O',
  authors: ['A'],
  published: '2023-11-22',
  published_basis: 'stated' as const,
  published_evidence: 'e',
  reports_on: null,
  url: 'https://example.org/a',
  opening_words: 'W'.repeat(60),
};

function hugeAnswer(): Answer {
  const quote = 'A sentence that keeps going on and on. '.repeat(60).trim();
  const results: QuoteResult[] = Array.from({ length: 25 }, (_v, i) => ({ quote, passage_id: `s#${i + 1}`, source, score: 1 }));
  return {
    command: 'search',
    query: 'q'.repeat(200),
    title: `Search: ${'word '.repeat(100)}`,
    found: true,
    results,
    total: 40,
    notes: ['n '.repeat(3000)],
    suggestions: [],
  };
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

  it('links the title when the source has a URL, and keeps its page buttons however long the query: the query is not in the custom_id', () => {
    const message = renderAnswerMessage(hugeAnswer(), { offset: 0, private: true });
    expect(message.embeds[0]?.fields?.[0]?.value).toContain('](https://example.org/a)');
    const buttons = message.components[0]?.components ?? [];
    expect(buttons.map((b) => b.label)).toEqual(['◀ Previous', 'Next ▶', 'Post in channel']);
    expect(buttons[1]).toMatchObject({ custom_id: `v1|pg|search|5|${queryKey('q'.repeat(200))}` });
    expect(message.embeds[0]?.footer?.text).toMatch(/\nAsked: q{200}$/); // short enough to read back after a restart
  });
});

describe('button custom_ids', () => {
  it('round-trip what they stand for and stay within 100 characters, whatever the query', () => {
    const page = { command: 'who', offset: 5, key: queryKey(`Al-Thani | bin Jassim ${'x'.repeat(6000)}`) };
    expect(pageId.decode(pageId.encode(page))).toEqual(page);
    expect(pageId.encode(page).length).toBeLessThanOrEqual(100);
    expect(deleteId.decode(deleteId.encode({ ownerId: '123456789012345678' }))).toEqual({ ownerId: '123456789012345678' });
    expect(shareId.encode({})).toBe('v1|share');
  });

  it('reject what is not ours: another version, a forged field, a query riding along', () => {
    const key = queryKey('McGurk');
    for (const id of [
      '',
      `v0|pg|who|0|${key}`,
      `v1|pg|WHO|0|${key}`,
      `v1|pg|who|-1|${key}`,
      `v1|pg|who|99999|${key}`,
      'v1|pg|who|0|McGurk',
      `v1|pg|who|0|${key}|x`,
      'v1|page|who|5|McGurk',
    ])
      expect(pageId.decode(id)).toBeNull();
    for (const id of ['v1|delete|abc', 'v1|delete|', 'v2|delete|123']) expect(deleteId.decode(id)).toBeNull();
    expect(shareId.decode('v1|share|extra')).toBeNull();
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

  it('take the shard count for `npm run start:sharded` as a whole number from 1, or leave it to Discord', () => {
    const base = { DISCORD_TOKEN: 'x'.repeat(60), DISCORD_APPLICATION_ID: '111111111111111111' };
    expect(readDiscordEnv({ ...base, DISCORD_SHARDS: '3' }).DISCORD_SHARDS).toBe(3);
    expect(readDiscordEnv(base).DISCORD_SHARDS).toBeUndefined();
    expect(() => readDiscordEnv({ ...base, DISCORD_SHARDS: '0' })).toThrow(/DISCORD_SHARDS must be at least 1/);
  });

  it('default the REST URL to Discord and the log level to info', () => {
    const env = readDiscordEnv({ DISCORD_TOKEN: 'x'.repeat(60), DISCORD_APPLICATION_ID: '111111111111111111' });
    expect([env.DISCORD_API_URL, env.LOG_LEVEL]).toEqual(['https://discord.com/api', 'info']);
  });

  it('the invite asks for the bot and its commands, with no permissions', () => {
    expect(inviteUrl('111111111111111111')).toBe(
      'https://discord.com/oauth2/authorize?client_id=111111111111111111&scope=bot+applications.commands&permissions=0',
    );
  });
});
