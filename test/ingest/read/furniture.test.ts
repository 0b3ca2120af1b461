/**
 * The furniture classifier: lines a reader skips, each with a reason — and article lines that merely start with a
 * furniture word, which must stay.
 */
import { describe, expect, it } from 'vitest';
import {
  captionGluedOn,
  furnitureReason,
  isArticleEnd,
  isDatedCaption,
  isLinkListHeading,
  withoutPhotoCredit,
} from '../../../src/ingest/read/furniture-lines.ts';
import { markFurniture } from '../../../src/ingest/read/furniture-in-context.ts';
import { textUnits } from '../../../src/ingest/read/text-units.ts';

describe('furniture, judged line by line', () => {
  it.each([
    ['Skip to main content', 'skip link'],
    ['Share', 'share, save or social button'],
    ['Copy link', 'share, save or social button'],
    ['Link copied', 'share, save or social button'],
    ['Advertisement', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['Advertisement · Scroll to continue', 'advertisement'],
    ['Photo: Hasan Darwish / Reuters', 'photo caption or credit'],
    ['Image: Getty Images', 'photo caption or credit'],
    ['A woman holds a photograph of a relative during a vigil in Tel Aviv. (AP Photo/Jonah Brill)', 'photo caption or credit'],
    [
      'Palestinians wait for flour in Rafah. Photo by Yusuf Daoud Follow on Twitter | Published 16 Jan 2025 14:10 GMT',
      'photo caption or credit',
    ],
    ['Mourners gather in Tehran after the death was announced. (AFP)', 'photo caption or credit'],
    ['Photo of the prime minister in Doha. Follow on Twitter | Published 13 Mar 2025', 'photo caption or credit'],
    ['Sign up for our daily briefing', 'newsletter prompt'],
    ['Get the top stories from the Gulf in your inbox every morning.', 'newsletter prompt'],
    ['Privacy Notice: Newsletters we send may include sponsored messages from our partners.', 'newsletter prompt'],
    ['We use cookies to improve your experience. Read our cookie policy.', 'cookie or privacy prompt'],
    ['Accept all', 'cookie or privacy prompt'],
    ['124 comments', 'comment count or prompt'],
    ['Comments (57)', 'comment count or prompt'],
    ['© 2024 Gulf Dispatch. All rights reserved.', 'copyright line'],
    ['Copyright 2023. All rights reserved.', 'copyright line'],
    ['Terms of Use | Privacy Policy | Accessibility', 'footer link'],
    ['Back to top button', 'back-to-top link'],
    ['Listen to this article 5 min', 'reading time or audio player'],
    ['4 min read', 'reading time or audio player'],
    ['Topics: Gaza, Hamas, Qatar, Israel', 'topic tags'],
    ['Related: What is in the Israeli proposal, and what is still missing', 'link to another article'],
    ['Read more', 'link list heading'],
    ['[Levant Courier logo]', 'image or button placeholder'],
    ['Subscribe  |  Log in', 'sign-in or subscription prompt'],
    ['Updated [hour]:[minute] [AMPM] [timezone], [monthFull] [day], [year]', 'timestamp template never filled in'],
    ['Ferry crews leave the quay in Dover after the vote. Credit: AP', 'photo caption or credit'],
    ['Crews march to the harbour office on the second day of the strike [Getty]', 'photo caption or credit'],
    ['Union leaders meet the board. (credit: HARBOUR PHOTO AGENCY)', 'photo caption or credit'],
    ['Dock workers wait outside the depot on the fourth day of the strike. Photo: Reuters', 'photo caption or credit'],
    [
      'The union leader speaks to crews at the quay, Tuesday, March 5, 2024, in Dover. The strike entered its third week.',
      'photo caption or credit',
    ],
    ['Please follow and like us:', 'share, save or social button'],
    ['Share this: Facebook', 'share, save or social button'],
    ['Follow us on Google News', 'share, save or social button'],
    ['Follow live: Ferry strike latest', 'link to another article'],
    ['Live updates: the harbour talks', 'link to another article'],
  ])('"%s" → %s', (line, reason) => {
    expect(furnitureReason(line)).toBe(reason);
  });

  it.each([
    'Share of aid trucks carrying fuel and cooking gas rose during the pause, officials said.',
    'Related talks in Cairo, on how the Rafah crossing would be managed, were left in limbo.',
    'World leaders welcomed the proposal.',
    'Advertisement agencies in Tel Aviv ran campaigns for the hostages’ families.',
    'Print shops in Ramallah stayed open through the night.',
    'More than 20 leaders were expected at the resort.',
    'Comments by the Qatari prime minister drew an angry reply.',
    'Ramadan is expected to begin around March 10, and officials said a deal may be harder to reach.',
    'Copyright disputes were not on the agenda, a diplomat joked.',
    'Photographs of the hostages were shown at the rally on Saturday.',
    'Photo of the meeting was released by the prime minister’s office on Sunday.',
    'Captured soldiers',
    'The union said on Tuesday, March 5, 2024, that crews would return.',
    'Follow the money, the union leader told the crews.',
    'The board met the union leaders for three hours on Monday, and both sides said they would meet again. The crews stayed out. Credits for the lost days will be paid, the board said. Credit: AP',
  ])('keeps "%s"', (line) => {
    expect(furnitureReason(line)).toBeNull();
  });

  it('reads a photo credit off the end of a caption', () => {
    expect(withoutPhotoCredit('Crews wait at the quay. Credit: AP')).toBe('Crews wait at the quay.');
    expect(withoutPhotoCredit('Crews wait at the quay (credit: PORT PHOTOS)')).toBe('Crews wait at the quay');
    expect(withoutPhotoCredit('Crews wait at the quay [Getty]')).toBe('Crews wait at the quay');
    expect(withoutPhotoCredit('The crews said they had no credit left.')).toBeNull();
  });

  it('takes a caption glued onto a paragraph off it, and keeps the paragraph’s sentences', () => {
    expect(
      captionGluedOn('The board brought its own figures to the talks. (L-R) The union leader; the harbour master (credit: PORT PHOTOS)'),
    ).toEqual({
      text: 'The board brought its own figures to the talks.',
      caption: '(L-R) The union leader; the harbour master (credit: PORT PHOTOS)',
    });
    expect(captionGluedOn('The board brought its own figures to the talks.')).toBeNull();
    expect(captionGluedOn('The union leader at the quay (credit: PORT PHOTOS)')).toBeNull();
  });

  it('tells an agency caption’s date from a sentence that dates an event', () => {
    expect(isDatedCaption('The union leader speaks at the quay, Tuesday, March 5, 2024, in Dover.')).toBe(true);
    expect(isDatedCaption('The union said on Tuesday, March 5, 2024, that crews would return.')).toBe(false);
  });

  it('knows the headings of link lists and the lines that end an article', () => {
    expect(isLinkListHeading('More from the Prairie Evening Post')).toBe(true);
    expect(isLinkListHeading('Related talks in Cairo resumed.')).toBe(false);
    for (const end of ['——', '© 2025 Levant Courier. All rights reserved.', 'Tags', 'Topics: Gaza, Hamas'])
      expect(isArticleEnd(end), end).toBe(true);
    expect(isArticleEnd('Talks resumed on Monday.')).toBe(false);
  });
});

describe('furniture, judged in context', () => {
  const reasons = (text: string): Record<string, string | null> => {
    const units = textUnits(text);
    return Object.fromEntries(markFurniture(units, () => false).map((r, i) => [units[i]?.text ?? '', r]));
  };

  it('a run of short labels is a menu, but a lone sub-heading between paragraphs stays', () => {
    const r = reasons(
      'Home\nWorld\nBusiness\nMarkets\n\nQatar said the talks would resume on Monday in Doha.\n\nCaptured soldiers\n\nHamas has said it will not free soldiers yet.',
    );
    expect([r.World, r.Business, r.Markets]).toEqual(Array(3).fill('navigation menu or section list'));
    expect(r['Captured soldiers']).toBeNull();
  });

  it('the lines under "Related" are links up to the next paragraph of prose; questions are link titles too', () => {
    const r = reasons(
      'Related\nWho was the envoy?\nIran vows revenge after the strike\nNegotiators met in Rome only days earlier to narrow the gaps.',
    );
    expect(r['Who was the envoy?']).toBe('link list under "Related"');
    expect(r['Iran vows revenge after the strike']).toBe('link list under "Related"');
    expect(r['Negotiators met in Rome only days earlier to narrow the gaps.']).toBeNull();
  });

  it('a blank line ends a link list', () => {
    const r = reasons('Read more\nTimeline: the talks so far\n\nIn Tel Aviv relatives gathered in the square\n\nThe cabinet met late.');
    expect(r['Timeline: the talks so far']).toBe('link list under "Read more"');
    expect(r['In Tel Aviv relatives gathered in the square']).toBeNull();
  });

  it('a line without punctuation beside "Image: Getty Images" is its caption', () => {
    const r = reasons(
      'The mediators met in Paris on Friday.\nImage: Getty Images\nProtesters in Tel Aviv call for the return of the hostages\nThe framework would pause the fighting for six weeks.',
    );
    expect(r['Protesters in Tel Aviv call for the return of the hostages']).toBe('photo caption');
    expect(r['The framework would pause the fighting for six weeks.']).toBeNull();
  });

  it('a bulleted label is a menu entry; a bulleted sentence may be article text', () => {
    const r = reasons('   * World\n   * Politics\n\n   * Hamas is to free 33 hostages in the first phase of the deal.');
    expect(r.World).toBe('menu or list item');
    expect(r['Hamas is to free 33 hostages in the first phase of the deal.']).toBeNull();
  });
});
