/**
 * Reading a text page the way a person does: the header above the first paragraph (headline, sub-heading, byline,
 * date line), the article down to its end, the furniture around it. Pages here are small inventions for the tests.
 */
import { describe, expect, it } from 'vitest';
import { cleanPlainText } from '../../../src/ingest/read/clean-plain-text.ts';

describe('reading the header of a text page', () => {
  it('a short headline under a menu is still the headline, and a standfirst with a full stop is its sub-heading', () => {
    const c = cleanPlainText(
      'Menu\nNews\nWorld\nSport\n\nHarbour talks stall over night shifts\n\nThe crews want a rest day. The board says it cannot pay for one.\n\nBy Jane Roe | Reuters\nMarch 5, 2024\n\nLONDON, March 5 (Reuters) - Talks between the harbour board and ferry crews stalled on Tuesday.\n\nThe board said it would meet again next week.',
    );
    expect([c.title, c.subtitle, c.authors, c.statedDate?.iso, c.outletHint?.outlet, c.reportsOnHint?.outlet, c.dateline?.place]).toEqual([
      'Harbour talks stall over night shifts',
      'The crews want a rest day. The board says it cannot pay for one.',
      ['Jane Roe'],
      '2024-03-05',
      undefined,
      'Reuters',
      'LONDON',
    ]);
    expect(c.paragraphs).toHaveLength(2);
  });

  it('a section label above the headline is not the headline', () => {
    const c = cleanPlainText(
      'World\n\nHarbour talks resume in the capital\n\nThe harbour board and the crews met again on Tuesday, the union said.',
    );
    expect(c.title).toBe('Harbour talks resume in the capital');
    expect(c.dropped).toContainEqual({ text: 'World', reason: 'section label or site name above the headline' });
  });

  it('a two-word headline over short paragraphs stays the headline; the paragraphs stay text', () => {
    const c = cleanPlainText(
      'Deal done\n\nThe strike is over.\n\nCrews return Monday.\n\nThe union said it was pleased with the result of the talks.',
    );
    expect(c.title).toBe('Deal done');
    expect(c.paragraphs).toEqual([
      'The strike is over.',
      'Crews return Monday.',
      'The union said it was pleased with the result of the talks.',
    ]);
  });

  it('a browser tab title "Headline | Site" above the headline names the site', () => {
    const c = cleanPlainText(
      'Harbour deal agreed after strike | Channel Coast Echo\n\nHarbour deal agreed after strike\n\nThe harbour board and the crews agreed a deal on Monday after a three-week strike.',
    );
    expect([c.title, c.outletHint]).toEqual([
      'Harbour deal agreed after strike',
      { outlet: 'Channel Coast Echo', evidence: 'page title "Harbour deal agreed after strike | Channel Coast Echo"' },
    ]);
    expect(c.dropped[0]?.reason).toBe('page title with the site name');
  });

  it('"Updated" and "Published" on one page: the published date counts', () => {
    const c = cleanPlainText(
      'Harbour deal agreed after strike\n\nPublished 4 March 2024\nUpdated 5 March 2024\n\nThe harbour board and the crews agreed a deal on Monday after a three-week strike.',
    );
    expect(c.statedDate).toEqual({ iso: '2024-03-04', evidence: 'date line "Published 4 March 2024"' });
  });

  it('a feed text opening with "date YYYY-MM-DD" states its date', () => {
    expect(cleanPlainText(' date 2024-03-05 The crews met the board on Tuesday and agreed to talk again.').statedDate).toEqual({
      iso: '2024-03-05',
      evidence: 'the text opens with "date 2024-03-05"',
    });
  });
});

