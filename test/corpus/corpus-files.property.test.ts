/**
 * Bad corpus files are refused whole (property-based, fast-check): whatever a source file or `entities.yaml` holds —
 * broken YAML, wrong types, impossible dates, path tricks in ids, unknown or prototype keys, control characters, a
 * byte-order mark, half a file — reading it either gives the whole source or refuses it with a CorpusError naming
 * the file (and the field when there is one) in the bot's words; no other exception escapes, and the same file always
 * gives the same outcome. A reload that meets a refused file keeps the running knowledge, untouched, and says which
 * file and why.
 */
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadEntities } from '../../src/corpus/load-corpus.ts';
import { CorpusError, formatSourceFile, parseSourceFile } from '../../src/corpus/source-file.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { emptyCorpus } from '../helpers/corpus.ts';
import { hostileString, recordFuzzInputs, VALIDATOR_WORDS, wrongType } from '../helpers/file-fuzz.ts';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{1,20}$/);
const day = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const validMeta = fc.record({
  id,
  title: fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 60 })),
  outlet: fc.oneof(fc.constant(null), fc.constantFrom('Reuters', 'Al Jazeera', 'The Associated Press')),
  authors: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
  published: day,
  published_basis: fc.record({ kind: fc.constantFrom('stated', 'inferred'), evidence: fc.string({ minLength: 1, maxLength: 40 }) }),
  language: fc.constantFrom('en', 'ar', 'he', 'en-GB'),
});
const FIELDS = ['id', 'title', 'outlet', 'authors', 'published', 'published_basis', 'language', 'notes', 'url', 'near_duplicate_of', 'origin'];
/** A front matter with one field broken, removed or added — or left whole. */
const frontMatter = fc
  .tuple(validMeta, fc.constantFrom(...FIELDS, '__proto__', 'constructor', 'extra'), fc.oneof(hostileString, wrongType, day), fc.constantFrom('set', 'delete', 'keep'))
  .map(([meta, field, value, how]) => {
    const m: Record<string, unknown> = { ...meta };
    if (how === 'set') Object.defineProperty(m, field, { value, enumerable: true, configurable: true, writable: true });
    if (how === 'delete') delete m[field];
    return m;
  });
const body = fc.array(fc.oneof(hostileString, fc.lorem({ maxCount: 12 })), { maxLength: 4 }).map((ps) => ps.join('\n\n'));
/** A whole source file, and the name it is saved under. */
const sourceFile = fc
  .tuple(frontMatter, body, fc.constantFrom('plain', 'bom', 'crlf', 'truncated', 'no-front-matter', 'raw'), fc.nat(), fc.string({ unit: 'binary', maxLength: 200 }), fc.oneof(fc.constant(null), hostileString))
  .map(([meta, text, shape, cut, raw, otherName]) => {
    let yaml: string;
    try {
      yaml = stringify(meta, { lineWidth: 0 });
    } catch {
      yaml = JSON.stringify(meta);
    }
    const whole = `---\n${yaml}---\n\n${text}\n`;
    const file = shape === 'bom' ? `\uFEFF${whole}` : shape === 'crlf' ? whole.replace(/\n/g, '\r\n') : shape === 'truncated' ? whole.slice(0, cut % (whole.length + 1)) : shape === 'no-front-matter' ? text : shape === 'raw' ? raw : whole;
    const name = otherName ?? (typeof meta.id === 'string' ? meta.id : 'not-a-string');
    return { text: file, label: `sources/${name}.md` };
  });

type Outcome = { ok: true; value: string } | { ok: false; message: string; field: string | null };
function outcome(read: () => unknown): Outcome {
  try {
    return { ok: true, value: JSON.stringify(read()) };
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    return { ok: false, message: error.message, field: error.field };
  }
}
function expectOwnWords(result: Outcome, label: string): void {
  if (result.ok) return;
  expect(result.message.startsWith(`${label}: `)).toBe(true);
  expect(result.message).not.toMatch(VALIDATOR_WORDS);
  if (result.field !== null) expect(result.message).toContain(`field "${result.field}"`);
}

const inputs = { 'corpus source files': 0, 'corpus entities.yaml': 0, 'corpus reloads': 0 };
afterAll(() => {
  for (const [area, n] of Object.entries(inputs)) recordFuzzInputs(area, n);
});

