/**
 * What an HTML page states about its article in its structure: JSON-LD (`NewsArticle`, `ReportageNewsArticle`,
 * `Article`…, also inside `@graph` and with arrays of types, with `@id` references resolved), Open Graph and
 * `article:` meta tags, `<meta name="author">`, `<link rel="canonical">` and `<title>`. Each value carries the
 * evidence it rests on. Nothing is guessed: a missing field stays null.
 */
import { parseByline, personName } from './bylines.ts';
import type { DomDocument } from '../read/dom.ts';
import { isoDay } from './publication-date-lines.ts';
import { splitTitleSuffix } from './site-names.ts';
import { wireName } from './wires.ts';

type Sourced = { value: string; evidence: string };

export interface HtmlMetadata {
  title: Sourced | null;
  authors: { names: string[]; evidence: string } | null;
  /** A wire named as the author ("AFP", an Organization "Reuters"). */
  wire: Sourced | null;
  published: { iso: string; evidence: string } | null;
  site: Sourced | null;
  url: string | null;
  /** The `<title>` text, for a "Headline | Site" suffix. */
  pageTitle: string | null;
}

type Node = Record<string, unknown>;

const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'LiveBlogPosting',
  'Article',
  'BlogPosting',
  'Report',
];

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : null);
const typesOf = (node: Node): string[] => [node['@type']].flat().filter((t): t is string => typeof t === 'string');

/** Every JSON-LD object on the page, `@graph` members and nested arrays flattened. */
function jsonLdNodes(document: DomDocument): Node[] {
  const nodes: Node[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isNode(value)) {
      nodes.push(value);
      if (Array.isArray(value['@graph'])) value['@graph'].forEach(visit);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    try {
      visit(JSON.parse(text));
    } catch {
      // a broken JSON-LD block says nothing; the page's other metadata still counts
    }
  }
  return nodes;
}

/** The article node: the first of the most specific type the page has. */
function articleNode(nodes: Node[]): Node | null {
  for (const type of ARTICLE_TYPES) {
    const found = nodes.find((n) => typesOf(n).includes(type));
    if (found) return found;
  }
  return null;
}

function resolve(value: unknown, byId: Map<string, Node>): unknown {
  if (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) return byId.get(value['@id']) ?? value;
  return value;
}

function metaContent(document: DomDocument, ...names: string[]): Sourced | null {
  for (const name of names) {
    for (const el of Array.from(document.querySelectorAll('meta'))) {
      const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      const content = str(el.getAttribute('content'));
      if (key?.toLowerCase() === name.toLowerCase() && content) return { value: content, evidence: `meta ${name} "${content}"` };
    }
  }
  return null;
}

function absoluteUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads the structured metadata of an HTML page.
 *
 * @example
 * const { document } = parseHTML(html);
 * readHtmlMetadata(document).published // → { iso: '2024-08-25', evidence: 'JSON-LD NewsArticle datePublished "2024-08-25T17:40:00+00:00"' }
 */
export function readHtmlMetadata(document: DomDocument): HtmlMetadata {
  const nodes = jsonLdNodes(document);
  const byId = new Map(nodes.flatMap((n) => (typeof n['@id'] === 'string' ? [[n['@id'], n] as const] : [])));
  const article = articleNode(nodes);
  const type = article ? (typesOf(article).find((t) => ARTICLE_TYPES.includes(t)) ?? 'Article') : '';
  const ld = (field: string) => `JSON-LD ${type} ${field}`;

  const headline = str(article?.['headline']) ?? str(article?.['name']);
  const ogTitle = metaContent(document, 'og:title', 'twitter:title');
  const pageTitle = str(document.querySelector('title')?.textContent);

  const publisherNode = resolve(article?.['publisher'], byId);
  const publisher = isNode(publisherNode) ? str(publisherNode['name']) : str(publisherNode);
  const ogSite = metaContent(document, 'og:site_name', 'application-name');
  const site: Sourced | null = publisher ? { value: publisher, evidence: `${ld('publisher')} "${publisher}"` } : ogSite;

  const names: string[] = [];
  let wire: Sourced | null = null;
  for (const raw of [resolve(article?.['author'], byId)].flat()) {
    const author = resolve(raw, byId);
    const name = isNode(author) ? str(author['name']) : str(author);
    if (!name) continue;
    const asWire = wireName(name);
    if (asWire) wire ??= { value: asWire, evidence: `${ld('author')} "${name}"` };
    else if (isNode(author) && typesOf(author).includes('Organization')) continue;
    else names.push(...(parseByline(`By ${name}`)?.authors ?? [personName(name)]));
  }
  let authors = names.length > 0 ? { names, evidence: ld('author') } : null;
  if (!authors) {
    const meta = metaContent(document, 'author', 'article:author', 'byl', 'parsely-author', 'sailthru.author');
    const byline = meta && !/^https?:/.test(meta.value) ? parseByline(/^by\b/i.test(meta.value) ? meta.value : `By ${meta.value}`) : null;
    if (byline && byline.authors.length > 0) authors = { names: byline.authors, evidence: meta?.evidence ?? 'meta author' };
    if (byline?.wire && meta) wire ??= { value: byline.wire, evidence: meta.evidence };
  }

  let published: HtmlMetadata['published'] = null;
  const datePublished = str(article?.['datePublished']) ?? str(article?.['dateCreated']);
  const ldDay = datePublished ? isoDay(datePublished) : null;
  if (datePublished && ldDay) published = { iso: ldDay, evidence: `${ld('datePublished')} "${datePublished}"` };
  if (!published) {
    const meta = metaContent(
      document,
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'dc.date.issued',
      'sailthru.date',
      'parsely-pub-date',
    );
    const day = meta ? isoDay(meta.value) : null;
    if (meta && day) published = { iso: day, evidence: meta.evidence };
  }
  if (!published) {
    const time = document.querySelector('time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"]');
    const value = str(time?.getAttribute('datetime') ?? time?.getAttribute('content') ?? null);
    const day = value ? isoDay(value) : null;
    if (value && day) published = { iso: day, evidence: `<time> datePublished "${value}"` };
  }

  const canonical = absoluteUrl(str(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null));
  const mainEntity = resolve(article?.['mainEntityOfPage'], byId);
  const ldUrl = absoluteUrl(
    str(article?.['url']) ?? (isNode(mainEntity) ? (str(mainEntity['@id']) ?? str(mainEntity['url'])) : str(mainEntity)),
  );
  const url = canonical ?? absoluteUrl(metaContent(document, 'og:url')?.value ?? null) ?? ldUrl;

  let title: Sourced | null = headline ? { value: headline, evidence: ld('headline') } : null;
  if (!title && ogTitle) {
    const split = splitTitleSuffix(ogTitle.value);
    title = split && site && split.site === site.value ? { value: split.headline, evidence: ogTitle.evidence } : ogTitle;
  }
  return { title, authors, wire, published, site, url, pageTitle };
}
