import { describe, expect, it } from 'vitest';
import { normaliseQuery, queryIntents, stripMarkdown } from '../../src/search/query.ts';

describe('reading a question as people type it', () => {
  it('strips Discord markdown, mentions, links and emoji, keeping the words', () => {
    expect(stripMarkdown('**Qatar** _mediation_ __talks__ ~~no~~ `code` ||spoiler||')).toBe('Qatar mediation talks no code spoiler');
    expect(stripMarkdown('> quoted line\n- a bullet\n# Heading')).toBe('quoted line\na bullet\nHeading');
    expect(
      stripMarkdown('[the AP story](https://apnews.com/x) <@123> <@&456> <#789> <:qatar:112233> :flag_qa: 🇶🇦 😀 https://t.co/abc'),
    ).toBe('the AP story');
    expect(stripMarkdown('Al_Thani and 2023-11-22 — war cabinet')).toBe('Al_Thani and 2023-11-22 — war cabinet');
  });

  it('drops question words and chatter', () => {
    expect(normaliseQuery('What did Qatar do?').text).toBe('did Qatar do');
    expect(normaliseQuery('Did you see this? Biden apparently called the emir').text).toBe('Biden called the emir');
    expect(normaliseQuery('who spoke with the Qatari prime minister every morning').text).toBe(
      'spoke with the Qatari prime minister every morning',
    );
    expect(normaliseQuery('what?').text).toBe('');
  });

  it('keeps what the question asks for as intents', () => {
    expect(queryIntents('How many hostages will be released?')).toEqual(['number', 'planned']);
    expect(queryIntents('how long is the cease-fire')).toEqual(['duration']);
    expect(queryIntents('How many days did the truce last?')).toEqual(['number', 'duration', 'happened']);
    expect(queryIntents('who spoke with the Qatari prime minister')).toEqual(['person']);
    expect(queryIntents('When were the Raanans freed?')).toEqual(['date', 'happened']);
    expect(queryIntents('the hostages who were freed')).toEqual([]); // "who" inside a claim is not a question
  });

  it('strips talk about the talk and keeps the claim', () => {
    const text = (q: string) => normaliseQuery(q).text;
    expect(text('someone said the board fired the harbour master, is that true?')).toBe('the board fired the harbour master,');
    expect(text('I keep reading different versions of this, so which is right? when did the strike end')).toBe('did the strike end');
    expect(text('my neighbour says the ferry crews went back on Monday')).toBe('the ferry crews went back on Monday');
    expect(text('can someone find a source for this? the union signed the deal')).toBe('the union signed the deal');
    expect(text('people are saying that the crews lost a week of pay')).toBe('the crews lost a week of pay');
    expect(text('not trying to start a fight, just want a source: did the board pay the crews')).toBe('did the board pay the crews');
  });

  it('tells a question about what happened from one about what was planned', () => {
    expect(queryIntents('how many hostages were freed in the first stage')).toEqual(['number', 'happened']);
    expect(queryIntents('how many hostages will be freed in the first stage')).toEqual(['number', 'planned']);
    expect(queryIntents('how many hostages were to be freed in the first stage')).toEqual(['number', 'planned']);
    expect(queryIntents('what did the board offer')).toEqual(['happened']);
    expect(normaliseQuery('**How many** hostages?')).toEqual({ text: 'hostages', intents: ['number'], markdownFree: 'How many hostages?' });
  });

  it('drops a "word" too long to be one', () => {
    expect(normaliseQuery(`Qatar ${'x'.repeat(500)} Doha`).text).toBe('Qatar Doha');
  });
});
