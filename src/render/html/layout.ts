/**
 * The frame of every page: language, viewport, both colour schemes, a skip link to the main content, the site's
 * navigation as a landmark, the page in `<main>`, a footer that says what the site is. Nothing is loaded from
 * anywhere: the stylesheet is inline and there is no script.
 */
import { html, SafeHtml } from './html.ts';
import { SOURCES_PATH, TIMELINE_PATH } from './page-links.ts';
import { STYLE } from './styles.ts';

export interface PageFrame {
  /** The document title, shown in the tab ("… · talks-bot" is added). */
  title: string;
  /** Which navigation entry is this page, marked `aria-current`. */
  section?: 'sources' | 'timeline';
  main: SafeHtml;
}

const navLink = (href: string, label: string, current: boolean) =>
  html`<a href="${href}"${current ? html` aria-current="page"` : ''}>${label}</a>`;

/**
 * @example
 * renderPage({ title: 'Sources', section: 'sources', main: html`<h1>Sources</h1>` }) // → '<!doctype html><html lang="en">…'
 */
export function renderPage(frame: PageFrame): string {
  const style = SafeHtml.trusted(STYLE);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${frame.title} · talks-bot</title>
<style>${style}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Site">${navLink(SOURCES_PATH, 'Sources', frame.section === 'sources')}${navLink(TIMELINE_PATH, 'Timeline', frame.section === 'timeline')}</nav></header>
<main id="main" tabindex="-1">
${frame.main}
</main>
<footer><p>The texts the talks-bot quotes, as the bot reads them: its cleaned copy of each article, passage by passage. Read-only.</p></footer>
</body>
</html>
`.toString();
}
