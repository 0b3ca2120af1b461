import { readFileSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSourceFile, parseSourceFile } from '../../src/corpus/source-file.ts';
import { cleanRawText } from '../../src/ingest/read/clean-raw-text.ts';
import { ingestRawText } from '../../src/ingest/ingest-source.ts';
import { IngestError } from '../../src/ingest/ingest-error.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { SEEDS_DIR, emptyCorpus } from '../helpers/corpus.ts';

const seed = (prefix: string) => {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
};

describe('re-cleaning the seeds', () => {
  const files = readdirSync('corpus/sources').filter((f) => f.endsWith('.md'));
  const seeds = files.flatMap((f) => {
    const text = readFileSync(join('corpus/sources', f), 'utf8');
    const { paragraphs: _paragraphs, file: _file, ...meta } = parseSourceFile(text, `sources/${f}`);
    const origin = meta.origin?.file;
    return origin && readdirSync(SEEDS_DIR).includes(origin) ? [{ f, text, meta, origin }] : [];
  });

  it('covers the five seeds', () => {
    expect(seeds.map((s) => s.origin.slice(0, 3)).sort()).toEqual(['000', '001', '002', '003', '004']);
  });

  it.each(seeds.map((s) => [s.f, s] as const))('%s comes out byte-identical from its raw seed', (_f, { text, meta, origin }) => {
    const cleaned = cleanRawText(readFileSync(join(SEEDS_DIR, origin), 'utf8'));
    expect(formatSourceFile(meta, cleaned.paragraphs)).toBe(text);
  });
});

describe('cleaning the AP page dump (004)', () => {
  const cleaned = cleanRawText(seed('004'));
  const body = cleaned.paragraphs.join('\n');

  it('keeps the headline and the byline', () => {
    expect(cleaned.title).toBe('How the hostage deal came about: Negotiations stumbled, but persistence finally won out');
    expect(cleaned.authors).toEqual(['Colleen Long', 'Seung Min Kim', 'Sam Magdy', 'Julia Frankel']);
    expect(cleaned.outletHint).toEqual({ outlet: 'The Associated Press', evidence: 'dateline "WASHINGTON (AP) —"' });
    expect(cleaned.reportsOnHint).toBeNull();
    expect(cleaned.dateline).toEqual({ place: 'WASHINGTON', wire: 'The Associated Press', evidence: 'WASHINGTON (AP) —' });
  });

  it('reads no date: the page’s timestamp template was never filled in', () => {
    expect(cleaned.statedDate).toBeNull();
    expect(cleaned.dropped).toContainEqual({
      text: 'Updated [hour]:[minute] [AMPM] [timezone], [monthFull] [day], [year]',
      reason: 'timestamp template never filled in',
    });
  });

  it('keeps exactly the article: from the first word after the dateline to Netanyahu’s closing quote', () => {
    expect(cleaned.paragraphs[0]).toMatch(/^The negotiations hardly ran smoothly\./);
    expect(cleaned.dropped).toContainEqual({ text: 'WASHINGTON (AP) —', reason: 'dateline before the lead (kept in the notes)' });
    expect(cleaned.paragraphs.at(-1)).toMatch(/President Biden joined in the effort and I thank him for it\.”$/);
    expect(cleaned.paragraphs).toHaveLength(31);
  });

  it('drops navigation, captions, "Read More" teasers, share widgets, bios and copyright lines', () => {
    for (const junk of [
      'Menu',
      'Read More',
      'READ MORE',
      'AP Photo',
      'Sun-Times',
      'Link copied',
      'Copyright',
      'All Rights Reserved',
      'White House reporter',
      '[ Submit ]',
      'Live Updates',
      'Updated [hour]',
    ]) {
      expect(body).not.toContain(junk);
    }
  });

  it('joins wrapped lines into whole paragraphs', () => {
    expect(body).toContain('It was so secret that U.S. officials established a communications cell to reach Hamas directly');
  });

  it('keeps the credit line for the notes', () => {
    expect(cleaned.credits.join(' ')).toContain('Abby Sewell contributed from Beirut.');
  });
});

describe('cleaning the plain seeds', () => {
  it('003: drops the six unrelated trailing headlines', () => {
    const cleaned = cleanRawText(seed('003'));
    expect(cleaned.paragraphs.at(-1)).toMatch(/next week\.$/);
    expect(cleaned.dropped).toHaveLength(6);
    expect(cleaned.dropped.every((d) => d.reason === 'teaser of another article')).toBe(true);
    expect(cleaned.truncated).toBeNull();
    expect(cleaned.paragraphs.join(' ')).not.toMatch(/Assad|Pezeshkian|Zelensky/);
  });

  it('002: keeps the Arabic tweet and reads the stated date', () => {
    const cleaned = cleanRawText(seed('002'));
    expect(cleaned.statedDate?.iso).toBe('2023-10-20');
    expect(cleaned.paragraphs.some((p) => /\p{Script=Arabic}/u.test(p) && p.includes('@AJABreaking'))).toBe(true);
    expect(cleaned.paragraphs[0]).toMatch(/^The Palestinian resistance group/);
  });

  it('001: reads the stated date and removes the marker from the text', () => {
    const cleaned = cleanRawText(seed('001'));
    expect(cleaned.statedDate).toEqual({ iso: '2023-11-22', evidence: 'the text opens with "date 2023-11-22"' });
    expect(cleaned.paragraphs[0]).toMatch(/^Amidst a high-stakes situation/);
  });

  it('000: keeps its subheadings and states no date', () => {
    const cleaned = cleanRawText(seed('000'));
    expect(cleaned.statedDate).toBeNull();
    expect(cleaned.paragraphs).toContain('Captured soldiers');
  });
});

