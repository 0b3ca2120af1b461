// fetchPage against a loopback HTTP server started here; no test touches the real network or resolves a real name.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchPageError, type FetchPageOptions, fetchPage, isPublicAddress } from '../../../src/ingest/fetch/fetch-page.ts';

const HTML = '<!doctype html><html><body><article><p>Talks resume in Doha.</p></article></body></html>';
const GZIPPED = zlib.gzipSync(Buffer.from(HTML));
/** “Doha”—… in windows-1252: the curly quotes, dash and ellipsis are the bytes 0x80–0x9F a latin1 decoder turns into control characters. */
const CP1252_QUOTE = Buffer.from([0x93, ...Buffer.from('Doha'), 0x94, 0x97, 0x85]);
const BOMB = zlib.gzipSync(Buffer.alloc(50_000_000)); // ~50 kB on the wire, 50 MB decoded
let seed = 1;
const noise = Buffer.from(Array.from({ length: 1000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16));
const INCOMPRESSIBLE = zlib.gzipSync(noise); // gzip makes random bytes slightly larger: ~1020 bytes on the wire

const requests: { url: string; host: string | undefined }[] = [];
const server = http.createServer((req, res) => {
  const path = req.url ?? '/';
  requests.push({ url: path, host: req.headers.host });
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop) {
    const left = Number(hop[1]);
    res.writeHead(302, { location: left > 1 ? `/hop/${left - 1}` : '../html' }).end();
  } else if (path === '/html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HTML);
  else if (path === '/text') res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain “text” — ok');
  else if (path === '/latin1') {
    res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' }).end(Buffer.from('<p>Café à Doha</p>', 'latin1'));
  } else if (path === '/cp1252') {
    res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(CP1252_QUOTE);
  } else if (path === '/meta-charset') {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), CP1252_QUOTE]));
  } else if (path === '/undeclared-cp1252') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(CP1252_QUOTE);
  } else if (path === '/evil-status') {
    res.writeHead(404, 'Evil <script>@everyone', { 'content-type': 'text/html' }).end('<p>gone</p>');
  } else if (path === '/odd-status') {
    res.writeHead(599, '<@&123456789012345678> @here', { 'content-type': 'text/html' }).end('<p>odd</p>');
  } else if (path === '/evil-type') {
    res.writeHead(200, { 'content-type': '@everyone/<script>' }).end('x');
  } else if (path === '/evil-encoding') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': '@here' }).end('x');
  } else if (path === '/unknown-charset') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=x-no-such' }).end('Café');
  } else if (path === '/gzip') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(GZIPPED);
  } else if (path === '/bomb') {
    // Sent without ending the response: a fetcher that only checks the size at the end waits for more and times out.
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).write(BOMB);
  } else if (path === '/gzip-incompressible') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(INCOMPRESSIBLE);
  } else if (path === '/to-private') res.writeHead(301, { location: 'http://10.0.0.1/admin' }).end();
  else if (path === '/to-internal-name') res.writeHead(307, { location: 'http://intranet.test/' }).end();
  else if (path === '/to-ftp') res.writeHead(302, { location: 'ftp://files.test/a.txt' }).end();
  else if (path === '/image') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  else if (path === '/huge-declared') {
    // Declares 5 MB but sends only a little and keeps the connection open: reading the body would hang.
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000000' });
    res.write('<p>start');
  } else if (path === '/huge-chunked') {
    // 3 MB in chunks, no Content-Length, and the response never ends: only a cut-off while streaming ends this.
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let sent = 0; sent < 3_000_000; sent += 64 * 1024) res.write(Buffer.alloc(64 * 1024, 'a'));
  } else if (path === '/validated') {
    // a feed with validators: a conditional request that matches them gets 304 and no body
    const validators = { etag: '"v7"', 'last-modified': 'Sun, 02 Mar 2025 09:00:00 GMT' };
    const fresh = req.headers['if-none-match'] === '"v7"' || req.headers['if-modified-since'] === validators['last-modified'];
    requests.push({ url: `accept ${req.headers.accept ?? ''}`, host: req.headers.host });
    if (fresh) res.writeHead(304, validators).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', ...validators }).end('<rss version="2.0"></rss>');
  } else if (path === '/evil-etag') {
    res.writeHead(200, { 'content-type': 'text/html', etag: `"${'x'.repeat(600)}"` }).end('<p>x</p>');
  } else if (path === '/silent') {
    // Never answers.
  } else res.writeHead(404, { 'content-type': 'text/html' }).end('<p>gone</p>');
});

let base = '';
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A resolver that fails the test if anything tries to resolve a name. */
const noDns = (host: string): Promise<string[]> => Promise.reject(new Error(`unexpected DNS lookup of ${host}`));
const local: FetchPageOptions = { allowLoopback: true, resolve: noDns };

