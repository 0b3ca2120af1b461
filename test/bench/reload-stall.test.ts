/**
 * The benchmark's reload-stall figure measures what it says: reloads of a running bot, articles applied as updates
 * and an `entities.yaml` edit as a full build, with the corpus left as it was found. The figures themselves are the
 * benchmark's to print; nothing here judges a time.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureReloadStall } from './reload-stall.ts';
import { scratchCorpus } from '../helpers/corpus.ts';

describe('measureReloadStall', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds three articles as updates, edits entities.yaml as a full build, and leaves the corpus as it found it', async () => {
    dir = scratchCorpus();
    const sources = readdirSync(join(dir, 'sources')).sort();
    const entities = readFileSync(join(dir, 'entities.yaml'), 'utf8');
    const stall = await measureReloadStall(dir, { seed: 1 });
    expect(stall.adds.map((a) => a.how)).toEqual(['update', 'update', 'update']);
    expect(stall.entities?.how).toBe('build');
    for (const reload of [...stall.adds, stall.entities]) {
      expect(reload?.maxGapMs).toBeGreaterThan(0);
      expect(reload?.totalMs).toBeGreaterThan(0);
    }
    expect(readdirSync(join(dir, 'sources')).sort()).toEqual(sources);
    expect(readFileSync(join(dir, 'entities.yaml'), 'utf8')).toBe(entities);
  }, 120_000);

  it('leaves the edit out when asked', async () => {
    dir = scratchCorpus();
    const stall = await measureReloadStall(dir, { seed: 1, entities: false });
    expect(stall.adds).toHaveLength(3);
    expect(stall.entities).toBeNull();
  }, 120_000);
});
