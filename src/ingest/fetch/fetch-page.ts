/**
 * Fetches one web page for the corpus. Moderators add news articles from Discord by giving a link, so the link is
 * untrusted input: a bot that fetched whatever it was given could be used to probe the host's private network
 * (routers, cloud metadata at 169.254.169.254, admin pages on localhost). So only http(s) pages on public addresses
 * are fetched; every redirect is checked again; the connection goes to the very address that was checked (a DNS
 * answer cannot change in between); and time, size (also after decompression) and content type are capped. Every
 * failure is a {@link FetchPageError} whose message says why and can be shown to the moderator as is: nothing the
 * site wrote goes into it (the status is named by its standard phrase, not the site's reason text; a type or
 * compression is named only when it reads like one), so a site cannot put markup or an @everyone in front of a
 * moderator. The body is decoded as a browser would (`decodePage`: BOM, charset, `<meta>`, UTF-8, windows-1252).
 *
 * @example
 * try {
 *   const page = await fetchPage('https://www.example.org/news/talks');
 *   console.log(page.url, page.contentType, page.body.length);
 * } catch (error) {
 *   if (error instanceof FetchPageError) await interaction.reply(error.message);
 * }
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import { UserError } from '../../errors/user-error.ts';
import { decodePage } from './decode-page.ts';

export interface FetchPageOptions {
  maxBytes?: number; // default 2_000_000
  timeoutMs?: number; // default 10_000 (whole request incl. redirects)
  maxRedirects?: number; // default 3
  allowLoopback?: boolean; // default false; only 127.0.0.0/8 and ::1 become allowed, other private ranges stay refused
  userAgent?: string;
  /** Resolves a host name to its addresses; defaults to node:dns `lookup(host, {all: true})`. For tests. */
  resolve?: (host: string) => Promise<string[]>;
  /**
   * What may be fetched, as media types; defaults to web pages (HTML, XHTML, plain text). A feed reader asks for
   * feeds and pages, so that a site's page can lead to its feed.
   */
  mediaTypes?: ReadonlySet<string>;
  /**
   * A conditional request: the validators of the copy already read. A site that answers 304 Not Modified gives a
   * page with `notModified: true` and an empty body.
   */
  conditional?: { etag?: string | null; lastModified?: string | null };
}

export interface FetchedPage {
  url: string; // final URL after redirects
  contentType: string; // media type without parameters, e.g. "text/html"
  body: string; // decoded text (see decodePage)
  bytes: number; // size of the (decompressed) body in bytes
  /** The validators to send next time (`conditional`), when the site gave them. */
  etag?: string;
  lastModified?: string;
  /** The site said the copy read before is still current (304, only for a conditional request). */
  notModified?: boolean;
}

export type FetchPageErrorReason =
  'scheme' | 'address' | 'dns' | 'timeout' | 'too-large' | 'content-type' | 'http-status' | 'redirects' | 'network' | 'url';

/** Why a page could not be fetched; `message` is a sentence fit to show the user (a UserError; `reason` is its identifier). */
export class FetchPageError extends UserError {
  override readonly name = 'FetchPageError';
  readonly reason: FetchPageErrorReason;
  /** The HTTP status the site answered, for an `http-status` refusal. */
  readonly status: number | undefined;
  constructor(reason: FetchPageErrorReason, message: string, status?: number) {
    super(message, { identifier: reason });
    this.reason = reason;
    this.status = status;
  }
}

const fail = (reason: FetchPageErrorReason, message: string) => new FetchPageError(reason, message);

const PRIVATE_V4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE_V4.addSubnet(net, bits, 'ipv4');
/** Special-purpose blocks inside global unicast 2000::/3: IETF protocol assignments (Teredo…), documentation. */
const SPECIAL_V6 = new BlockList();
for (const [net, bits] of [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
] as const)
  SPECIAL_V6.addSubnet(net, bits, 'ipv6');
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The eight 16-bit words of a valid IPv6 address (a trailing dotted IPv4 part included). */
function ipv6Words(address: string): number[] {
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const [a = 0, b = 0, c = 0, d = 0] = v4 ? v4.slice(1).map(Number) : [];
  const hex = v4 ? `${address.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}` : address;
  const [head = '', tail] = hex.split('::');
  const words = (part: string) => (part ? part.split(':') : []);
  const all =
    tail === undefined
      ? words(head)
      : [...words(head), ...Array<string>(8 - words(head).length - words(tail).length).fill('0'), ...words(tail)];
  return all.map((word) => parseInt(word, 16));
}