async function failure(url: string, options: FetchPageOptions = local): Promise<FetchPageError> {
  const error = await fetchPage(url, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchPageError);
  return error as FetchPageError;
}

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['2606:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::808:808', true],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['0.1.2.3', false],
    ['192.0.0.8', false],
    ['198.18.0.1', false],
    ['240.0.0.1', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::', false],
    ['::1', false],
    ['[::1]', false],
    ['fe80::1', false],
    ['fe80::1%eth0', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:10.0.0.5', false],
    ['64:ff9b::a00:5', false],
    ['64:ff9b::192.168.0.1', false],
    ['2002:c0a8:101::1', false],
    ['2001:db8::1', false],
    ['not-an-ip', false],
    ['', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('refused links (no connection, no DNS)', () => {
  it.each([
    ['ftp://example.org/file', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['data:text/html,<p>hi</p>', 'scheme'],
    ['http://user:pw@example.org/', 'url'],
    ['not a url', 'url'],
    ['http://2130706433/', 'address'],
    ['http://0x7f.1/', 'address'],
    ['http://[::1]/', 'address'],
    ['http://[::ffff:127.0.0.1]/', 'address'],
    ['http://169.254.169.254/latest/meta-data/', 'address'],
  ])('%s → %s', async (url, reason) => {
    const error = await failure(url, { resolve: noDns });
    expect(error.reason).toBe(reason);
  });

  it('names the normalised address of a numeric host', async () => {
    expect((await failure('http://2130706433/', { resolve: noDns })).message).toBe(
      'That link points to a private network address (127.0.0.1); only public web pages can be fetched.',
    );
  });

  it('refuses the loopback test server unless loopback is allowed', async () => {
    expect((await failure(`${base}/html`, { resolve: noDns })).reason).toBe('address');
    expect((await fetchPage(`${base}/html`, local)).body).toBe(HTML);
  });
});

describe('DNS', () => {
  it('refuses a name if any of its addresses is private', async () => {
    const error = await failure('http://news.test/', { resolve: () => Promise.resolve(['93.184.215.14', '10.0.0.5']) });
    expect(error.reason).toBe('address');
    expect(error.message).toContain('10.0.0.5');
  });

  it('reports a name that does not resolve', async () => {
    const error = await failure('http://nowhere.test/', { resolve: noDns });
    expect([error.reason, error.message]).toEqual(['dns', 'Could not find the site nowhere.test (its name does not resolve).']);
    expect((await failure('http://empty.test/', { resolve: () => Promise.resolve([]) })).reason).toBe('dns');
  });

  it('connects to the checked address, resolving once, and keeps the name in the Host header', async () => {
    const asked: string[] = [];
    const resolve = (host: string) => (asked.push(host), Promise.resolve(['127.0.0.1']));
    const page = await fetchPage(`http://news.test:${port}/html`, { allowLoopback: true, resolve });
    expect(page.url).toBe(`http://news.test:${port}/html`);
    expect(asked).toEqual(['news.test']);
    expect(requests.at(-1)).toEqual({ url: '/html', host: `news.test:${port}` });
  });
});

describe('fetching pages', () => {
  it('fetches an HTML page', async () => {
    expect(await fetchPage(`${base}/html`, local)).toEqual({
      url: `${base}/html`,
      contentType: 'text/html',
      body: HTML,
      bytes: Buffer.byteLength(HTML),
    });
  });

  it('fetches a plain-text page', async () => {
    const page = await fetchPage(`${base}/text`, local);
    expect([page.contentType, page.body]).toEqual(['text/plain', 'Plain “text” — ok']);
  });

  it('decodes by the charset parameter, and falls back to UTF-8 for an unknown one', async () => {
    expect((await fetchPage(`${base}/latin1`, local)).body).toBe('<p>Café à Doha</p>');
    expect((await fetchPage(`${base}/unknown-charset`, local)).body).toBe('Café');
  });

  it('keeps the curly quotes and dashes of a windows-1252 page, declared in the header, in a <meta> or not at all', async () => {
    expect((await fetchPage(`${base}/cp1252`, local)).body).toBe('“Doha”—…');
    expect((await fetchPage(`${base}/meta-charset`, local)).body).toBe('<html><head><meta charset="windows-1252"></head><body>“Doha”—…');
    expect((await fetchPage(`${base}/undeclared-cp1252`, local)).body).toBe('“Doha”—…');
  });

  it('decompresses a gzip page', async () => {
    expect((await fetchPage(`${base}/gzip`, local)).body).toBe(HTML);
  });

  it('follows a redirect chain within the limit, resolving relative locations', async () => {
    const page = await fetchPage(`${base}/hop/3`, local);
    expect([page.url, page.body]).toEqual([`${base}/html`, HTML]);
  });

  it('gives up on a chain longer than the limit', async () => {
    const error = await failure(`${base}/hop/4`);
    expect([error.reason, error.message]).toEqual(['redirects', 'The link redirected more than 3 times.']);
    expect((await failure(`${base}/hop/2`, { ...local, maxRedirects: 1 })).reason).toBe('redirects');
  });

  it('checks redirect targets like the first link, even with loopback allowed', async () => {
    const started = Date.now();
    const error = await failure(`${base}/to-private`);
    expect([error.reason, error.message]).toEqual([
      'address',
      'That link points to a private network address (10.0.0.1); only public web pages can be fetched.',
    ]);
    expect(Date.now() - started).toBeLessThan(1000); // refused, not a connection attempt that timed out
    const internal = await failure(`${base}/to-internal-name`, { ...local, resolve: () => Promise.resolve(['192.168.0.10']) });
    expect(internal.reason).toBe('address');
    expect((await failure(`${base}/to-ftp`)).reason).toBe('scheme');
  });

  it('reports an error status', async () => {
    const error = await failure(`${base}/missing`);
    expect([error.reason, error.message]).toEqual(['http-status', 'The site answered 404 Not Found.']);
  });

  it('names an error status by its standard phrase, never by the text the site sent', async () => {
    const evil = await failure(`${base}/evil-status`);
    expect([evil.reason, evil.message]).toEqual(['http-status', 'The site answered 404 Not Found.']);
    const odd = await failure(`${base}/odd-status`);
    expect(odd.message).toBe('The site answered 599.');
  });

  it('passes no mention or markup from the site’s headers into a message', async () => {
    for (const path of ['/evil-status', '/odd-status', '/evil-type', '/evil-encoding']) {
      const error = await failure(`${base}${path}`);
      expect(error.message).not.toMatch(/@|<|>/);
    }
    expect((await failure(`${base}/evil-type`)).message).toBe(
      'That link is not a web page (the site gave a type the bot does not know); only HTML and plain-text pages can be fetched.',
    );
    expect((await failure(`${base}/evil-encoding`)).message).toBe('The site sent the page in a compression the bot does not read.');
  });

  it('asks for the media types it is given, keeps the validators, and takes a 304 as "not modified"', async () => {
    const feeds = { ...local, mediaTypes: new Set(['application/rss+xml', 'text/html']) };
    const first = await fetchPage(`${base}/validated`, feeds);
    expect(first).toMatchObject({ contentType: 'application/rss+xml', etag: '"v7"', lastModified: 'Sun, 02 Mar 2025 09:00:00 GMT' });
    expect(first.notModified).toBeUndefined();
    expect(requests.at(-1)?.url).toBe('accept application/rss+xml,text/html');
    const again = await fetchPage(`${base}/validated`, { ...feeds, conditional: { etag: first.etag ?? null } });
    expect(again).toEqual({
      url: `${base}/validated`,
      contentType: '',
      body: '',
      bytes: 0,
      notModified: true,
      etag: '"v7"',
      lastModified: 'Sun, 02 Mar 2025 09:00:00 GMT',
    });
    const byDate = await fetchPage(`${base}/validated`, { ...feeds, conditional: { lastModified: first.lastModified ?? null } });
    expect(byDate.notModified).toBe(true);
    // a page is still only a page, and a feed type is refused where pages are asked for, in words that say so
    expect((await failure(`${base}/validated`)).message).toBe(
      'That link is not a web page (it is application/rss+xml); only HTML and plain-text pages can be fetched.',
    );
    expect((await failure(`${base}/image`, feeds)).message).toBe(
      'That link is not a feed or a web page (it is image/png); only feeds (RSS, Atom, JSON Feed) and web pages can be fetched.',
    );
    // a validator that is not one line of printable text of a sane length is not kept
    expect((await fetchPage(`${base}/evil-etag`, local)).etag).toBeUndefined();
  });

  it('refuses what is not a page, saying what it is', async () => {
    const error = await failure(`${base}/image`);
    expect(error.reason).toBe('content-type');
    expect(error.message).toContain('image/png');
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const error = await failure(`${base}/huge-declared`, { ...local, timeoutMs: 3000 });
    expect([error.reason, error.message]).toEqual(['too-large', 'The page is larger than the 2 MB limit.']);
  });

  it('cuts off a chunked body once it passes the cap', async () => {
    expect((await failure(`${base}/huge-chunked`, { ...local, timeoutMs: 3000 })).reason).toBe('too-large');
    expect((await failure(`${base}/html`, { ...local, maxBytes: 50 })).message).toBe('The page is larger than the 50 bytes limit.');
  });

  it('cuts off a gzip bomb by its decoded size', async () => {
    expect(BOMB.length).toBeLessThan(2_000_000);
    expect((await failure(`${base}/bomb`, { ...local, timeoutMs: 3000 })).reason).toBe('too-large');
  });

  it('applies the cap to the compressed bytes on the wire too', async () => {
    expect(INCOMPRESSIBLE.length).toBeGreaterThan(1000);
    expect((await fetchPage(`${base}/gzip-incompressible`, { ...local, maxBytes: 1100 })).bytes).toBe(1000);
    expect((await failure(`${base}/gzip-incompressible`, { ...local, maxBytes: 1000 })).reason).toBe('too-large');
  });

  it('times out on a site that never answers', async () => {
    const error = await failure(`${base}/silent`, { ...local, timeoutMs: 300 });
    expect([error.reason, error.message]).toEqual(['timeout', 'The site did not answer within 0.3 s.']);
  });

  it('wraps a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(`http://127.0.0.1:${closedPort}/`);
    expect([error.reason, error.message]).toEqual(['network', 'Could not connect to 127.0.0.1.']);
  });
});
