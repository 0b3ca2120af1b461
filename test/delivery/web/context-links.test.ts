/**
 * The link row under an answer, as Discord's limits shape it: one link button per quote, at most a row of five,
 * each URL within Discord's 512 characters — a very long PUBLIC_URL first loses the `?q=` half (the fragment still
 * finds the passage), then the button.
 */
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { QuoteResult } from '../../../src/answers/answer.ts';
import { BUTTON_URL_MAX, contextLinkRow, linkRowsOf } from '../../../src/interactions/quote-replies/context-links.ts';

const result = (passageId: string) => ({ passage_id: passageId }) as QuoteResult;
const ids = ['ap-deal#1', 'ap-deal#2', 'cnn#3', 'cnn#4', 'nyt#5', 'nyt#6'];

describe('the context link row', () => {
  it('has one link per quote, numbered from the first quote shown, at most five', () => {
    const row = contextLinkRow(ids.map(result), 6, 'https://talks.example.org/');
    expect(row?.components).toHaveLength(5);
    expect(row?.components[0]).toEqual({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: 'Quote 6 in context',
      url: 'https://talks.example.org/sources/ap-deal?q=ap-deal%231#ap-deal%231',
    });
    expect(row?.components[4]?.label).toBe('Quote 10 in context');
  });

  it('is absent without PUBLIC_URL or without quotes', () => {
    expect(contextLinkRow(ids.map(result), 1, undefined)).toBeNull();
    expect(contextLinkRow([], 1, 'https://talks.example.org')).toBeNull();
  });

  it('keeps every URL within Discord’s limit: the ?q= half goes first, then the button', () => {
    const id = `${'a'.repeat(79)}#12`;
    const longish = `https://talks.example.org/${'p'.repeat(300)}`;
    const url = contextLinkRow([result(id)], 1, longish)?.components[0]?.url ?? '';
    expect(url).toBe(`${longish}/sources/${'a'.repeat(79)}#${'a'.repeat(79)}%2312`);
    expect(url.length).toBeLessThanOrEqual(BUTTON_URL_MAX);
    expect(contextLinkRow([result(id)], 1, `https://talks.example.org/${'p'.repeat(400)}`)).toBeNull();
  });

  it('is found again among a message’s rows, apart from the action buttons', () => {
    const links = contextLinkRow([result('ap-deal#1')], 1, 'https://talks.example.org')!;
    const actions = {
      type: ComponentType.ActionRow as const,
      components: [
        { type: ComponentType.Button as const, style: ButtonStyle.Primary as const, label: 'Post in channel', custom_id: 'v1|share' },
      ],
    };
    expect(linkRowsOf([actions, links])).toEqual([links]);
    expect(linkRowsOf(undefined)).toEqual([]);
  });
});