/**
 * True when `ip` is a public unicast address: not private, loopback, link-local, unspecified, multicast, broadcast,
 * CGNAT, documentation or otherwise reserved. IPv6 forms that embed an IPv4 address (::ffff:a.b.c.d, NAT64
 * 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address. Anything that is not an IP address is not public.
 */
export function isPublicAddress(ip: string): boolean {
  const address = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(address);
  if (version === 4) return !PRIVATE_V4.check(address, 'ipv4');
  if (version !== 6) return false;
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = ipv6Words(address);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0xffff) return isPublicAddress(v4(w6, w7));
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) return isPublicAddress(v4(w6, w7));
  if (w0 === 0x2002) return isPublicAddress(v4(w1, w2));
  return (w0 & 0xe000) === 0x2000 && !SPECIAL_V6.check(address, 'ipv6');
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw fail('url', base ? 'The site redirected to an invalid link.' : 'That is not a valid web link.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fail('scheme', `Only http and https links can be fetched, not ${url.protocol} links.`);
  }
  if (url.username || url.password) throw fail('url', 'Links with a user name or password in them cannot be fetched.');
  return url;
}

async function resolveHost(host: string): Promise<string[]> {
  return (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}

/** Resolves the URL's host and returns the address to connect to, after checking every address it has. */
async function checkedAddress(url: URL, options: FetchPageOptions): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[] = [host];
  if (!isIP(host)) {
    addresses = await (options.resolve ?? resolveHost)(host).catch(() => []);
    if (addresses.length === 0) throw fail('dns', `Could not find the site ${host} (its name does not resolve).`);
  }
  const isLoopback = (ip: string) => isIP(ip) !== 0 && LOOPBACK.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
  const allowed = (ip: string) => isPublicAddress(ip) || (options.allowLoopback === true && isLoopback(ip));
  const refused = addresses.find((address) => !allowed(address));
  if (refused !== undefined) {
    throw fail('address', `That link points to a private network address (${refused}); only public web pages can be fetched.`);
  }
  return addresses[0] ?? host;
}