describe('reading the body of a text page', () => {
  it('keeps sub-headings and prose list items, drops the byline from the text', () => {
    const c = cleanPlainText(
      'Harbour deal agreed\n\nBy Jane Roe\n\nThe harbour board and crews agreed a deal on Tuesday after a three-week strike.\n\nWhat the crews won\n\n* Crews get one rest day a fortnight.\n* Night shifts are capped at four a week.\n\nThe union will ballot its members next week.',
    );
    expect(c.paragraphs).toEqual([
      'The harbour board and crews agreed a deal on Tuesday after a three-week strike.',
      'What the crews won',
      'Crews get one rest day a fortnight.',
      'Night shifts are capped at four a week.',
      'The union will ballot its members next week.',
    ]);
  });

  it('photo captions and credits in the forms sites print them go', () => {
    const c = cleanPlainText(
      'Image source, Getty Images\nImage caption, Ferry crews walked out in January\n\nFerry talks resume after three-week strike\n\n5 March 2024\n\nFerry crews and the harbour board resumed talks on Tuesday after a three-week strike.\n\nThe board said it was hopeful of a deal by Friday.\n\nMore on this story\nFerry strike: what we know\nWhy crews walked out',
    );
    expect(c.title).toBe('Ferry talks resume after three-week strike');
    expect(c.paragraphs).toEqual([
      'Ferry crews and the harbour board resumed talks on Tuesday after a three-week strike.',
      'The board said it was hopeful of a deal by Friday.',
    ]);
    expect(c.dropped.map((d) => d.reason)).toEqual([
      'photo caption or credit',
      'photo caption or credit',
      'date line',
      'link list heading',
      'link list under "More on this story"',
      'link list under "More on this story"',
    ]);
  });

  it('everything after the end of the article goes, except credit lines, which are kept for the notes', () => {
    const c = cleanPlainText(
      'The board and the crews agreed a deal on Tuesday, the union said.\n\nThe deal runs for two years.\n\nReporting by Jane Roe; Editing by John Doe\n\nAll prices are shown in pounds.\n\nTrending\nHeatwave warnings issued',
    );
    expect(c.paragraphs).toEqual(['The board and the crews agreed a deal on Tuesday, the union said.', 'The deal runs for two years.']);
    expect(c.credits).toEqual(['Reporting by Jane Roe; Editing by John Doe']);
    expect(c.dropped).toContainEqual({ text: 'All prices are shown in pounds.', reason: 'after the end of the article' });
  });

  it('with no byline, the reporters a credit line names are the authors', () => {
    const c = cleanPlainText(
      'The board and the crews agreed a deal on Tuesday, the union said.\n\nThe deal runs for two years.\n\nAnn Lee and Bo Chan contributed to this report.',
    );
    expect([c.authors, c.credits, c.paragraphs.length]).toEqual([
      ['Ann Lee', 'Bo Chan'],
      ['Ann Lee and Bo Chan contributed to this report.'],
      2,
    ]);
    const withByline = cleanPlainText(
      'Harbour deal agreed\n\nBy Jane Roe\n\nThe board and the crews agreed a deal on Tuesday, the union said.\n\nAnn Lee contributed reporting.',
    );
    expect(withByline.authors).toEqual(['Jane Roe']);
  });

  it('a copy that stops mid-sentence: the last paragraph is set aside, never quoted as a sentence', () => {
    const c = cleanPlainText(
      'The board and the crews agreed a deal on Tuesday, the union said.\n\nThe deal runs for two years.\n\nAccording to the union, the crews expect that the board will\n\nTags\nFerries\nStrikes',
    );
    expect(c.paragraphs).toEqual(['The board and the crews agreed a deal on Tuesday, the union said.', 'The deal runs for two years.']);
    expect(c.truncated).toEqual({ text: 'According to the union, the crews expect that the board will' });
  });

  it('trailing teaser headlines of other pages ("…") go; a single "…" ending is a truncated copy', () => {
    const teasers = cleanPlainText(
      'The crews agreed a deal on Tuesday.\nThe board will meet again in May.\nPort traffic rose sharply after the strike ended, with…\nA new ferry will join the fleet next spring, the…',
    );
    expect(teasers.paragraphs).toHaveLength(2);
    expect(teasers.dropped.map((d) => d.reason)).toEqual(['teaser of another article', 'teaser of another article']);
    const cut = cleanPlainText('The crews agreed a deal on Tuesday.\n\nThe board will meet again in May, and the union expects…');
    expect(cut.truncated?.text).toBe('The board will meet again in May, and the union expects…');
  });

  it('a wire story on another site: the site is the outlet, the wire is what it reports on', () => {
    const c = cleanPlainText(
      'Harbour deal agreed after strike\n\nBy Jane Roe, Associated Press\n\nDOVER, England (AP) — The harbour board and the crews agreed a deal on Tuesday.\n\nThe deal runs for two years.\n\nCopyright 2024 The Associated Press. All rights reserved.\n\n© 2024 Channel Coast Echo. All rights reserved.',
    );
    expect([c.outletHint?.outlet, c.reportsOnHint?.outlet, c.authors]).toEqual([
      'Channel Coast Echo',
      'The Associated Press',
      ['Jane Roe'],
    ]);
  });

  it('no byline, date or site: nothing is guessed', () => {
    const c = cleanPlainText(
      'The harbour board met in 2023 and again in March 2024, and talks may resume in May.\n\nThe crews said they would wait.',
    );
    expect([c.title, c.authors, c.statedDate, c.outletHint, c.reportsOnHint, c.dateline]).toEqual([null, [], null, null, null, null]);
  });
});

