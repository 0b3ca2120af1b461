/**
 * What a moderator attaches or links with `/source-admin add` is previewed whole or refused whole (property-based,
 * fast-check): pages of any shape — HTML nested thousands deep, tens of thousands of tiny elements, huge attributes,
 * metadata with impossible dates, binary data, text in another encoding, right-to-left and zero-width text — and any
 * link (other schemes, private addresses, credentials, pages served with any status and type) either give a preview
 * whose source file reads back whole, or an IngestError / FetchPageError in the bot's words. Nothing is ever written
 * by a preview, no other exception escapes, and the same input gives the same outcome.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { SOURCE_ID } from '../../src/corpus/source-schema.ts';
import { FetchPageError, fetchPage } from '../../src/ingest/fetch/fetch-page.ts';
import { IngestError } from '../../src/ingest/ingest-error.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { emptyCorpus } from '../helpers/corpus.ts';
import { hostileString, recordFuzzInputs, VALIDATOR_WORDS } from '../helpers/file-fuzz.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const words = fc.oneof(fc.lorem({ mode: 'sentences', maxCount: 3 }), hostileString);

/** A page as a browser saves it, shaped to hurt: nesting, element floods, huge attributes, odd metadata. */
const htmlPage = fc
  .record({
    title: words,
    published: fc.constantFrom('2024-08-01T08:00:00Z', '2023-13-45', '2023-02-30T10:00:00Z', 'yesterday', ''),
    paragraphs: fc.array(words, { maxLength: 5 }),
    depth: fc.constantFrom(0, 3, 40, 300, 100_000),
    flood: fc.constantFrom(0, 50, 31_000),
    attribute: fc.constantFrom(0, 10, 300_000),
    unclosed: fc.boolean(),
  })
  .map((p) => {
    const open = '<div>'.repeat(p.depth);
    const close = p.unclosed ? '' : '</div>'.repeat(p.depth);
    return `<!doctype html><html><head><meta property="og:title" content="${escapeHtml(p.title)}"><meta property="article:published_time" content="${p.published}"></head><body${p.attribute ? ` data-x="${'a'.repeat(p.attribute)}"` : ''}><article>${open}<h1>${escapeHtml(p.title)}</h1>${p.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join('')}${'<b>x</b>'.repeat(p.flood)}${close}</article></body></html>`;
  });
