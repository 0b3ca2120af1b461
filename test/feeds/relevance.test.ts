/**
 * The relevance test a followed feed's items pass before moderators see them: stated topic words and the names the
 * corpus knows, at least two of each, in the headline and the first paragraphs. The articles are written for these
 * tests; the measurement on real pages is in docs/feeds.md (`npm run eval:relevance`).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_RELEVANCE, judgeRelevance, LEAD_PARAGRAPHS } from '../../src/feeds/relevance.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const knowledge = bundledKnowledge();
const judge = (title: string, paragraphs: string[], min = DEFAULT_MIN_RELEVANCE) => judgeRelevance(knowledge, { title, paragraphs }, min);

describe('judgeRelevance', () => {
  it('finds an article on the talks relevant, and says why', () => {
    const judged = judge('Mediators push for longer truce', [
      'Qatari mediators said on Monday that Hamas and Israel were weighing a two-day extension of the truce in Gaza.',
      'The extension would allow the release of more hostages in exchange for Palestinian prisoners, an official said.',
    ]);
    expect(judged.relevant).toBe(true);
    expect(judged.topicWords).toEqual(expect.arrayContaining(['mediator', 'truce', 'release', 'hostage', 'exchange', 'prisoner']));
    expect(judged.names).toEqual(expect.arrayContaining(['Hamas', 'Israel', 'Gaza']));
    expect(judged.reason).toBe(
      `relevance ${judged.relevance} (needs 6): topic words ${judged.topicWords.slice(0, 6).join(', ')}${judged.topicWords.length > 6 ? ` and ${judged.topicWords.length - 6} more` : ''}; names ${judged.names.slice(0, 6).join(', ')}${judged.names.length > 6 ? ` and ${judged.names.length - 6} more` : ''}`,
    );
  });

  it('leaves out a story with names but no topic, and one with the topic but none of the corpus’s names', () => {
    const sport = judge('Doha hosts the regional swimming cup', ['Swimmers from Qatar, Egypt and Israel raced in Doha on Friday night.']);
    expect(sport).toMatchObject({ relevant: false, topicWords: [] });
    expect(sport.reason).toMatch(/\): no topic words; names /);
    const elsewhere = judge('Prisoner swap ends long captivity', [
      'Two neighbouring countries released dozens of detainees in a prisoner exchange on Tuesday after talks brokered by a third state.',
    ]);
    expect(elsewhere).toMatchObject({ relevant: false, names: [] });
    expect(elsewhere.relevance).toBeGreaterThanOrEqual(DEFAULT_MIN_RELEVANCE);
  });

  it('does not count news outlets as names, nor a word met again', () => {
    const judged = judge('Hostage hostage hostage', [
      'Reuters and CNN reported that hostage talks with Hamas resumed, according to Al Jazeera.',
    ]);
    expect(judged.names).toEqual(['Hamas']);
    expect(judged.topicWords).toEqual(['hostage', 'talks']);
  });

  it('reads only the headline and the first paragraphs, and the minimum is the server’s', () => {
    const filler = Array.from({ length: LEAD_PARAGRAPHS }, (_, i) => `Paragraph ${i} is about the weather.`);
    const late = judge('Weather', [...filler, 'Hamas, Israel and Qatar discussed a ceasefire and the release of hostages.']);
    expect(late.relevance).toBe(0);
    const text = ['Hamas and Israel discussed a ceasefire and the release of hostages.'];
    expect(judge('Talks', text).relevant).toBe(true);
    expect(judge('Talks', text, 20).relevant).toBe(false);
  });
});
