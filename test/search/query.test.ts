import { describe, expect, it } from 'vitest';
import { normaliseQuery, queryIntents, stripMarkdown } from '../../src/search/query.ts';

describe('reading a question as people type it', () => {
  it('strips Discord markdown, mentions, links and emoji, keeping the words', () => {
    expect(stripMarkdown('**Qatar** _mediation_ __talks__ ~~no~~ `code` ||spoiler||')).toBe('Qatar mediation talks no code spoiler');
    expect(stripMarkdown('> quoted line\n- a bullet\n# Heading')).toBe('quoted line\na bullet\nHeading');
    expect(stripMarkdown('[the AP story](https://apnews.com/x) <@123> <@&456> <#789> <:qatar:112233> :flag_qa: 🇶🇦 😀 https://t.co/abc')).toBe('the AP story');
    expect(stripMarkdown('Al_Thani and 2023-11-22 — war cabinet')).toBe('Al_Thani and 2023-11-22 — war cabinet');
  });

  it('drops question words and chatter', () => {
    expect(normaliseQuery('What did Qatar do?').text).toBe('did Qatar do');
    expect(normaliseQuery('Did you see this? Biden apparently called the emir').text).toBe('Biden called the emir');
    expect(normaliseQuery('who spoke with the Qatari prime minister every morning').text).toBe('spoke with the Qatari prime minister every morning');
    expect(normaliseQuery('what?').text).toBe('');
  });

  it('keeps what the question asks for as intents', () => {
    expect(queryIntents('How many hostages will be released?')).toEqual(['number']);
    expect(queryIntents('how long is the cease-fire')).toEqual(['duration']);
    expect(queryIntents('How many days did the truce last?')).toEqual(['number', 'duration']);
    expect(queryIntents('who spoke with the Qatari prime minister')).toEqual(['person']);
    expect(queryIntents('When were the Raanans freed?')).toEqual(['date']);
    expect(queryIntents('the hostages who were freed')).toEqual([]); // "who" inside a claim is not a question
    expect(normaliseQuery('**How many** hostages?')).toEqual({ text: 'hostages', intents: ['number'], markdownFree: 'How many hostages?' });
  });

  it('drops a "word" too long to be one', () => {
    expect(normaliseQuery(`Qatar ${'x'.repeat(500)} Doha`).text).toBe('Qatar Doha');
  });
});