const textPage = fc.array(words, { maxLength: 6 }).map((ps) => ps.join('\n\n'));
const binaryPage = fc.uint8Array({ minLength: 1, maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8'));
const utf16Page = textPage.map((t) => Buffer.from(t, 'utf16le').toString('utf8'));
const page = fc.oneof(
  { weight: 4, arbitrary: htmlPage },
  { weight: 3, arbitrary: textPage },
  { weight: 1, arbitrary: binaryPage },
  { weight: 1, arbitrary: utf16Page },
);
/** What "Edit details" may send along: the moderator's corrections, hostile or not. */
const details = fc.option(
  fc.record(
    {
      title: hostileString,
      outlet: hostileString,
      authors: fc.array(hostileString, { maxLength: 2 }),
      published: fc.constantFrom('2024-08-01', '2023-02-30', '2023-13-45', 'soon', ''),
    },
    { requiredKeys: [] },
  ),
  { nil: {} },
);

type Outcome = { ok: true; text: string } | { ok: false; message: string };

describe('/source-admin add', () => {
  const dir = emptyCorpus();
  copyFileSync(join('corpus', 'sources', 'raanans-freed-2023-10-20.md'), join(dir, 'sources', 'raanans-freed-2023-10-20.md'));
  const editor = new CorpusEditor(LiveKnowledge.open(dir));
  const sourcesNow = () => readdirSync(join(dir, 'sources')).join('\n');
  const sources = sourcesNow();
  const inputs = { attachments: 0, links: 0 };
  const preview = (raw: string, name: string, options: Record<string, unknown>): Outcome => {
    try {
      const p = editor.preview(raw, name, options);
      expect(p.prepared.meta.id).toMatch(SOURCE_ID);
      expect(parseSourceFile(p.prepared.text, `sources/${p.prepared.meta.id}.md`).paragraphs).toEqual(p.prepared.cleaned.paragraphs);
      return { ok: true, text: p.prepared.text };
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      return { ok: false, message: error.message };
    }
  };
  const expectOwnWords = (o: Outcome) => {
    if (!o.ok) expect(o.message).not.toMatch(VALIDATOR_WORDS);
  };

  // pages served on loopback for the links, by number; status and content type vary too
  const served: Array<{ status: number; type: string; body: string }> = [];
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const n = Number(/^\/p\/(\d+)/.exec(req.url ?? '')?.[1] ?? -1);
      const reply = served[n];
      if (!reply) return void res.writeHead(404).end('not found');
      res.writeHead(reply.status, { 'content-type': reply.type }).end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    recordFuzzInputs('source-admin attachments', inputs.attachments);
    recordFuzzInputs('source-admin links', inputs.links);
  });

  it('previews an attachment whole or refuses it in the bot’s words, writing nothing, the same way every time', () => {
    const seen = { previewed: 0, refused: 0 };
    fc.assert(
      fc.property(
        page,
        fc.constantFrom('page.html', 'page.txt', '../../etc/passwd.html', 'C:\\x\\page.htm', 'صفحة.html'),
        details,
        (raw, name, options) => {
          inputs.attachments++;
          const first = preview(raw, name, options);
          seen[first.ok ? 'previewed' : 'refused']++;
          expectOwnWords(first);
          expect(preview(raw, name, options)).toEqual(first);
          expect(sourcesNow()).toBe(sources);
        },
      ),
      { numRuns: 1500, seed: 11_24 },
    );
    expect(seen.previewed).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  }, 240_000);

  const link = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          page,
          fc.constantFrom(200, 200, 200, 404, 500, 301),
          fc.constantFrom('text/html', 'text/plain', 'application/octet-stream', 'image/png', 'text/html; charset=utf-16'),
        )
        .map(([body, status, type]) => {
          served.push({ status, type, body });
          return `http://127.0.0.1:${port}/p/${served.length - 1}`;
        }),
    },
    { weight: 2, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'javascript:alert(1)',
        'file:///etc/passwd',
        'ftp://example.org/a',
        'data:text/html,<p>x</p>',
        'http://10.0.0.1/',
        'http://169.254.169.254/latest/meta-data/',
        'http://[::1]:1/',
        'http://user:pass@example.org/',
        'https://example.org/news?id=1#top',
        'http://127.0.0.1:1/',
        'https://xn--mgbaal8b0b.example/',
      ),
    },
    { weight: 1, arbitrary: hostileString.map((s) => `https://example.org/${encodeURIComponent(s)}`) },
  );

  it('fetches a link and previews it whole, or refuses it in the bot’s words — never anything but loopback', async () => {
    await fc.assert(
      fc.asyncProperty(link, async (url) => {
        inputs.links++;
        // every host name resolves to a private address: nothing leaves the machine, and such links are refused
        const options = { allowLoopback: true, timeoutMs: 5000, resolve: () => Promise.resolve(['10.1.2.3']) };
        const run = async (): Promise<Outcome> => {
          try {
            const fetched = await fetchPage(url, options);
            return preview(fetched.body, new URL(fetched.url).hostname, { url: fetched.url });
          } catch (error) {
            if (!(error instanceof FetchPageError)) throw error;
            return { ok: false, message: error.message };
          }
        };
        const first = await run();
        expectOwnWords(first);
        expect(await run()).toEqual(first);
        expect(sourcesNow()).toBe(sources);
      }),
      { numRuns: 600, seed: 11_24 },
    );
  }, 240_000);
});
