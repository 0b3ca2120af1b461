/**
 * Cleans a saved HTML page: the article body is what Mozilla's Readability (the engine of Firefox's Reader View)
 * finds on the page, run through the same furniture rules as text pages; the metadata comes from the page's
 * structure first (JSON-LD, og:/article: meta tags, see `html-metadata.ts`), then from Readability, then from the
 * visible text (a byline or date line, a "© 2024 Site" footer).
 *
 * Library choice: `@mozilla/readability` needs a DOM, and Node has none. `linkedom` gives it one: a light DOM
 * (a few small dependencies, parses a news page in milliseconds) that Readability runs on unchanged. jsdom would
 * work too, but it is a browser emulation (CSS, layout stubs, script execution machinery, dozens of dependencies and
 * a much slower parse) that a bot cleaning pages on a small machine does not need. Entities are decoded by the DOM.
 */
import { Readability } from '@mozilla/readability';
import { classifyUnits, readTextPage } from './article-text.ts';
import { parseByline } from '../metadata/bylines.ts';
import { type CleanedText, preview } from './cleaned-text.ts';
import { isoDay } from '../metadata/publication-date-lines.ts';
import { type DomDocument, parseDocument } from './dom.ts';
import { type HtmlBlock, htmlBlocks } from './html-blocks.ts';
import { readHtmlMetadata } from '../metadata/html-metadata.ts';
import { outletHints, siteFromFooter } from '../metadata/outlet-hints.ts';
import { foldLine } from './line-shape.ts';
import { siteFromLink, splitTitleSuffix } from '../metadata/site-names.ts';

/**
 * True when the text is an HTML page rather than plain text.
 *
 * @example
 * looksLikeHtml('<!doctype html><html>…') // → true
 */
export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype html|html|body|article|p)[\s>]/i.test(text.slice(0, 5000));
}

const STANDFIRST =
  /(?:^|[\s_-])(?:standfirst|sub-?title|sub-?head(?:line)?|dek|deck|strapline|article-summary|summary|lede|intro)(?:$|[\s_-])/i;

/** Reasons known from the markup alone: a caption inside a `<figure>` is a caption. */
const figureReasons = (blocks: readonly HtmlBlock[]) => blocks.map((b) => (b.inFigure ? 'photo caption or credit' : null));

/** The visible sub-heading the page marks as such (`class="standfirst"`, "dek", "subtitle"…), or null. */
function markedStandfirst(document: DomDocument, title: string | null): string | null {
  for (const el of Array.from(document.querySelectorAll('p, h2, div, span'))) {
    if (!STANDFIRST.test(el.getAttribute('class') ?? '')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '' && text.split(' ').length <= 60 && (title === null || foldLine(text) !== foldLine(title))) return text;
  }
  return null;
}

/** The site a link (the page's own address, or its canonical one) points to, as a site hint. */
function linkSite(link: string | null): { outlet: string; evidence: string } | null {
  const site = siteFromLink(link);
  return site ? { outlet: site, evidence: `the link's site (${site})` } : null;
}

/**
 * Cleans an HTML page into the article and what the page says about it; `link` is the address it came from, when known.
 *
 * @example
 * cleanHtml('<html><head><meta property="og:site_name" content="Example News"></head><body><article><h1>Talks resume</h1><p>Qatar said the talks would resume on Monday.</p></article></body></html>')
 * // → { title: 'Talks resume', outletHint: { outlet: 'Example News', … }, paragraphs: ['Qatar said …'], … }
 */
