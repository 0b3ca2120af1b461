/**
 * The page for an address the site does not have (404) or for a corpus still loading (503): says what happened in
 * the bot's words and points to the sources.
 */
import { html } from './html.ts';
import { renderPage } from './layout.ts';
import { SOURCES_PATH } from './page-links.ts';

/**
 * @example
 * renderMessagePage('Not found', 'There is no source with that id.') // → a page with the message and a link to /sources
 */
export function renderMessagePage(title: string, message: string): string {
  return renderPage({
    title,
    main: html`<h1>${title}</h1>
<p>${message}</p>
<p><a href="${SOURCES_PATH}">All sources</a></p>`,
  });
}
