/**
 * A damaged knowledge save is never served and never fatal. An outside attack changed single bytes of a save: of 250,
 * 17 silently changed answers (a misspelled word in a quote, a wrong "Sources disagree") and 2 made a saved count so
 * large that every start ran out of memory. Here a real save has one byte changed at each of 300 places (every byte
 * of the header, then seeded random places in the payload), and a start is made on each: it must either read
 * knowledge that answers exactly as a fresh build does, or report the damage, build again and replace the save —
 * never answer differently, never throw. A save whose counts lie although its checksum is right (forged, or written by
 * a bug) is refused by the bounds checks before anything is allocated from them.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { Dice, seededRandom } from '../bench/seeded-random.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import {
  CACHE_DIR,
  DamagedSaveError,
  loadKnowledge,
  openCachedKnowledge,
  SAVE_HEADER_BYTES,
  SAVE_MAGIC,
  sealOf,
  unsealed,
} from '../../src/serving/knowledge-cache.ts';
import { sampleAnswers } from './sample-answers.ts';
import { scratchCorpus } from '../helpers/corpus.ts';

const FLIPS = 300;
const saveIn = (dir: string) => join(dir, CACHE_DIR, readdirSync(join(dir, CACHE_DIR)).find((f) => f.endsWith('.v8')) ?? '');

/** A corpus with a save of its knowledge, the save's bytes, and what a fresh build answers. */
function savedCorpus() {
  const dir = scratchCorpus();
  openCachedKnowledge(dir, loadCorpus(dir));
  const file = saveIn(dir);
  return { dir, file, good: readFileSync(file), expected: sampleAnswers(buildKnowledge(loadCorpus(dir))) };
}

/** The same save with its payload changed by `edit` and sealed again: a checksum that matches, counts that lie. */
function forged(good: Buffer, edit: (saved: { passages: { counts: Record<string, Uint32Array> } }) => void): Buffer {
  // a copy: the typed arrays read from a save are views of the bytes it was read from
  const saved = deserialize(Buffer.from(good.subarray(SAVE_HEADER_BYTES))) as Parameters<typeof edit>[0];
  edit(saved);
  const payload = serialize(saved);
  return Buffer.concat([sealOf(payload), payload]);
}

describe('a damaged knowledge save', () => {
  it(`with any one byte changed (${FLIPS} places) is read answering as a build does, or reported and rebuilt`, () => {
    const { dir, file, good, expected } = savedCorpus();
    const corpus = loadCorpus(dir); // the corpus does not change: what changes is the save
    const dice = new Dice(seededRandom(20260223));
    const places = [
      ...Array.from({ length: SAVE_HEADER_BYTES }, (_, i) => i),
      ...Array.from({ length: FLIPS - SAVE_HEADER_BYTES }, () => dice.int(SAVE_HEADER_BYTES, good.length - 1)),
    ];
    const outcomes = { read: 0, rebuilt: 0 };
    const problems: string[] = [];
    for (const at of places) {
      const damaged = Buffer.from(good);
      damaged[at] = (damaged[at] ?? 0) ^ dice.int(1, 255); // never 0: the byte does change
      writeFileSync(file, damaged);
      const heard: string[] = [];
      let start: ReturnType<typeof openCachedKnowledge>;
      try {
        start = openCachedKnowledge(dir, corpus, (m) => heard.push(m));
      } catch (error) {
        problems.push(`byte ${at}: the start threw ${(error as Error).message}`);
        continue;
      }
      if (sampleAnswers(start.knowledge) !== expected) problems.push(`byte ${at}: answers changed (read from ${start.from})`);
      if (start.from === 'cache') {
        outcomes.read++;
        continue;
      }
      outcomes.rebuilt++;
      if (!heard.some((m) => /cannot be read \(damaged: .*\): building it again/.test(m)))
        problems.push(`byte ${at}: rebuilt without reporting the damage: ${heard.join(' | ')}`);
      // replaced by a whole save, which the next start reads
      try {
        unsealed(readFileSync(file), file);
      } catch (error) {
        problems.push(`byte ${at}: the damaged save was not replaced (${(error as Error).message})`);
      }
    }
    console.log(
      `damaged save: ${places.length} single-byte changes, ${outcomes.read} read back as built, ${outcomes.rebuilt} detected and rebuilt`,
    );
    expect(problems).toEqual([]);
    expect(outcomes.read + outcomes.rebuilt).toBe(places.length);
  }, 600_000);

  it('whose count is huge is refused before anything is allocated from it, even with a matching checksum', () => {
    const { dir, file, good, expected } = savedCorpus();
    for (const kind of ['sentences', 'dates', 'mentions', 'speakers', 'terms']) {
      writeFileSync(
        file,
        forged(good, (saved) => {
          const counts = saved.passages.counts[kind] as Uint32Array;
          counts[0] = 0xffffffff;
        }),
      );
      const started = performance.now();
      expect(() => loadKnowledge(file, loadCorpus(dir))).toThrow(DamagedSaveError);
      expect(performance.now() - started).toBeLessThan(5_000);
      const heard: string[] = [];
      const start = openCachedKnowledge(dir, loadCorpus(dir), (m) => heard.push(m));
      expect(start.from).toBe('build');
      expect(heard.join('\n')).toMatch(new RegExp(`damaged: the saved passages' ${kind} .*building it again`));
      expect(sampleAnswers(start.knowledge)).toBe(expected);
    }
  });

  it('whose header claims more contents than the file holds is refused without reading them', () => {
    const { dir, file, good } = savedCorpus();
    const damaged = Buffer.from(good);
    damaged.writeBigUInt64LE(0xffffffffffffffffn, SAVE_MAGIC.length);
    writeFileSync(file, damaged);
    expect(() => loadKnowledge(file, loadCorpus(dir))).toThrow(
      /damaged: its header gives 18446744073709551615 bytes of contents, the file holds/,
    );
    writeFileSync(file, good.subarray(0, SAVE_HEADER_BYTES - 1));
    expect(() => loadKnowledge(file, loadCorpus(dir))).toThrow(/damaged: it does not start with a save header/);
    writeFileSync(file, good);
    expect(loadKnowledge(file, loadCorpus(dir)).passages.length).toBeGreaterThan(0);
  });
});