export function cleanHtml(html: string, link: string | null = null): CleanedText {
  const page = parseDocument(html);
  const meta = readHtmlMetadata(page);
  const pageBlocks = htmlBlocks(page.body ?? page.documentElement);
  const visible = readTextPage(pageBlocks, { presetReasons: figureReasons(pageBlocks) });
  // Readability changes the document it reads: it gets its own copy
  const article = new Readability(parseDocument(html), { charThreshold: 100 }).parse();

  const h1 = pageBlocks.find((b) => b.tag === 'h1')?.text ?? null;
  const footerSite = siteFromFooter(pageBlocks);
  const suffixed = meta.pageTitle ? splitTitleSuffix(meta.pageTitle) : null;
  const site = meta.site
    ? { outlet: meta.site.value, evidence: meta.site.evidence }
    : article?.siteName
      ? { outlet: article.siteName, evidence: `site name "${article.siteName}" (Readability)` }
      : (footerSite ??
        (suffixed ? { outlet: suffixed.site, evidence: `page title "${meta.pageTitle ?? ''}"` } : null) ??
        linkSite(link ?? meta.url));
  const readabilityTitle = article?.title
    ? splitTitleSuffix(article.title)?.site === site?.outlet
      ? (splitTitleSuffix(article.title)?.headline ?? article.title)
      : article.title
    : null;
  const title = meta.title?.value ?? h1 ?? readabilityTitle ?? visible.title;

  const structuredAuthors = meta.authors?.names ?? null;
  const readabilityByline = article?.byline ? parseByline(/^by\b/i.test(article.byline) ? article.byline : `By ${article.byline}`) : null;
  const contentBlocks = article?.content
    ? htmlBlocks(parseDocument(`<!doctype html><html><body>${article.content}</body></html>`).body ?? page.documentElement)
    : [];
  const content = readTextPage(contentBlocks, {
    knownTitle: title,
    knownAuthors: structuredAuthors ?? readabilityByline?.authors ?? [],
    presetReasons: figureReasons(contentBlocks),
  });
  const body = content.paragraphs.length > 0 ? content : visible;

  const authors =
    structuredAuthors ??
    (readabilityByline && readabilityByline.authors.length > 0 ? readabilityByline.authors : null) ??
    (content.authors.length > 0 ? content.authors : visible.authors);
  const readabilityDay = article?.publishedTime ? isoDay(article.publishedTime) : null;
  const statedDate =
    meta.published ??
    (article?.publishedTime && readabilityDay
      ? { iso: readabilityDay, evidence: `published time "${article.publishedTime}" (Readability)` }
      : null) ??
    content.statedDate ??
    visible.statedDate;

  const dateline = body.dateline;
  const bylineWire = readabilityByline?.wire ?? null;
  const credit =
    (dateline?.wire ? { outlet: dateline.wire, evidence: `dateline "${dateline.evidence}"` } : null) ??
    (meta.wire ? { outlet: meta.wire.value, evidence: meta.wire.evidence } : null) ??
    (bylineWire ? { outlet: bylineWire, evidence: `byline "${article?.byline ?? ''}"` } : null) ??
    content.credit ??
    visible.credit;
  const subtitle = markedStandfirst(page, title) ?? content.subtitle ?? null;

  const used = new Set(
    [title, subtitle, ...body.paragraphs, body.truncated?.text ?? null].filter((t): t is string => t !== null).map(foldLine),
  );
  const paragraphs = body.paragraphs.filter((p) => subtitle === null || foldLine(p) !== foldLine(subtitle));
  return {
    title,
    subtitle,
    authors,
    statedDate,
    ...outletHints(site, credit),
    dateline,
    url: meta.url,
    paragraphs,
    truncated: body.truncated,
    credits: body.credits,
    dropped: [...body.dropped.filter((d) => !used.has(foldLine(d.text))), ...outsideTheArticle(pageBlocks, contentBlocks, used)],
  };
}

/** Page lines that are not in the article Readability found, each with the reason a reader would skip it. */
function outsideTheArticle(
  pageBlocks: readonly HtmlBlock[],
  contentBlocks: readonly HtmlBlock[],
  used: ReadonlySet<string>,
): CleanedText['dropped'] {
  const inContent = new Set(contentBlocks.map((b) => foldLine(b.text)));
  const facts = classifyUnits(pageBlocks, figureReasons(pageBlocks));
  const dropped: CleanedText['dropped'] = [];
  pageBlocks.forEach((block, i) => {
    const folded = foldLine(block.text);
    if (used.has(folded) || inContent.has(folded)) return;
    const reason =
      facts.reasons[i] ??
      (facts.bylines[i] ? 'byline' : facts.dates[i] ? 'date line' : `outside the article text${block.region ? ` (${block.region})` : ''}`);
    dropped.push({ text: preview(block.text), reason });
  });
  return dropped;
}
