/**
 * docs/performance.md's figures come from bench JSON, never from a hand edit: the renderer turns a run into rows with
 * their units, and the doc's generated part is what the runs committed under docs/bench/ render. Nothing here times
 * anything or reads outside the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BenchRun,
  GENERATED_BEGIN,
  GENERATED_END,
  generatedPart,
  growthExponent,
  measuredNow,
  parseBenchJson,
  readRuns,
  renderFigures,
  renderGrowth,
  replaceGenerated,
} from './performance-doc.ts';

const ROOT = join(import.meta.dirname, '../..');
const DOC = join(ROOT, 'docs/performance.md');
const BENCH_DIR = join(ROOT, 'docs/bench');

const summary = (n: number, p50: number, p99: number) => ({ n, p50, p95: p99, p99, max: p99, mean: p50 });

/** A run of two sizes, written here: one with every figure, one where the fresh start, the update and the edit were not measured. */
const FIXTURE = {
  generatedAt: '2026-11-30T09:15:00.000Z',
  measured: {
    date: '2026-11-30',
    command: 'npm run bench -- --sizes 1000,100000 --queries 300 --cold 50',
    machine: { cpus: 4, memoryGiB: 15.6, node: 'v20.19.0' },
  },
  node: 'v20.19.0',
  sizes: [
    {
      passages: 100_000,
      buildMs: 107_000,
      startMs: 4_512,
      cold: {
        search: summary(50, 54.04, 574.4),
        who: summary(50, 7.04, 93.2),
        when: summary(50, 69.1, 687),
        terms: summary(50, 158.2, 1_234.5),
        findSources: summary(50, 55, 116),
      },
      autocomplete: { who: summary(300, 0.2, 1.5), when: summary(300, 0.3, 2.2), terms: summary(300, 0.01, 0.0349) },
      persisted: { bytes: 134 * 2 ** 20, loadMs: 2_204 },
      freshStart: { toFirstAnswerMs: 4_512, rssMb: 1_031.4 },
      update: { firstMs: 119, medianMs: 52.04, maxMs: 119, rounds: [] },
      raw: { modes: { plain: summary(288, 81, 2_600.6) }, flexSearch: { modes: { or: summary(300, 0.25, 3.1) } } },
      reloadStall: {
        adds: [
          { totalMs: 900, maxGapMs: 152, how: 'update' },
          { totalMs: 500, maxGapMs: 84.04, how: 'update' },
        ],
        entities: { totalMs: 95_000, maxGapMs: 5_300, how: 'build' },
      },
    },
    {
      passages: 1_000,
      buildMs: 804.5,
      startMs: 330.4,
      cold: Object.fromEntries(['search', 'who', 'when', 'terms', 'findSources'].map((c) => [c, summary(50, 0.5, 9.6)])),
      autocomplete: {},
      persisted: { bytes: 897_747, loadMs: 20.96 },
      freshStart: null,
      update: null,
      raw: null,
      reloadStall: { adds: [{ totalMs: 80, maxGapMs: 36.5, how: 'update' }], entities: null },
    },
  ],
};

const fixtureRun = (): BenchRun => ({
  name: '2026-11-30-100k',
  link: 'bench/2026-11-30-100k.json',
  bench: parseBenchJson(JSON.stringify(FIXTURE), 'fixture.json'),
});

describe('renderFigures', () => {
  const lines = renderFigures([fixtureRun()]).split('\n');

  it('names each run with its link, date, command and machine', () => {
    expect(lines).toContain(
      '| [2026-11-30-100k](bench/2026-11-30-100k.json) | 2026-11-30 | `npm run bench -- --sizes 1000,100000 --queries 300 --cold 50` | 4 CPUs, 15.6 GiB, node v20.19.0 |',
    );
  });

  it('renders build, start, memory and updates with units and thousands separators, smallest size first', () => {
    const rows = lines.filter((line) => /^\| [\d,]+ \| 2026-11-30-100k \| [\d.,]+ m?s \|/.test(line));
    expect(rows).toEqual([
      '| 1,000 | 2026-11-30-100k | 805 ms | 330 ms (in-process) | not measured | not measured | 0.856 MB / 21.0 ms | 36.5 ms / skipped |',
      '| 100,000 | 2026-11-30-100k | 107 s | 4.51 s | 1,031 MB | 52.0 ms (first 119 ms) | 134 MB / 2.20 s | 152 ms / 5.30 s (build 95.0 s) |',
    ]);
  });

  it('renders latency as p50 / p99 in ms with the number of queries behind them', () => {
    const rows = lines.filter((line) => /^\| [\d,]+ \| 2026-11-30-100k \| \d+ \/ /.test(line));
    expect(rows).toEqual([
      '| 1,000 | 2026-11-30-100k | 50 / – | 0.500 / 9.60 ms | 0.500 / 9.60 ms | 0.500 / 9.60 ms | 0.500 / 9.60 ms | 0.500 / 9.60 ms | – | skipped | skipped |',
      '| 100,000 | 2026-11-30-100k | 50 / 300 | 54.0 / 574 ms | 7.04 / 93.2 ms | 69.1 / 687 ms | 158 / 1,235 ms | 55.0 / 116 ms | 2.20 ms | 81.0 / 2,601 ms (288 queries) | 0.250 / 3.10 ms (300 queries) |',
    ]);
  });

  it('gives the same text whatever order the runs are named in', () => {
    const other: BenchRun = {
      name: '2026-12-01-1k',
      link: 'bench/2026-12-01-1k.json',
      bench: { ...fixtureRun().bench, measured: { ...FIXTURE.measured, date: '2026-12-01' } },
    };
    expect(renderFigures([other, fixtureRun()])).toBe(renderFigures([fixtureRun(), other]));
  });
});

