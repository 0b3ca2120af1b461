/**
 * The site's routes as a browser meets them: the right status for every address (404 for what is not there, 405
 * for anything but GET and HEAD, no way out of /sources with encoded slashes), the headers that keep a page safe
 * (charset, caching, nosniff, a strict CSP), and answers always from the knowledge current at the time.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { respond, type SiteOptions } from '../../../src/delivery/web/site-routes.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/delivery/web/web-response.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { fixedKnowledge, type KnowledgeProvider, LiveKnowledge } from '../../../src/serving/live-knowledge.ts';
import { bundledKnowledge, writeSource } from '../../helpers/corpus.ts';
import { HOSTILE_ID, hostileKnowledge, scratchOf } from '../../render/html/hostile-corpus.ts';

const ADDED = 'late-2023-11-26';

const AP = 'ap-how-the-hostage-deal-came-about';
const site: SiteOptions = { knowledge: fixedKnowledge(bundledKnowledge()) };
const get = (url: string, options: SiteOptions = site, headers = {}) => respond({ method: 'GET', url, headers }, options);
const text = (r: { body: Buffer }) => r.body.toString('utf8');

describe('the site routes', () => {
  it.each(['/sources', `/sources/${AP}`, `/sources/${AP}?q=${encodeURIComponent(`${AP}#3`)}`, '/timeline'])(
    'serves %s as UTF-8 HTML with the safety headers',
    (url) => {
      const r = get(url);
      expect(r.status).toBe(200);
      expect(r.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'content-length': String(r.body.length),
      });
      expect(r.headers.etag).toMatch(/^"[\w-]{27}"$/);
    },
  );

  it('keeps every page of the bundled corpus small enough for a phone on a slow line (under 40 KB, before compression)', () => {
    const urls = ['/sources', '/timeline', ...bundledKnowledge().corpus.sources.map((src) => `/sources/${src.id}`)];
    const sizes = Object.fromEntries(urls.map((url) => [url, get(url).body.length]));
    console.log(`page sizes (bytes): ${JSON.stringify(sizes)}`);
    for (const size of Object.values(sizes)) expect(size).toBeLessThan(40_000);
  });

  it('has a CSP that runs no script and loads nothing from elsewhere, allowing only its own stylesheet', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
  });

  it.each([
    ['/sources/no-such-source', 'There is no source with that id'],
    ['/sources/..%2F..%2Fpackage.json', 'There is no source with that id'],
    [`/sources/%2E%2E%2F${AP}`, 'There is no source with that id'],
    ['/sources/../package.json', 'There is no source with that id'],
    [`/sources/${AP}/`, 'There is no source with that id'],
    [`/sources/${AP.toUpperCase()}`, 'There is no source with that id'],
    ['/etc/passwd', 'There is no page at this address'],
    ['/sources?page=99', 'There is no page at this address'],
    ['/sources?page=0', 'There is no page at this address'],
    ['/timeline?page=x', 'There is no page at this address'],
    ['/timeline.png', 'There is no page at this address'],
  ])('answers %s with a 404 page that says so', (url, message) => {
    const r = get(url);
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(text(r)).toContain(message);
    expect(text(r)).toContain('<a href="/sources">All sources</a>');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and says which methods it takes', (method) => {
    const r = respond({ method, url: '/sources' }, site);
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
  });

  it('sends / to the list of sources', () => {
    expect(get('/')).toMatchObject({ status: 302, headers: { location: '/sources' } });
  });

  it('marks the passage named by ?q=, and ignores one from another source or none at all', () => {
    expect(text(get(`/sources/${AP}?q=${encodeURIComponent(`${AP}#10`)}`))).toContain(`<span class="passage quoted" id="${AP}#10">`);
    expect(text(get(`/sources/${AP}?q=${encodeURIComponent('deal-account-2023-11-22#1')}`))).not.toContain('passage quoted');
    expect(text(get(`/sources/${AP}?q=%3Cscript%3E`))).not.toContain('<script');
  });

  it('answers an unchanged page with 304 when the browser already has it', () => {
    const first = get('/sources');
    const again = get('/sources', site, { 'if-none-match': first.headers.etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('serves the injected timeline picture as a PNG, and shows it on /timeline', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const withPicture = { ...site, timelinePng: () => png };
    const r = get('/timeline.png', withPicture);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.body).toEqual(png);
    expect(text(get('/timeline', withPicture))).toContain('<img src="/timeline.png"');
  });

  it('says the corpus is loading (503, retry soon) before the first load', () => {
    const loading: KnowledgeProvider = { ready: () => null, get: () => new Promise(() => undefined) };
    const r = get('/sources', { knowledge: loading });
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
  });

  it('shows an article added to a live corpus as soon as the corpus reloads, and forgets a removed one', async () => {
    const dir = scratchOf(hostileKnowledge().dir);
    const live = LiveKnowledge.open(dir);
    const site = { knowledge: live };
    expect(get(`/sources/${ADDED}`, site).status).toBe(404);
    writeSource(
      dir,
      ADDED,
      `---\nid: ${ADDED}\ntitle: A late article\noutlet: Late Wire\nauthors: []\npublished: 2023-11-26\npublished_basis:\n  kind: stated\n  evidence: the page shows "26 November 2023"\nlanguage: en\n---\n\nThe truce held for a third day, officials said on Sunday.\n`,
    );
    expect(await live.reload()).toMatchObject({ ok: true, added: [ADDED] });
    expect(text(get(`/sources/${ADDED}`, site))).toContain('The truce held for a third day');
    expect(text(get('/sources', site))).toContain('A late article');
    rmSync(join(dir, 'sources', `${HOSTILE_ID}.md`));
    expect(await live.reload()).toMatchObject({ ok: true, removed: [HOSTILE_ID] });
    expect(get(`/sources/${HOSTILE_ID}`, site).status).toBe(404);
  });

  it('answers from the knowledge current at each request (a corpus reload shows at once)', () => {
    let current: Knowledge = bundledKnowledge();
    const live: KnowledgeProvider = { ready: () => current, get: () => Promise.resolve(current) };
    expect(get(`/sources/${HOSTILE_ID}`, { knowledge: live }).status).toBe(404);
    current = hostileKnowledge().knowledge;
    expect(get(`/sources/${HOSTILE_ID}`, { knowledge: live }).status).toBe(200);
    expect(get(`/sources/${AP}`, { knowledge: live }).status).toBe(404);
  });
});
