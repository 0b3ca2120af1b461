/**
 * FAQ import files are applied whole or refused whole (property-based, fast-check): whatever the attached file holds
 * — bytes that are not UTF-8, not JSON, another format, wrong types, empty or over-long texts, impossible review
 * dates, duplicate questions or aliases, a file half valid — the import either adds every entry or refuses with a
 * message naming the entry and field in the bot's words; the server's FAQ is then exactly as it was. No other
 * exception escapes, and the same file is judged the same way every time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaqError } from '../../src/faq/faq-store.ts';
import { SqliteFaqStore } from '../../src/faq/sqlite-faq-store.ts';
import { parseImportFile } from '../../src/faq/faq-import-file.ts';
import { hostileString, recordFuzzInputs, VALIDATOR_WORDS, wrongType } from '../helpers/file-fuzz.ts';

const GUILD = '300000000000000003';
const FIELDS = ['question', 'answer', 'aliases', 'citations', 'review_by', 'deleted', '__proto__'];

const entry = fc.record({
  question: fc.string({ minLength: 1, maxLength: 40 }).map((q) => `${q.replace(/\p{Cc}/gu, '')} ${'x'}?`),
  answer: fc.lorem({ maxCount: 8 }),
  aliases: fc.array(fc.lorem({ maxCount: 3 }), { maxLength: 2 }),
  citations: fc.array(fc.constantFrom('raanans-freed-2023-10-20#1', 'ap-how-the-hostage-deal-came-about#5'), { maxLength: 2 }),
  review_by: fc.oneof(fc.constant(null), fc.constantFrom('2027-01-31', '2023-02-30', '2023-13-45', '2024-02-29')),
});
/** An entry, broken in one field or not. */
const fuzzedEntry = fc
  .tuple(entry, fc.constantFrom(...FIELDS), fc.oneof(hostileString, wrongType), fc.boolean())
  .map(([e, field, value, broken]) => {
    const out: Record<string, unknown> = { ...e };
    if (broken) Object.defineProperty(out, field, { value, enumerable: true, configurable: true, writable: true });
    return out;
  });
/** The bytes of an attached file: an export (perhaps with a broken entry, a duplicate, another format) or anything. */
const importFile = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.array(fuzzedEntry, { maxLength: 5 }),
        fc.constantFrom('talks-bot-faq/1', 'talks-bot-faq/2', ''),
        fc.constantFrom('plain', 'bom', 'duplicate', 'utf16', 'wrapped'),
      )
      .map(([entries, format, shape]) => {
        const data = { format, entries: shape === 'duplicate' && entries[0] ? [...entries, entries[0]] : entries };
        const json = JSON.stringify(shape === 'wrapped' ? [data] : data);
        return shape === 'bom' ? Buffer.from(`\uFEFF${json}`) : shape === 'utf16' ? Buffer.from(json, 'utf16le') : Buffer.from(json);
      }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: hostileString.map((s) => Buffer.from(s)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Buffer.from('['.repeat(100_000)),
      Buffer.from(`{"format":"talks-bot-faq/1","entries":${'['.repeat(5000)}`),
      Buffer.from('{"__proto__":{"polluted":1},"format":"talks-bot-faq/1","entries":[]}'),
    ),
  },
);

describe('an FAQ import file', () => {
  let store: SqliteFaqStore;
  let inputs = 0;
  beforeAll(async () => {
    store = await SqliteFaqStore.open(mkdtempSync(join(tmpdir(), 'talks-faq-fuzz-')));
    await store.add(
      GUILD,
      { question: 'Who mediated the talks?', answer: 'Qatar and Egypt.', aliases: ['Who were the mediators'] },
      'seed',
    );
  });
  afterAll(async () => {
    await store.close();
    recordFuzzInputs('faq import files', inputs);
  });

  it('is imported whole or refused whole, naming the entry and field, the FAQ untouched on refusal', async () => {
    const judged = { imported: 0, refused: 0 };
    const entries = async () => (await store.list(GUILD)).length;
    const state = async () => JSON.stringify([await store.list(GUILD), (await store.history(GUILD, 1)).length]);
    await fc.assert(
      fc.asyncProperty(importFile, fc.boolean(), async (bytes, overwrite) => {
        inputs++;
        const before = await state();
        const countBefore = await entries();
        const run = async (): Promise<{ ok: true; added: number } | { ok: false; message: string }> => {
          try {
            const report = await store.importGuild(GUILD, parseImportFile(bytes), 'fuzz', { overwrite });
            return { ok: true, added: report.added };
          } catch (error) {
            if (!(error instanceof FaqError) && !(error instanceof Error && error.message.startsWith('the file is not'))) throw error;
            return { ok: false, message: error.message };
          }
        };
        const first = await run();
        if (!first.ok) {
          judged.refused++;
          expect(first.message).not.toMatch(VALIDATOR_WORDS);
          expect(first.message.length).toBeLessThan(1500);
          expect(await state()).toBe(before);
          expect(await run()).toEqual(first); // the same file, the same words
          return;
        }
        judged.imported++;
        expect((await entries()) - countBefore).toBe(first.added);
      }),
      { numRuns: 4500, seed: 11_24 },
    );
    expect(judged.imported).toBeGreaterThan(100);
    expect(judged.refused).toBeGreaterThan(1000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000);

  it('says which entry and which field is wrong, for a file half valid', async () => {
    const file = {
      format: 'talks-bot-faq/1',
      entries: [
        { question: 'First fine question?', answer: 'Fine.' },
        { question: 'Second?', answer: '', review_by: '2024-02-30' },
      ],
    };
    await expect(store.importGuild(GUILD, file, 'n')).rejects.toThrow(
      'Nothing was imported: entry 2, field "answer": the answer must not be empty.',
    );
    const late = { ...file, entries: [file.entries[0], { question: 'Second?', answer: 'Fine.', review_by: '2024-02-30' }] };
    await expect(store.importGuild(GUILD, late, 'n')).rejects.toThrow(
      'Nothing was imported: entry 2, field "review_by": review_by must be a real calendar date (YYYY-MM-DD).',
    );
    const twice = { ...file, entries: [file.entries[0], { question: 'first fine QUESTION', answer: 'Again.' }] };
    await expect(store.importGuild(GUILD, twice, 'n')).rejects.toThrow('Nothing was imported: entry 2 asks the same question as entry 1.');
    const typed = { ...file, entries: [{ question: 42, answer: 'x' }] };
    await expect(store.importGuild(GUILD, typed, 'n')).rejects.toThrow(
      'Nothing was imported: entry 1, field "question": must be text, not a number.',
    );
    expect((await store.list(GUILD)).some((e) => e.question === 'First fine question?')).toBe(false);
  });
});
