/** The site's own name as a page or its address shows it. */
import { describe, expect, it } from 'vitest';
import { looksLikeBrand, siteFromLink, siteFromNetworkLabel } from '../../../src/ingest/metadata/site-names.ts';

describe('the site a link points to', () => {
  it('is a wire by its name on the wire’s own site, else the host name', () => {
    expect(siteFromLink('https://www.harbourledger.example/2024/03/ferry-talks')).toBe('harbourledger.example');
    expect(siteFromLink('https://m.cedarpost.example/a/1')).toBe('cedarpost.example');
    expect(siteFromLink('https://tass.com/world/1')).toBe('TASS');
    expect(siteFromLink('https://apnews.com/article/x')).toBe('The Associated Press');
  });

  it('is nothing for what is not a web address', () => {
    for (const link of [null, undefined, '', 'not a link', 'ftp://files.example/a', 'http://127.0.0.1/x', 'http://localhost/x'])
      expect(siteFromLink(link), String(link)).toBeNull();
  });
});

describe('a header label naming the network the site belongs to', () => {
  it('names the outlet', () => {
    expect(siteFromNetworkLabel('Home Part of Harbour Press Network')).toBe('Harbour Press Network');
    expect(siteFromNetworkLabel('A member of the Cedar News Group')).toBe('Cedar News Group');
  });

  it('is not a sentence that says "part of"', () => {
    expect(siteFromNetworkLabel('Part of the crews walked out on Monday.')).toBeNull();
    expect(siteFromNetworkLabel('part of the deal')).toBeNull();
  });
});

describe('a brand label above the headline', () => {
  it('is written as brands are: capitals after small letters, or a domain', () => {
    expect(['PortNews Daily', 'dayport.example', 'HarbourFM'].map(looksLikeBrand)).toEqual([true, true, true]);
  });

  it('is not a section name or a surname', () => {
    expect(['Middle East', 'World', 'McAllister', 'Opinion: the port'].map(looksLikeBrand)).toEqual([false, false, false, false]);
  });
});