describe('corpus source files', () => {
  it('are read whole or refused whole, naming the file and field in the bot’s words, the same way every time', () => {
    let accepted = 0;
    fc.assert(
      fc.property(sourceFile, ({ text, label }) => {
        inputs['corpus source files']++;
        const first = outcome(() => parseSourceFile(text, label));
        expect(outcome(() => parseSourceFile(text, label))).toEqual(first);
        expectOwnWords(first, label);
        if (first.ok) {
          accepted++;
          const { paragraphs, file: _file, ...meta } = parseSourceFile(text, label);
          expect(label).toBe(`sources/${meta.id}.md`);
          expect(paragraphs.length).toBeGreaterThan(0);
          expect(parseSourceFile(formatSourceFile(meta, paragraphs), label)).toEqual(parseSourceFile(text, label)); // nothing was half-read
        }
      }),
      { numRuns: 7000, seed: 11_24 },
    );
    expect(accepted).toBeGreaterThan(500); // the valid files are read, not only the broken ones refused
  }, 120_000);
});

const entityFile = fc
  .tuple(
    fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,12}$/), name: fc.string({ minLength: 2, maxLength: 20 }), kind: fc.constantFrom('person', 'organisation'), description: fc.string({ minLength: 1, maxLength: 30 }) }),
    fc.constantFrom('id', 'name', 'kind', 'aliases', 'short_forms', 'roles', 'part_of', 'description', '__proto__', 'other'),
    fc.oneof(hostileString, wrongType),
    fc.constantFrom('set', 'delete', 'keep', 'duplicate', 'raw'),
    fc.string({ unit: 'binary', maxLength: 200 }),
  )
  .map(([entity, field, value, how, raw]) => {
    if (how === 'raw') return raw;
    const e: Record<string, unknown> = { ...entity };
    if (how === 'set') Object.defineProperty(e, field, { value, enumerable: true, configurable: true, writable: true });
    if (how === 'delete') delete e[field];
    try {
      return stringify({ entities: how === 'duplicate' ? [e, e] : [e], not_entities: [] });
    } catch {
      return JSON.stringify({ entities: [e] });
    }
  });

describe('entities.yaml', () => {
  it('is read whole or refused whole, naming the entry and field in the bot’s words', () => {
    const dir = emptyCorpus();
    const file = join(dir, 'entities.yaml');
    fc.assert(
      fc.property(entityFile, (text) => {
        inputs['corpus entities.yaml']++;
        writeFileSync(file, text);
        const first = outcome(() => loadEntities(file));
        expect(outcome(() => loadEntities(file))).toEqual(first);
        expectOwnWords(first, 'entities.yaml');
      }),
      { numRuns: 1500, seed: 11_24 },
    );
  }, 120_000);
});

describe('a reload that meets a bad file', () => {
  it('keeps the running knowledge untouched and says which file and why; a good file is taken in', async () => {
    const dir = emptyCorpus();
    copyFileSync(join('corpus', 'sources', 'raanans-freed-2023-10-20.md'), join(dir, 'sources', 'raanans-freed-2023-10-20.md'));
    const live = LiveKnowledge.open(dir);
    const outcomes = { taken: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(sourceFile.map((f) => ({ kind: 'source' as const, ...f })), entityFile.map((text) => ({ kind: 'entities' as const, text, label: 'entities.yaml' }))), async (input) => {
        inputs['corpus reloads']++;
        // a file name the corpus can hold: path tricks are the id's business, not the file system's
        const label = input.kind === 'entities' ? 'entities.yaml' : /^sources\/[a-z0-9][a-z0-9_-]*\.md$/.test(input.label) && input.label !== 'sources/raanans-freed-2023-10-20.md' ? input.label : 'sources/fuzzed.md';
        const path = join(dir, label);
        const before = live.current();
        writeFileSync(path, input.text);
        const reload = await live.reload();
        outcomes[reload.ok ? 'taken' : 'refused']++;
        if (reload.ok) {
          expect(live.current()).not.toBe(before);
        } else {
          expect(live.current()).toBe(before);
          expect(reload.error.startsWith(`${label}: `)).toBe(true);
          expect(reload.error).not.toMatch(VALIDATOR_WORDS);
        }
        rmSync(path);
        const back = await live.reload();
        expect(back.ok).toBe(true);
        expect(live.current().corpus.sources.map((s) => s.id)).toEqual(['raanans-freed-2023-10-20']);
      }),
      { numRuns: 120, seed: 11_24 },
    );
    expect(outcomes.taken).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(5);
  }, 120_000);
});