/** Sends the GET to `address` itself (Host header and TLS name stay the URL's host name). */
function get(url: URL, address: string, options: FetchPageOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const family = isIP(address);
  const pinned: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const request: typeof http.request = url.protocol === 'https:' ? https.request : http.request;
  const { etag, lastModified } = options.conditional ?? {};
  const headers = {
    'user-agent': options.userAgent ?? 'talks-bot (news article fetcher)',
    accept: options.mediaTypes ? [...options.mediaTypes].join(',') : 'text/html,application/xhtml+xml,text/plain;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
    ...(etag ? { 'if-none-match': etag } : {}),
    ...(lastModified ? { 'if-modified-since': lastModified } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, lookup: pinned, signal, headers }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** The media types fetched when `mediaTypes` is not given: web pages. */
export const PAGE_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);
const DECOMPRESSORS = new Map<string, (() => Transform) | null>([
  ['identity', null],
  ['gzip', zlib.createGunzip],
  ['x-gzip', zlib.createGunzip],
  ['deflate', zlib.createInflate],
  ['br', zlib.createBrotliDecompress],
]);
const formatBytes = (n: number) => (n >= 1e6 ? `${n / 1e6} MB` : n >= 1e3 ? `${n / 1e3} kB` : `${n} bytes`);

/** A media type or content coding as registered names read: what the site sent is shown only when it looks like one. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9.+-]{0,63}\/[a-z0-9][a-z0-9.+-]{0,63}$/;
const CODING = /^[a-z0-9][a-z0-9.+-]{0,31}$/;

/** A header's value as a validator to send back: one line of printable text, or nothing. */
const validator = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && /^[\x20-\x7e]{1,500}$/.test(value) ? value : undefined;

/** Checks status and type, then streams the body, cutting it off once raw or decompressed bytes pass `maxBytes`. */
async function readPage(url: URL, res: IncomingMessage, options: FetchPageOptions): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? 2_000_000;
  const status = res.statusCode ?? 0;
  const refuse = (error: FetchPageError) => (res.destroy(), error);
  const validators = {
    ...(validator(res.headers.etag) ? { etag: validator(res.headers.etag) as string } : {}),
    ...(validator(res.headers['last-modified']) ? { lastModified: validator(res.headers['last-modified']) as string } : {}),
  };
  if (status === 304 && options.conditional) {
    res.destroy();
    return { url: url.href, contentType: '', body: '', bytes: 0, notModified: true, ...validators };
  }
  if (status < 200 || status > 299) {
    // the standard phrase for the code: the reason text on the status line is the site's to write (markup, @everyone)
    const phrase = http.STATUS_CODES[status];
    throw refuse(new FetchPageError('http-status', `The site answered ${phrase ? `${status} ${phrase}` : status}.`, status));
  }
  const contentType = res.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(options.mediaTypes ?? PAGE_TYPES).has(mediaType)) {
    const what = !mediaType
      ? 'the site did not say what it is'
      : MEDIA_TYPE.test(mediaType)
        ? `it is ${mediaType}`
        : 'the site gave a type the bot does not know';
    const only = options.mediaTypes ? 'only feeds (RSS, Atom, JSON Feed) and web pages' : 'only HTML and plain-text pages';
    throw refuse(
      fail('content-type', `That link is not ${options.mediaTypes ? 'a feed or ' : ''}a web page (${what}); ${only} can be fetched.`),
    );
  }
  const tooLarge = fail('too-large', `The page is larger than the ${formatBytes(maxBytes)} limit.`);
  if (Number(res.headers['content-length']) > maxBytes) throw refuse(tooLarge);
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decompress = DECOMPRESSORS.get(encoding);
  if (decompress === undefined) {
    throw refuse(
      fail(
        'content-type',
        `The site sent the page in a compression the bot does not read${CODING.test(encoding) ? ` (${encoding})` : ''}.`,
      ),
    );
  }
  let rawBytes = 0;
  let decodedBytes = 0;
  const chunks: Buffer[] = [];
  const decoded: Readable = decompress ? pipeline(res, decompress(), () => {}) : res;
  if (decompress) {
    res.on('data', (chunk: Buffer) => {
      rawBytes += chunk.length;
      if (rawBytes > maxBytes) res.destroy(); // the decoded stream then errors; caught below
    });
  }
  try {
    for await (const chunk of decoded as AsyncIterable<Buffer>) {
      decodedBytes += chunk.length;
      if (decodedBytes > maxBytes) break;
      chunks.push(chunk);
    }
  } catch (error) {
    if (rawBytes <= maxBytes) throw error;
  }
  if (rawBytes > maxBytes || decodedBytes > maxBytes) throw refuse(tooLarge);
  const body = decodePage(Buffer.concat(chunks), contentType);
  return { url: url.href, contentType: mediaType, body, bytes: decodedBytes, ...validators };
}

function asFetchPageError(error: unknown, host: string): FetchPageError {
  if (error instanceof FetchPageError) return error;
  const rawCode = (error as { code?: unknown } | null)?.code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  if (code === 'ECONNREFUSED') return fail('network', `Could not connect to ${host}.`);
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE') return fail('network', `The connection to ${host} was cut off.`);
  if (code.startsWith('Z_')) return fail('network', `${host} sent a damaged compressed page.`);
  if (/CERT|SSL|TLS/.test(code)) return fail('network', `The secure connection to ${host} could not be verified (${code}).`);
  return fail('network', `Could not fetch the page from ${host}${code ? ` (${code})` : ''}.`);
}

/**
 * Fetches a public http(s) page and returns its decoded text. Follows up to `maxRedirects` redirects, checking each
 * new link like the first; refuses private addresses, non-page content types, oversize bodies and slow sites.
 * Throws only {@link FetchPageError}.
 */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 3;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(fail('timeout', `The site did not answer within ${timeoutMs / 1000} s.`));
      abort.abort();
    }, timeoutMs);
  });
  let current: URL | undefined;
  const follow = async (): Promise<FetchedPage> => {
    current = parseUrl(url);
    for (let redirects = 0; ; redirects++) {
      const res = await get(current, await checkedAddress(current, options), options, abort.signal);
      const location = res.headers.location;
      if (![301, 302, 303, 307, 308].includes(res.statusCode ?? 0) || !location) {
        return await readPage(current, res, options);
      }
      res.destroy();
      if (redirects >= maxRedirects) throw fail('redirects', `The link redirected more than ${maxRedirects} times.`);
      current = parseUrl(location, current);
    }
  };
  try {
    return await Promise.race([follow(), deadline]);
  } catch (error) {
    throw asFetchPageError(error, current?.hostname ?? 'the site');
  } finally {
    clearTimeout(timer);
  }
}
