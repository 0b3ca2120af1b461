/**
 * Reading a feed into the items a moderator may want as sources, in every format a news site serves, and finding the
 * feed a site's page announces. The feeds here are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { FeedError, feedLinksIn, MAX_ITEMS, readFeed } from '../../../src/ingest/feeds/read-feed.ts';

const BASE = 'https://news.example.org/world/rss.xml';

describe('readFeed', () => {
  it('reads RSS 2.0: guid as the key, links resolved against the feed, summary as plain text, the day in UTC', () => {
    const feed = readFeed(
      `<?xml version="1.0" encoding="utf-8"?>
      <rss version="2.0"><channel><title>World &amp; more</title>
        <item><title>Talks resume in Doha</title><link>/world/talks-resume</link><guid isPermaLink="false">item-1</guid>
          <pubDate>Mon, 04 Dec 2023 23:30:00 -0500</pubDate><description>&lt;p&gt;Mediators &lt;b&gt;met&lt;/b&gt; again.&lt;/p&gt;</description></item>
        <item><title>No link here</title><guid isPermaLink="false">item-2</guid></item>
        <item><title>Permalink guid</title><guid>https://news.example.org/world/permalink</guid></item>
      </channel></rss>`,
      BASE,
    );
    expect(feed).toEqual({
      format: 'rss',
      title: 'World & more',
      items: [
        {
          key: 'item-1',
          link: 'https://news.example.org/world/talks-resume',
          title: 'Talks resume in Doha',
          published: '2023-12-05',
          summary: 'Mediators met again.',
        },
        {
          key: 'https://news.example.org/world/permalink',
          link: 'https://news.example.org/world/permalink',
          title: 'Permalink guid',
          published: null,
          summary: null,
        },
      ],
    });
  });

  it('reads Atom: the alternate link, the id as the key, published before updated', () => {
    const feed = readFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom news</title><id>urn:x</id><updated>2024-01-02T00:00:00Z</updated>
        <entry><title>Truce extended</title><id>urn:x:1</id>
          <link rel="self" href="https://news.example.org/api/1"/><link rel="alternate" href="https://news.example.org/truce"/>
          <published>2023-11-27T20:00:00Z</published><updated>2023-11-28T08:00:00Z</updated><summary>Two more days.</summary></entry>
      </feed>`,
      BASE,
    );
    expect(feed.format).toBe('atom');
    expect(feed.items).toEqual([
      {
        key: 'urn:x:1',
        link: 'https://news.example.org/truce',
        title: 'Truce extended',
        published: '2023-11-27',
        summary: 'Two more days.',
      },
    ]);
  });

  it('reads JSON Feed and RSS 1.0 (RDF)', () => {
    const json = readFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON news',
        items: [
          { id: 7, url: 'https://news.example.org/j', title: 'J', date_published: '2024-02-01T10:00:00+02:00', content_text: 'Text.' },
        ],
      }),
      BASE,
    );
    expect(json.items).toEqual([{ key: '7', link: 'https://news.example.org/j', title: 'J', published: '2024-02-01', summary: 'Text.' }]);
    const rdf = readFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://news.example.org/"><title>RDF news</title><link>https://news.example.org/</link></channel>
        <item rdf:about="https://news.example.org/r"><title>R</title><link>https://news.example.org/r</link><dc:date>2024-03-01T00:00:00Z</dc:date></item>
      </rdf:RDF>`,
      BASE,
    );
    expect(rdf.format).toBe('rdf');
    expect(rdf.items.map((i) => [i.link, i.published])).toEqual([['https://news.example.org/r', '2024-03-01']]);
  });

  it('keeps one item per key, skips links that are not http(s), and takes at most MAX_ITEMS', () => {
    const items = Array.from(
      { length: MAX_ITEMS + 5 },
      (_, i) => `<item><link>https://news.example.org/${i % (MAX_ITEMS + 2)}</link></item>`,
    );
    const feed = readFeed(
      `<rss version="2.0"><channel><title>T</title><item><link>javascript:alert(1)</link></item>${items.join('')}</channel></rss>`,
      BASE,
    );
    expect(feed.items).toHaveLength(MAX_ITEMS);
    expect(new Set(feed.items.map((i) => i.key)).size).toBe(MAX_ITEMS);
    expect(feed.items[0]?.link).toBe('https://news.example.org/0');
  });

  it('refuses what is not a feed, without repeating it', () => {
    for (const body of ['<html><body>@everyone hello</body></html>', 'plain words', '{"not": "a feed"', '{"items": 3}', '']) {
      expect(() => readFeed(body, BASE)).toThrow(FeedError);
    }
    expect(() => readFeed('<html><body>@everyone</body></html>', BASE)).toThrow(
      'That address does not give a feed the bot can read (RSS, Atom or JSON Feed).',
    );
  });
});

describe('feedLinksIn', () => {
  it('finds the feeds a page announces, in order, resolved, once each; other alternates are not feeds', () => {
    const html = `<html><head>
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/rss+xml" title="World" href="/world/rss.xml">
      <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://feeds.example.org/atom">
      <link rel="alternate" type="application/rss+xml" href="/world/rss.xml">
      <link rel="alternate" type="application/json" href="/api.json">
      <link rel="alternate" type="application/feed+json" href="javascript:void(0)">
    </head><body></body></html>`;
    expect(feedLinksIn(html, 'https://news.example.org/world/')).toEqual([
      'https://news.example.org/world/rss.xml',
      'https://feeds.example.org/atom',
    ]);
    expect(feedLinksIn('<p>no head</p>', 'https://news.example.org/')).toEqual([]);
  });
});
