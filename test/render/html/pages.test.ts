/**
 * What a reader sees on the pages, read from the HTML the bot serves: every source with its attribution, an article
 * with each passage anchored by its id and the quoted one marked, the timeline with links to each statement's
 * passage — and nothing a source says ever turned into markup.
 */
import { describe, expect, it } from 'vitest';
import { timelineOrder } from '../../../src/answers/timeline.ts';
import { passagePath } from '../../../src/render/html/page-links.ts';
import { renderSourcePage } from '../../../src/render/html/source-page.ts';
import { renderSourcesPage, SOURCES_PER_PAGE } from '../../../src/render/html/sources-page.ts';
import { renderTimelinePage, TIMELINE_ALT } from '../../../src/render/html/timeline-page.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { ARABIC, COPY_ID, HOSTILE_ID, hostileKnowledge } from './hostile-corpus.ts';

const AP = 'ap-how-the-hostage-deal-came-about';

describe('/sources', () => {
  const page = renderSourcesPage(bundledKnowledge(), { page: 1 });

  it('lists every source with outlet, authors, date and how the date is known, linking to its page', () => {
    for (const s of bundledKnowledge().corpus.sources) expect(page).toContain(`<a href="/sources/${s.id}">`);
    expect(page).toContain(
      'The Associated Press · Colleen Long, Seung Min Kim, Sam Magdy, Julia Frankel · <time datetime="2023-11-22">2023-11-22</time>',
    );
    expect(page).toContain('<time datetime="2023-11-22">2023-11-22</time> (date inferred) · 34 passages');
    expect(page).toMatch(
      /<details><summary>How the date is known<\/summary><p dir="auto">date inferred: The page&#39;s timestamp template/,
    );
    // what a source does not show is left out, not stood for by "Unknown outlet · no byline"
    expect(page).not.toMatch(/Unknown outlet|no byline/);
    expect(page).toContain('<p dir="auto">retold from CNN · <time datetime="2024-03-22">');
    expect(page).toMatch(/<p dir="auto"><time datetime="2023-10-20">2023-10-20<\/time>/);
    // a text without a headline goes by its opening words
    expect(page).toContain('Untitled: “US Secretary of State Antony Blinken delivered a stern…”');
  });

  it('is a whole accessible document: language, viewport, skip link, landmarks, one h1', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<a class="skip" href="#main">Skip to content</a>');
    expect(page).toContain(
      '<nav aria-label="Site"><a href="/sources" aria-current="page">Sources</a><a href="/timeline">Timeline</a></nav>',
    );
    expect(page).toContain('<main id="main" tabindex="-1">');
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain('@media (prefers-color-scheme:dark)');
    expect(page).not.toMatch(/<script|src="http|href="http/);
  });

  it('shows a large corpus a hundred sources at a time', () => {
    const k = bundledKnowledge();
    const many = {
      ...k,
      corpus: { ...k.corpus, sources: Array.from({ length: SOURCES_PER_PAGE + 1 }, (_, i) => ({ ...k.corpus.sources[0]!, id: `s-${i}` })) },
    };
    expect(renderSourcesPage(many, { page: 1 })).toContain('<a href="/sources?page=2" rel="next">');
    expect(renderSourcesPage(many, { page: 2 })).toContain('/sources/s-100"');
    expect(renderSourcesPage(many, { page: 2 })).not.toContain('/sources/s-99"');
  });
});