describe('a masthead line above the headline', () => {
  it('is read as the site name, not taken for the headline', async () => {
    const { cleanRawText } = await import('../../../src/ingest/read/clean-raw-text.ts');
    const page = [
      'The Northgate Chronicle',
      '',
      'Truce talks stall over the order of releases',
      '',
      'By Ada Brenner',
      '',
      'Negotiators broke off for the night without agreeing which detainees would go first, two officials said.',
      '',
      'They plan to meet again in the morning.',
    ].join('\n');
    const cleaned = cleanRawText(page);
    expect(cleaned.title).toBe('Truce talks stall over the order of releases');
    expect(cleaned.subtitle).toBeNull();
    expect(cleaned.outletHint?.outlet).toBe('The Northgate Chronicle');
    expect(cleaned.dropped).toContainEqual({ text: 'The Northgate Chronicle', reason: 'site name (masthead above the headline)' });
  });

  it('is not confused with a short headline that says what happened', async () => {
    const { cleanRawText } = await import('../../../src/ingest/read/clean-raw-text.ts');
    const page = [
      'Talks resume in Doha',
      '',
      'Mediators return after a week-long pause',
      '',
      'Negotiators met again on Monday, the mediators said.',
      '',
      'They expect a long week.',
    ].join('\n');
    expect(cleanRawText(page).title).toBe('Talks resume in Doha');
  });
});

