/**
 * Cleans a saved HTML page: keeps the `<article>` (or the whole `<body>`) paragraphs, the `<h1>` headline, the
 * author and publication date the page's meta tags state, and drops scripts, menus, figures and asides.
 */
import { type CleanedText, preview } from './cleaned-text.ts';
import { datelineOutlet } from './clean-plain-text.ts';

export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype html|html|body|article|p)[\s>]/i.test(text.slice(0, 5000));
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  mdash: '—', ndash: '–', hellip: '…', eacute: 'é',
};

/** Decodes the entities a news page uses: named ones above, and every numeric one. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
}

function meta(html: string, name: string): string | null {
  const re = new RegExp(`<meta[^>]+(?:name|property)=["']${name}["'][^>]*>`, 'i');
  const tag = re.exec(html)?.[0];
  const content = tag ? /content=["']([^"']*)["']/i.exec(tag)?.[1] : undefined;
  return content ? decodeEntities(content).trim() : null;
}

export function cleanHtml(html: string): CleanedText {
  const dropped: string[] = [];
  let page = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of ['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'figure', 'form', 'button']) {
    const re = new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}>`, 'gi');
    const count = page.match(re)?.length ?? 0;
    if (count > 0) dropped.push(`${count} <${tag}> element(s)`);
    page = page.replace(re, '');
  }
  const article = /<article\b[\s\S]*?<\/article>/i.exec(page)?.[0] ?? /<body\b[\s\S]*<\/body>/i.exec(page)?.[0] ?? page;
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(page)?.[1];
  const title = (h1 ? textOf(h1) : null) || meta(html, 'og:title') || textOf(/<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '') || null;
  const paragraphs = [...article.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => textOf(m[1] ?? '')).filter((p) => p !== '');
  const kept = paragraphs.filter((p) => !/^(?:Read More|Advertisement|Share this)\b/i.test(p));
  for (const p of paragraphs) if (!kept.includes(p)) dropped.push(`page furniture: ${preview(p)}`);
  const author = meta(html, 'author');
  const published = meta(html, 'article:published_time');
  const day = published ? /^\d{4}-\d{2}-\d{2}/.exec(published)?.[0] : undefined;
  const site = meta(html, 'og:site_name');
  return {
    title,
    authors: author ? author.split(/,\s*|\s+and\s+/).filter((a) => a !== '') : [],
    statedDate: day ? { iso: day, evidence: `meta article:published_time "${published}"` } : null,
    outletHint: site ? { outlet: site, evidence: `meta og:site_name "${site}"` } : datelineOutlet(kept[0]),
    paragraphs: kept,
    credits: [],
    dropped,
  };
}