describe('reading bench JSON', () => {
  it('refuses a run without its date, command and machine, naming the file and the field', () => {
    const { measured: _measured, ...older } = FIXTURE;
    expect(() => parseBenchJson(JSON.stringify(older), 'docs/bench/old.json')).toThrow(/docs\/bench\/old\.json[\s\S]*measured/);
  });

  it('records the command without --json, whose path does not change the figures', () => {
    const machine = { cpus: 2, memoryGiB: 23.5, node: 'v20.20.2' };
    const at = new Date('2026-12-06T17:40:17Z');
    expect(measuredNow(['--sizes', '10000', '--json', '/tmp/x.json', '--skip-raw'], machine, at)).toEqual({
      date: '2026-12-06',
      command: 'npm run bench -- --sizes 10000 --skip-raw',
      machine,
    });
    expect(measuredNow(['--json=/tmp/x.json'], machine, at).command).toBe('npm run bench');
  });
});

describe('the generated part of a doc', () => {
  it('is replaced between the markers, the prose around them kept byte for byte', () => {
    const doc = `# Title\n\nProse.\n\n${GENERATED_BEGIN}\nold | table\n${GENERATED_END}\n\nMore prose.\n`;
    const updated = replaceGenerated(doc, '| new |');
    expect(updated).toBe(`# Title\n\nProse.\n\n${GENERATED_BEGIN}\n\n| new |\n\n${GENERATED_END}\n\nMore prose.\n`);
    expect(generatedPart(updated)).toBe('| new |');
    expect(replaceGenerated(updated, '| new |')).toBe(updated);
  });

  it('is refused when the markers are missing, repeated or out of order', () => {
    expect(() => generatedPart('no markers')).toThrow(/lacks the markers/);
    expect(() => generatedPart(`${GENERATED_BEGIN}\n${GENERATED_END}\n${GENERATED_BEGIN}`)).toThrow(/more than once/);
    expect(() => generatedPart(`${GENERATED_END}\n${GENERATED_BEGIN}`)).toThrow(/before/);
  });
});

describe('docs/performance.md', () => {
  it('shows exactly the figures the committed runs under docs/bench/ render', () => {
    const files = readdirSync(BENCH_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(BENCH_DIR, f));
    expect(files.length).toBeGreaterThan(0);
    const expected = renderFigures(readRuns(files, DOC));
    expect(
      generatedPart(readFileSync(DOC, 'utf8')),
      'docs/performance.md differs from its bench JSON: run npm run bench:doc -- docs/bench/*.json',
    ).toBe(expected);
  });
});

describe('growth with the corpus', () => {
  it('is the exponent of a power law between two sizes: 1 linear, 0 flat, none without both figures', () => {
    expect(growthExponent(10_000, 100, 100_000, 1000)).toBeCloseTo(1, 12);
    expect(growthExponent(10_000, 100, 100_000, 100)).toBe(0);
    expect(growthExponent(10_000, 100, 100_000, 10)).toBeCloseTo(-1, 12);
    expect(growthExponent(10_000, null, 100_000, 10)).toBeNull();
    expect(growthExponent(10_000, 0, 100_000, 10)).toBeNull();
  });

  it('is rendered for a run of several sizes, each figure with its exponent and its extrapolation to a million passages', () => {
    const growth = renderGrowth(fixtureRun())?.split('\n') ?? [];
    expect(growth[0]).toBe('| figure | 1,000 → 100,000 | at 1,000,000 (extrapolated from 1,000 → 100,000) |');
    expect(growth).toContain('| build | n^1.06 | 1,234 s |');
    // the fresh start was not measured at 1,000 passages: no exponent, and nothing to extrapolate from
    expect(growth).toContain('| start (fresh process) | – | – |');
    expect(growth).toContain('| /search p99 | n^0.89 | 4,443 ms |');
    expect(renderFigures([fixtureRun()])).toContain(`${growth.join('\n')}`);
  });

  it('is not rendered for a run of one size', () => {
    const one: BenchRun = { ...fixtureRun(), bench: { ...fixtureRun().bench, sizes: fixtureRun().bench.sizes.slice(0, 1) } };
    expect(renderGrowth(one)).toBeNull();
  });
});