describe('reading what a real page shows, with no flags', () => {
  it('a breadcrumb with the network the site belongs to names the outlet; the headline printed three times is the title once', () => {
    const page = [
      'Home Part of Harbour Press Network',
      'Crews and board agree to end the ferry strike',
      '',
      'Crews and board agree to end the ferry strike',
      '',
      'March 5, 2024 | 3:45 pm ET',
      'By Mira Castell',
      'Crews and board agree to end the ferry strike',
      'DOVER, ENGLAND - MARCH 5: Crew members leave a union meeting in Dover. (Photo by Omar Sandqvist/Harbour Photos)',
      '',
      'DOVER — Ferry crews and the harbour board agreed on Tuesday to end a three-week strike.',
      '',
      'The deal gives crews one rest day a fortnight, the union said.',
    ].join('\n');
    const c = cleanPlainText(page);
    expect([c.title, c.subtitle, c.outletHint?.outlet, c.authors, c.statedDate?.iso, c.dateline?.place]).toEqual([
      'Crews and board agree to end the ferry strike',
      null,
      'Harbour Press Network',
      ['Mira Castell'],
      '2024-03-05',
      'DOVER',
    ]);
    expect(c.paragraphs).toEqual([
      'Ferry crews and the harbour board agreed on Tuesday to end a three-week strike.',
      'The deal gives crews one rest day a fortnight, the union said.',
    ]);
  });

  it('an author box with the photo text and a follow button gives the author and the date', () => {
    const c = cleanPlainText(
      ' date 2024-03-05 Ferry strike ends after three weeks\n\nPhoto of Mira Castell Mira Castell Follow on Twitter |   Published: 5th March 2024 11:07 pm IST\n\nFerry crews agreed on Tuesday to end their strike.\n\nThe board will meet the union again in May.',
    );
    expect([c.authors, c.title]).toEqual([['Mira Castell'], 'Ferry strike ends after three weeks']);
  });

  it('a date line with the clock’s country after the time is the date line', () => {
    const c = cleanPlainText(
      'Ferry strike ends after three weeks\nTuesday 5 March 2024 22:22, UK\nFerry crews agreed on Tuesday to end their strike.\nThe board will meet the union again in May.',
    );
    expect(c.statedDate).toEqual({ iso: '2024-03-05', evidence: 'date line "Tuesday 5 March 2024 22:22, UK"' });
  });

  it('adverts inside the article go; a sub-heading that shares the words of its text stays', () => {
    const page =
      'Ferry crews agreed on Tuesday to end their strike.\n\nCastell Bakery Instagram\n\nThe board will pay crews for one rest day a fortnight.\n\nSecond phase\n\nIn the second phase, the board will hire forty more crew members.\n\nCity Language Academy\n\nThe union will ballot its members next week.';
    const c = cleanPlainText(page);
    expect(c.paragraphs).toEqual([
      'Ferry crews agreed on Tuesday to end their strike.',
      'The board will pay crews for one rest day a fortnight.',
      'Second phase',
      'In the second phase, the board will hire forty more crew members.',
      'The union will ballot its members next week.',
    ]);
    expect(c.dropped.filter((d) => d.reason.startsWith('advert')).map((d) => d.text)).toEqual([
      'Castell Bakery Instagram',
      'City Language Academy',
    ]);
  });

  it('a copy cut off mid-sentence keeps the complete sentences of its last paragraph; only the unfinished one goes', () => {
    const c = cleanPlainText(
      'Ferry crews agreed on Tuesday to end their strike.\n\n“We are going back,” the union leader said. “The board has given us what we asked for. Now it is up to the crews to”',
    );
    expect(c.paragraphs).toEqual(['Ferry crews agreed on Tuesday to end their strike.', '“We are going back,” the union leader said.']);
    expect(c.truncated).toEqual({ text: '“The board has given us what we asked for. Now it is up to the crews to”' });
  });

  it('a credit at the end of the article ("– AFP") is what the page reports on, and leaves the quote', () => {
    const c = cleanPlainText('Ferry crews agreed on Tuesday to end their strike.\n\nThe union will ballot its members next week. – AFP');
    expect([c.outletHint, c.reportsOnHint?.outlet, c.paragraphs.at(-1)]).toEqual([
      null,
      'Agence France-Presse',
      'The union will ballot its members next week.',
    ]);
  });

  it('a brand label above the headline is the site', () => {
    const c = cleanPlainText(
      'PortNews Daily\n\nFerry strike ends after three weeks\n\nFerry crews agreed on Tuesday to end their strike.\n\nThe board will meet the union again in May.',
    );
    expect([c.title, c.outletHint?.outlet]).toEqual(['Ferry strike ends after three weeks', 'PortNews Daily']);
  });

  it('a dateline crediting an outlet that is no agency names the outlet; the quote starts after it', () => {
    const c = cleanPlainText(
      'CALAIS (Harbour Ledger) — Ferry crews agreed on Tuesday to end their strike.\n\nThe board will meet the union again in May.',
    );
    expect([c.outletHint?.outlet, c.reportsOnHint, c.paragraphs[0]]).toEqual([
      'Harbour Ledger',
      null,
      'Ferry crews agreed on Tuesday to end their strike.',
    ]);
  });

  it('with the page’s link known, its site is the outlet and the wire credited is what it reports on', async () => {
    const { prepareSource } = await import('../../../src/ingest/ingest-source.ts');
    const page =
      'By AFP\n\nDOVER (AFP) - Ferry crews agreed on Tuesday to end their strike.\n\nThe board will meet the union again in May.';
    const without = prepareSource(page, 'page.txt', {}).meta;
    const withLink = prepareSource(page, 'page.txt', { url: 'https://www.harbourledger.example/2024/03/strike' }).meta;
    expect([without.outlet, without.reports_on]).toEqual([null, 'Agence France-Presse']);
    expect([withLink.outlet, withLink.reports_on, withLink.url]).toEqual([
      'harbourledger.example',
      'Agence France-Presse',
      'https://www.harbourledger.example/2024/03/strike',
    ]);
  });
});

describe('the lead a dateline opens', () => {
  it('makes the short paragraph above it the standfirst, not the article', () => {
    const c = cleanPlainText(
      ' date 2024-03-05 Ferry strike ends after three weeks\n\nThe union said crews would be back at work on Wednesday.\n\nDOVER (Agencies) - Ferry crews agreed on Tuesday to end their strike.\n\nThe board will meet the union again in May.',
    );
    expect([c.title, c.subtitle, c.paragraphs[0], c.reportsOnHint?.outlet]).toEqual([
      'Ferry strike ends after three weeks',
      'The union said crews would be back at work on Wednesday.',
      'Ferry crews agreed on Tuesday to end their strike.',
      'Agencies',
    ]);
  });

  it('leaves a page alone whose dateline comes after long paragraphs', () => {
    const long = `The union ${'and the board '.repeat(30)}met again.`;
    const c = cleanPlainText(`${long}\n\nDOVER (AP) — Ferry crews agreed on Tuesday to end their strike.`);
    expect(c.paragraphs[0]).toBe(long);
  });
});
