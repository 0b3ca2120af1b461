/**
 * Saved HTML pages: the article comes from Readability, the metadata from the page's structure first (JSON-LD,
 * og:/article: tags), then Readability, then the visible text. Pages here are small inventions for the tests.
 */
import { describe, expect, it } from 'vitest';
import { cleanHtml, looksLikeHtml } from '../../../src/ingest/read/clean-html.ts';

const PARAGRAPHS = [
  'The harbour board and the ferry crews agreed on Tuesday to a night timetable, ending a dispute that had lasted most of the winter.',
  'Under the deal, the first night crossing will leave at midnight on Monday and the last at five in the morning, the board said.',
  'Crew representatives said they had won an extra rest day each fortnight, which had been their main demand since the autumn.',
  'The island council welcomed the agreement and said it would review the timetable after three months of night sailings.',
];
const body = (extra = '') => PARAGRAPHS.map((p, i) => `<p>${p}</p>${i === 1 ? extra : ''}`).join('\n');

describe('reading metadata from an HTML page', () => {
  it('JSON-LD first: @graph, arrays of types, @id references, an agency as author', () => {
    const html = `<!doctype html><html><head><title>Night crossings agreed – Island Courier</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"Organization","@id":"#org","name":"Island Courier"},
        {"@type":["ReportageNewsArticle","NewsArticle"],"headline":"Night crossings agreed after winter dispute","datePublished":"2025-03-11T22:40:00-01:00",
         "author":[{"@type":"Organization","name":"AFP"}],"publisher":{"@id":"#org"},"mainEntityOfPage":{"@id":"https://courier.example/night-crossings"}}]}</script>
      </head><body><div class="post">${body()}</div></body></html>`;
    const cleaned = cleanHtml(html);
    expect(cleaned.title).toBe('Night crossings agreed after winter dispute');
    expect(cleaned.statedDate).toEqual({
      iso: '2025-03-11',
      evidence: 'JSON-LD ReportageNewsArticle datePublished "2025-03-11T22:40:00-01:00"',
    });
    expect(cleaned.authors).toEqual([]);
    expect(cleaned.outletHint?.outlet).toBe('Island Courier');
    expect(cleaned.reportsOnHint?.outlet).toBe('Agence France-Presse');
    expect(cleaned.url).toBe('https://courier.example/night-crossings');
    expect(cleaned.paragraphs).toEqual(PARAGRAPHS);
  });

  it('then og: and article: tags, a comma-separated author, the canonical link; a "| Site" suffix is not the headline', () => {
    const html = `<html><head>
      <meta property="og:title" content="Night crossings agreed | Island Courier"><meta property="og:site_name" content="Island Courier">
      <meta property="article:published_time" content="2025-03-11T09:00:00+00:00"><meta name="author" content="Ines Varga, Pal Nemeth">
      <link rel="canonical" href="https://courier.example/a/1"></head><body><article>${body()}</article></body></html>`;
    const cleaned = cleanHtml(html);
    expect([
      cleaned.title,
      cleaned.authors,
      cleaned.statedDate?.iso,
      cleaned.statedDate?.evidence,
      cleaned.outletHint?.outlet,
      cleaned.url,
    ]).toEqual([
      'Night crossings agreed',
      ['Ines Varga', 'Pal Nemeth'],
      '2025-03-11',
      'meta article:published_time "2025-03-11T09:00:00+00:00"',
      'Island Courier',
      'https://courier.example/a/1',
    ]);
  });

  it('then what the page shows: the <h1>, a visible byline and date line, a copyright footer', () => {
    const html = `<html><head><title>Courier</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
      <article><h1>Night crossings agreed</h1><p class="byline">By Ines Varga</p><p>Published: Tue 11 Mar 2025</p>${body()}</article>
      <footer><p>© 2025 Island Courier. All rights reserved.</p></footer></body></html>`;
    const cleaned = cleanHtml(html);
    expect([cleaned.title, cleaned.authors, cleaned.statedDate?.iso, cleaned.outletHint?.outlet]).toEqual([
      'Night crossings agreed',
      ['Ines Varga'],
      '2025-03-11',
      'Island Courier',
    ]);
    expect(cleaned.statedDate?.evidence).toContain('Published: Tue 11 Mar 2025');
    expect(cleaned.paragraphs).toEqual(PARAGRAPHS);
  });

  it('leaves unknown what the page does not state', () => {
    const cleaned = cleanHtml(`<html><body><article>${body()}</article></body></html>`);
    expect([cleaned.title, cleaned.authors, cleaned.statedDate, cleaned.outletHint, cleaned.reportsOnHint, cleaned.url]).toEqual([
      null,
      [],
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('reading the article body of an HTML page', () => {
  it('decodes entities through the DOM', () => {
    const html = `<html><head><meta property="og:title" content="Crews&rsquo; deal &amp; the board"></head><body><article>
      <p>The board&rsquo;s chair called it &#8220;a fair deal&#8221; &mdash; and the crews agreed.</p>${body()}</article></body></html>`;
    const cleaned = cleanHtml(html);
    expect(cleaned.title).toBe('Crews’ deal & the board');
    expect(cleaned.paragraphs[0]).toBe('The board’s chair called it “a fair deal” — and the crews agreed.');
  });

  it('drops captions, ads, share bars and link lists inside <article>; keeps list items that are prose', () => {
    const inside = `<figure><img src="x.jpg"><figcaption>Crews at the quay on Tuesday. Photo: Ann Lee / Island Courier</figcaption></figure>
      <div class="share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Copy link</a></div>
      <div class="ad">Advertisement</div>
      <ul><li>The first night crossing leaves at midnight on Monday, the board said.</li><li>Crews get an extra rest day each fortnight under the deal.</li></ul>
      <aside><h3>Related</h3><ul><li><a href="/1">Winter of the ferry strike</a></li><li><a href="/2">Who runs the harbour board?</a></li></ul></aside>`;
    const cleaned = cleanHtml(
      `<html><head><meta property="og:title" content="Night crossings agreed"></head><body><article><h1>Night crossings agreed</h1>${body(inside)}</article></body></html>`,
    );
    const kept = cleaned.paragraphs.join('\n');
    for (const junk of [
      'Photo: Ann Lee',
      'Facebook',
      'Copy link',
      'Advertisement',
      'Winter of the ferry strike',
      'Who runs the harbour board?',
      'Related',
    ])
      expect(kept, junk).not.toContain(junk);
    expect(cleaned.paragraphs).toContain('Crews get an extra rest day each fortnight under the deal.');
    expect(cleaned.paragraphs).not.toContain('Night crossings agreed');
  });

  it('takes a marked standfirst as the sub-heading, out of the body', () => {
    const html = `<html><head><meta property="og:title" content="Night crossings agreed"></head><body><article><header><h1>Night crossings agreed</h1>
      <p class="standfirst">Crews win an extra rest day as the winter dispute ends</p></header>${body()}</article></body></html>`;
    const cleaned = cleanHtml(html);
    expect(cleaned.subtitle).toBe('Crews win an extra rest day as the winter dispute ends');
    expect(cleaned.paragraphs).toEqual(PARAGRAPHS);
  });

  it('reports the lines outside the article with a reason each', () => {
    const html = `<html><body><a href="#main">Skip to content</a><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
      <article>${body()}</article><div class="newsletter">Sign up for our daily briefing</div><footer><p>© 2025 Island Courier. All rights reserved.</p><a href="#top">Back to top</a></footer></body></html>`;
    const reasons = Object.fromEntries(cleanHtml(html).dropped.map((d) => [d.text, d.reason]));
    expect(reasons).toMatchObject({
      'Skip to content': 'skip link',
      'Sign up for our daily briefing': 'newsletter prompt',
      '© 2025 Island Courier. All rights reserved.': 'copyright line',
      'Back to top': 'back-to-top link',
    });
    expect(reasons.News).toMatch(/navigation|menu/);
  });

  it('knows an HTML page from plain text', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body></body></html>')).toBe(true);
    expect(looksLikeHtml('The crews met on Tuesday.\n\nThey agreed.')).toBe(false);
  });
});
