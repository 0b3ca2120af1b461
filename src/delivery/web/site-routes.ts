/**
 * The read-only site's routes, as one function from a request line to a response, so every route is tested
 * without a socket: `/sources`, `/sources/<id>` (`?q=<passage id>` marks a passage), `/timeline`,
 * `/timeline.png` when a picture is injected, and `/` pointing to the sources. Only GET and HEAD (405 otherwise);
 * a source id is matched on the raw path, so `/sources/..%2F..` or any encoded slash is simply not found. Every
 * answer is worked out from the knowledge current at that moment.
 */
import type { Knowledge } from '../../knowledge/knowledge.ts';
import type { KnowledgeProvider } from '../../serving/live-knowledge.ts';
import { SOURCE_ID } from '../../corpus/source-schema.ts';
import { renderMessagePage } from '../../render/html/not-found-page.ts';
import { pageCount } from '../../render/html/pager.ts';
import { SOURCES_PATH, TIMELINE_PATH, TIMELINE_PNG_PATH } from '../../render/html/page-links.ts';
import { renderSourcePage } from '../../render/html/source-page.ts';
import { renderSourcesPage, SOURCES_PER_PAGE } from '../../render/html/sources-page.ts';
import { ENTRIES_PER_PAGE, renderTimelinePage } from '../../render/html/timeline-page.ts';
import { timelineOrder } from '../../answers/timeline.ts';
import { HTML, webResponse, type WebResponse } from './web-response.ts';

export interface SiteOptions {
  knowledge: KnowledgeProvider;
  /** The timeline picture of a knowledge base as PNG bytes (`renderTimelinePng`); without it /timeline shows the list only. */
  timelinePng?: (knowledge: Knowledge) => Buffer;
}

export interface WebRequest {
  method: string;
  /** The request target as received: path and query, still percent-encoded. */
  url: string;
  headers?: { 'if-none-match'?: string | undefined };
}

const notFound = (message = 'There is no page at this address.') => webResponse(404, HTML, renderMessagePage('Not found', message));

/** `?page=N` as a page number within 1…pages, or null when it is not one (the page then does not exist). */
function pageParam(query: URLSearchParams, pages: number): number | null {
  const raw = query.get('page');
  if (raw === null) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= pages ? page : null;
}

function route(request: WebRequest, site: SiteOptions): WebResponse {
  const [rawPath = '/', rawQuery = ''] = request.url.split('#')[0]?.split('?', 2) ?? [];
  const query = new URLSearchParams(rawQuery);
  if (rawPath === '/') return webResponse(302, 'text/plain; charset=utf-8', 'See /sources\n', { location: SOURCES_PATH });
  const knowledge = site.knowledge.ready();
  if (!knowledge)
    return webResponse(503, HTML, renderMessagePage('Loading', 'The corpus is still loading. Try again in a few seconds.'), {
      'retry-after': '5',
    });
  if (rawPath === SOURCES_PATH) {
    const page = pageParam(query, pageCount(knowledge.corpus.sources.length, SOURCES_PER_PAGE));
    return page === null ? notFound() : webResponse(200, HTML, renderSourcesPage(knowledge, { page }));
  }
  if (rawPath.startsWith(`${SOURCES_PATH}/`)) {
    const id = rawPath.slice(SOURCES_PATH.length + 1);
    const source = SOURCE_ID.test(id) ? knowledge.sourceById.get(id) : undefined;
    if (!source) return notFound('There is no source with that id in the corpus (it may have been removed).');
    const asked = query.get('q');
    const quoted = asked !== null && knowledge.passageById.get(asked)?.sourceId === source.id ? asked : null;
    return webResponse(200, HTML, renderSourcePage(knowledge, source, quoted));
  }
  if (rawPath === TIMELINE_PATH) {
    const page = pageParam(query, pageCount(timelineOrder(knowledge).length, ENTRIES_PER_PAGE));
    return page === null
      ? notFound()
      : webResponse(200, HTML, renderTimelinePage(knowledge, { page, picture: site.timelinePng !== undefined }));
  }
  if (rawPath === TIMELINE_PNG_PATH && site.timelinePng) return webResponse(200, 'image/png', site.timelinePng(knowledge));
  return notFound();
}

/**
 * @example
 * respond({ method: 'GET', url: '/sources/ap-deal?q=ap-deal%233' }, { knowledge: live }).status // → 200
 * respond({ method: 'POST', url: '/sources' }, site).status // → 405
 */
export function respond(request: WebRequest, site: SiteOptions): WebResponse {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return webResponse(405, 'text/plain; charset=utf-8', 'method not allowed: this site is read-only\n', { allow: 'GET, HEAD' });
  const response = route(request, site);
  const etag = response.headers.etag;
  if (etag && request.headers?.['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
    const { 'content-length': _length, ...headers } = response.headers;
    return { status: 304, headers, body: Buffer.alloc(0) };
  }
  return response;
}