describe('cleaning a saved HTML page', () => {
  it('keeps the article paragraphs, headline, author and date; drops scripts, menus and figures', () => {
    const html = `<!doctype html><html><head><title>Site | Talks</title>
      <meta name="author" content="Jane Roe and John Doe"><meta property="article:published_time" content="2023-11-24T09:00:00Z">
      <meta property="og:site_name" content="Example News"><script>var x = "<p>no</p>";</script></head>
      <body><nav><p>Home</p></nav><article><h1>Truce holds &amp; hostages freed</h1>
      <figure><img src=x><figcaption>A caption</figcaption></figure>
      <p>Hamas freed 13 hostages on Friday.</p><p>Israel released 39 prisoners &mdash; women and minors.</p></article>
      <footer><p>© Example</p></footer></body></html>`;
    const cleaned = cleanRawText(html);
    expect(cleaned.title).toBe('Truce holds & hostages freed');
    expect(cleaned.paragraphs).toEqual(['Hamas freed 13 hostages on Friday.', 'Israel released 39 prisoners — women and minors.']);
    expect(cleaned.authors).toEqual(['Jane Roe', 'John Doe']);
    expect(cleaned.statedDate?.iso).toBe('2023-11-24');
    expect(cleaned.outletHint?.outlet).toBe('Example News');
  });
});

describe('ingesting a raw text into the corpus', () => {
  it('writes a source that loads, and refuses to overwrite it', () => {
    const dir = emptyCorpus();
    const result = ingestRawText(seed('002'), '002.txt', dir, { id: 'test-002' });
    expect(result.meta.published_basis.kind).toBe('stated');
    expect(result.meta.origin?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loadCorpus(dir).sources[0]?.id).toBe('test-002');
    expect(() => ingestRawText(seed('002'), '002.txt', dir, { id: 'test-002' })).toThrow(IngestError);
    rmSync(dir, { recursive: true });
  });

  it('marks a date given by the moderator as inferred when told so, with the evidence', () => {
    const dir = emptyCorpus();
    const result = ingestRawText(seed('000'), '000.txt', dir, {
      id: 'x-000',
      published: '2023-10-21',
      publishedBasis: 'inferred',
      evidence: 'Friday night release',
    });
    expect(result.meta.published_basis).toEqual({ kind: 'inferred', evidence: 'Friday night release' });
    rmSync(dir, { recursive: true });
  });

  it('rejects an invalid id or date without writing anything', () => {
    const dir = emptyCorpus();
    expect(() => ingestRawText(seed('001'), '001.txt', dir, { id: 'Bad Id!' })).toThrow(/field "id"/);
    expect(() => ingestRawText(seed('001'), '001.txt', dir, { id: 'ok-id', published: 'yesterday' })).toThrow(/field "published"/);
    expect(readdirSync(join(dir, 'sources'))).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('rejects a text with nothing left after cleaning', () => {
    const dir = emptyCorpus();
    expect(() => ingestRawText('   \n\n  ', 'empty.txt', dir, {})).toThrow(
      /empty.txt: the file holds only blank space; save the page from the browser again/,
    );
    rmSync(dir, { recursive: true });
  });
});

describe('the bundled corpus', () => {
  it('records what each seed says about itself', () => {
    const byId = new Map(loadCorpus('corpus').sources.map((s) => [s.id, s]));
    const ap = byId.get('ap-how-the-hostage-deal-came-about');
    expect(ap?.published_basis.kind).toBe('inferred');
    expect(ap?.published_basis.evidence).toContain('[hour]:[minute]');
    const nyt = byId.get('nyt-retold-qatar-role-in-raanan-release');
    expect([nyt?.outlet, nyt?.reports_on, nyt?.published_basis.kind]).toEqual([null, 'The New York Times', 'inferred']);
    const cnn = byId.get('cnn-retold-blinken-warns-qatar');
    expect([cnn?.reports_on, cnn?.published?.slice(0, 7), cnn?.published_basis.kind]).toEqual(['CNN', '2024-03', 'inferred']);
    expect(byId.get('deal-account-2023-11-22')?.published_basis.kind).toBe('stated');
    expect(byId.get('raanans-freed-2023-10-20')?.published_basis.kind).toBe('stated');
    for (const s of byId.values()) expect(s.url).toBeUndefined(); // no URL is in any seed, so none is invented
  });
});