describe('/sources/<id>', () => {
  const k = bundledKnowledge();
  const ap = k.sourceById.get(AP)!;

  it('shows the cleaned article with every passage anchored by its passage id', () => {
    const page = renderSourcePage(k, ap, null);
    for (const p of k.passages.filter((x) => x.sourceId === AP)) expect(page).toContain(`<span class="passage" id="${p.id}">`);
    expect(page).toContain('The cell to communicate with Hamas was established by Brett McGurk');
    expect(page).toContain('<dt>Original</dt><dd>not known</dd>');
  });

  it('marks the quoted passage and offers a link to it', () => {
    const page = renderSourcePage(k, ap, `${AP}#10`);
    expect(page).toContain(`<span class="passage quoted" id="${AP}#10"><mark>The cell to communicate with Hamas`);
    expect(page).toContain(`<p class="quoted-note">The quote is passage #10, marked below: <a href="#${AP}%2310">go to it</a>.</p>`);
    expect(page.match(/class="passage quoted"/g)).toHaveLength(1);
  });

  it('links the original address when it is a web address, and links copies both ways ("also in")', () => {
    const { knowledge } = hostileKnowledge();
    const copy = renderSourcePage(knowledge, knowledge.sourceById.get(COPY_ID)!, null);
    expect(copy).toContain('<a href="https://example.org/copy" rel="noopener noreferrer">https://example.org/copy</a>');
    expect(copy).toContain(`also in <a href="${passagePath(`${HOSTILE_ID}#3`)}">Tom &amp; Jerry &lt;i&gt;News&lt;/i&gt; (2023-11-24)</a>`);
  });

  it('escapes everything that comes from a source: title, outlet, byline, evidence, notes, text, and the original address', () => {
    const { knowledge } = hostileKnowledge();
    const page = renderSourcePage(knowledge, knowledge.sourceById.get(HOSTILE_ID)!, `${HOSTILE_ID}#1`);
    const main = page.slice(page.indexOf('<main'));
    expect(main).not.toMatch(/<script|<img|<b>|<i>|<u>|href="javascript/i);
    expect(main).toContain(
      '<h1 id="title" dir="auto">Truce &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; &lt;b&gt;bold&lt;/b&gt;</h1>',
    );
    expect(main).toContain('A. &quot;Ace&quot; O&#39;Brien, &lt;img src=x onerror=alert(1)&gt;');
    expect(main).toContain(
      '<dt>Original</dt><dd><a href="https://example.org/a?b=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;c=1"',
    );
    expect(main).toContain('officials said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;more&quot; came later.');
    expect(page).toContain('<title>Truce &lt;script&gt;');
  });

  it('keeps right-to-left text whole, in a paragraph that sets its own direction', () => {
    const { knowledge } = hostileKnowledge();
    const page = renderSourcePage(knowledge, knowledge.sourceById.get(HOSTILE_ID)!, null);
    expect(page).toContain(`<p dir="auto"><span class="passage" id="${HOSTILE_ID}#2">${ARABIC}<a`);
  });
});

describe('/timeline', () => {
  const k = bundledKnowledge();

  it('lists the dated statements in date order, each linking to its passage in its article', () => {
    const page = renderTimelinePage(k, { page: 1, picture: false });
    const first = timelineOrder(k)[0]!;
    // the first statement is a year ("in 2012"): shown as the year, never as its first day with a note
    expect(first.date.granularity).toBe('year');
    expect(page).toContain(`<time datetime="${first.date.iso.slice(0, 4)}">${first.date.iso.slice(0, 4)}</time>`);
    expect(page).toContain('<time datetime="2023-10">October 2023</time>');
    expect(page).not.toMatch(/\((?:year|month|week)\)/);
    expect(page).toContain(`<a href="${passagePath(first.passage.id).replace(/&/g, '&amp;')}">`);
    const dates = [...page.matchAll(/<time datetime="([\d-]+)">/g)].map((m) => m[1]!);
    expect(dates).toEqual([...dates].sort());
    expect(page).not.toContain('<img');
  });

  it('shows the picture, described in words, as a link to itself at full size, when the bot serves one', () => {
    const page = renderTimelinePage(k, { page: 1, picture: true });
    expect(page).toContain(`<a href="/timeline.png"><img src="/timeline.png" alt="${TIMELINE_ALT}"></a>`);
    expect(page).toContain('<figcaption><a href="/timeline.png">Open the picture at full size</a></figcaption>');
    expect(renderTimelinePage(k, { page: 1, picture: false })).not.toContain('<figure');
  });

  it('puts the statements under a heading for each month, or the year when that is all they give', () => {
    const page = renderTimelinePage(k, { page: 1, picture: false });
    const headings = [...page.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(1);
    expect(new Set(headings).size).toBe(headings.length);
    for (const h of headings) expect(h).toMatch(/^(?:[A-Z][a-z]+ )?\d{4}$/);
    expect(headings[0]).toBe('2012');
  });
});
