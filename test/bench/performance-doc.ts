/**
 * The figures of docs/performance.md, rendered from the JSON files `npm run bench -- --json FILE` writes, so the doc
 * says only what a run measured and can be regenerated in any clone from the runs committed under docs/bench/.
 * `npm run bench:doc -- docs/bench/*.json` (test/bench/run-bench-doc.ts) rewrites the part of the doc between
 * GENERATED_BEGIN and GENERATED_END; everything outside the markers is prose, written by hand.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { z } from 'zod';
import { BENCH_COMMANDS, type BenchCommand } from './bench-queries.ts';

/** Opens the generated part of docs/performance.md. */
export const GENERATED_BEGIN = '<!-- generated from bench JSON by npm run bench:doc: do not edit by hand -->';
/** Closes it. */
export const GENERATED_END = '<!-- end of generated figures -->';

const latency = z.object({ n: z.number(), p50: z.number(), p99: z.number() });
const reload = z.object({ totalMs: z.number(), maxGapMs: z.number() });

/** One size of a run: only the fields the doc shows (the bench writes more). */
const sizeSchema = z.object({
  passages: z.number(),
  buildMs: z.number(),
  /** To the first answer: in a fresh process, or in the bench's own when the fresh start failed. */
  startMs: z.number(),
  cold: z.record(z.string(), latency),
  autocomplete: z.record(z.string(), latency),
  persisted: z.object({ bytes: z.number(), loadMs: z.number() }),
  freshStart: z.object({ toFirstAnswerMs: z.number(), rssMb: z.number() }).nullable(),
  update: z.object({ firstMs: z.number(), medianMs: z.number() }).nullable(),
  raw: z
    .object({
      modes: z.object({ plain: latency }),
      /** Absent from runs before FlexSearch was measured beside MiniSearch. */
      flexSearch: z.object({ modes: z.object({ or: latency }) }).optional(),
    })
    .nullable(),
  reloadStall: z.object({ adds: z.array(reload), entities: reload.nullable() }).nullable(),
});

/** When, how and where a run was made: what the doc says beside its figures. */
const measuredSchema = z.object({
  /** The day of the run, YYYY-MM-DD (UTC). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The command as typed, without `--json` (where the figures went does not change them). */
  command: z.string().min(1),
  machine: z.object({ cpus: z.number().int().positive(), memoryGiB: z.number().positive(), node: z.string().min(1) }),
});

const benchJsonSchema = z.object({
  generatedAt: z.string(),
  measured: measuredSchema,
  sizes: z.array(sizeSchema).min(1),
});

/** What the doc reads of a bench JSON file; run-bench.ts assigns what it writes to this type, so the two cannot drift. */
export type BenchJson = z.infer<typeof benchJsonSchema>;
/** The `measured` block run-bench.ts writes. */
export type Measured = z.infer<typeof measuredSchema>;
type SizeFigures = z.infer<typeof sizeSchema>;

/** A bench JSON file as the doc cites it: its name, where it is from the doc, and what it holds. */
export interface BenchRun {
  /** The file's name without `.json`, e.g. `2026-12-06-10k`: how the tables name the run. */
  name: string;
  /** The file's path from the doc's folder, with `/`, e.g. `bench/2026-12-06-10k.json`. */
  link: string;
  bench: BenchJson;
}

/**
 * Checks a bench JSON file's text and returns what the doc reads of it, so a file of the wrong shape (an older run
 * without `measured`, a hand edit) fails here, naming the file and the field, instead of rendering "NaN".
 *
 * @example
 * parseBenchJson(readFileSync('docs/bench/2026-12-06-10k.json', 'utf8'), 'docs/bench/2026-12-06-10k.json').measured.date // → '2026-12-06'
 * parseBenchJson('{"sizes": []}', 'x.json') // throws: x.json is not a bench JSON the doc can use (…): ✖ Invalid input … → at generatedAt …
 */
export function parseBenchJson(text: string, file: string): BenchJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = benchJsonSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `${file} is not a bench JSON the doc can use (npm run bench -- --json FILE writes one; a file from before ` +
        `2026-12-07 needs its "measured": { date, command, machine: { cpus, memoryGiB, node } } added):\n${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}

/**
 * Reads bench JSON files for the doc at `docFile`, naming each run by its file and linking it from the doc's folder,
 * so the CLI and the test that holds the doc to its JSON read the same files the same way.
 *
 * @example
 * readRuns(['docs/bench/2026-12-06-10k.json'], 'docs/performance.md')
 * // → [{ name: '2026-12-06-10k', link: 'bench/2026-12-06-10k.json', bench: { generatedAt: …, measured: …, sizes: […] } }]
 */
export function readRuns(files: readonly string[], docFile: string): BenchRun[] {
  return files.map((file) => ({
    name: basename(file).replace(/\.json$/i, ''),
    link: relative(dirname(docFile), file).split(sep).join('/'),
    bench: parseBenchJson(readFileSync(file, 'utf8'), file),
  }));
}

/**
 * The `measured` block for a run made now with these arguments: the day, the command a reader can type again
 * (without `--json`, whose path is this machine's and does not change the figures) and the machine's size, which
 * the figures depend on.
 *
 * @example
 * measuredNow(['--sizes', '10000', '--json', '/tmp/b.json'], { cpus: 2, memoryGiB: 23.5, node: 'v20.20.2' }, new Date('2026-12-06T17:40:17Z'))
 * // → { date: '2026-12-06', command: 'npm run bench -- --sizes 10000', machine: { cpus: 2, memoryGiB: 23.5, node: 'v20.20.2' } }
 */
export function measuredNow(args: readonly string[], machine: Measured['machine'], now: Date): Measured {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') i++;
    else if (!arg.startsWith('--json=')) kept.push(/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  }
  return {
    date: now.toISOString().slice(0, 10),
    command: kept.length === 0 ? 'npm run bench' : `npm run bench -- ${kept.join(' ')}`,
    machine,
  };
}

/**
 * A figure for a table: three decimals below 1, two below 10, one below 100, none above, with thousands separators
 * (the bench's own `ms()` rule, so the doc reads as the bench prints).
 *
 * @example
 * figure(0.1234) // → '0.123'
 * figure(46.303) // → '46.3'
 * figure(12894.4) // → '12,894'
 */
export function figure(x: number): string {
  return x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
}

/**
 * A duration with its unit: milliseconds below a second, seconds from there, so a build and a query read alike.
 *
 * @example
 * duration(46.3) // → '46.3 ms'
 * duration(12894.4) // → '12.9 s'
 */
export function duration(msValue: number): string {
  return msValue < 1000 ? `${figure(msValue)} ms` : `${figure(msValue / 1000)} s`;
}

/**
 * A latency's p50 and p99 in one cell, in milliseconds whatever their size, so a column compares at a glance.
 *
 * @example
 * p50p99({ n: 50, p50: 4.689, p99: 46.303 }) // → '4.69 / 46.3 ms'
 * p50p99({ n: 50, p50: 158, p99: 1234.5 }) // → '158 / 1,235 ms'
 */
export function p50p99(s: { p50: number; p99: number }): string {
  return `${figure(s.p50)} / ${figure(s.p99)} ms`;
}

const count = (x: number) => x.toLocaleString('en-US');
const megabytes = (mb: number) => `${Math.round(mb).toLocaleString('en-US')} MB`;
const cell = (text: string) => text.replace(/\|/g, '\\|');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const markdownTable = (head: readonly string[], rows: ReadonlyArray<readonly string[]>) =>
  [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');

const COMMAND_ORDER: BenchCommand[] = ['search', 'who', 'when', 'terms', 'findSources'];

/** Every size of every run, smallest first, then oldest first: a size's runs stand together. */
function sizeRows(runs: readonly BenchRun[]): Array<{ run: BenchRun; size: SizeFigures }> {
  return runs
    .flatMap((run) => run.bench.sizes.map((size) => ({ run, size })))
    .sort(
      (a, b) =>
        a.size.passages - b.size.passages ||
        a.run.bench.measured.date.localeCompare(b.run.bench.measured.date) ||
        a.run.name.localeCompare(b.run.name),
    );
}

function startAndMemoryRow({ run, size }: { run: BenchRun; size: SizeFigures }): string[] {
  const stall = size.reloadStall;
  const entities = stall?.entities;
  return [
    count(size.passages),
    run.name,
    duration(size.buildMs),
    size.freshStart ? duration(size.freshStart.toFirstAnswerMs) : `${duration(size.startMs)} (in-process)`,
    size.freshStart ? megabytes(size.freshStart.rssMb) : 'not measured',
    size.update ? `${duration(size.update.medianMs)} (first ${duration(size.update.firstMs)})` : 'not measured',
    `${figure(size.persisted.bytes / 2 ** 20)} MB / ${duration(size.persisted.loadMs)}`,
    stall
      ? `${duration(Math.max(0, ...stall.adds.map((a) => a.maxGapMs)))} / ${
          entities ? `${duration(entities.maxGapMs)} (build ${duration(entities.totalMs)})` : 'skipped'
        }`
      : 'not measured',
  ];
}

function latencyRow({ run, size }: { run: BenchRun; size: SizeFigures }): string[] {
  // each list of queries is timed as often as the run was told, unless a budget stopped it: say every count there is
  const counts = (summaries: ReadonlyArray<{ n: number } | undefined>) =>
    [...new Set(summaries.flatMap((s) => (s ? [s.n] : [])))].map(count).join(', ') || '–';
  const autocomplete = Object.values(size.autocomplete);
  const plain = size.raw?.modes.plain;
  const flex = size.raw?.flexSearch?.modes.or;
  return [
    count(size.passages),
    run.name,
    `${counts(COMMAND_ORDER.map((c) => size.cold[c]))} / ${counts(autocomplete)}`,
    ...COMMAND_ORDER.map((c) => {
      const s = size.cold[c];
      return s ? p50p99(s) : '–';
    }),
    autocomplete.length > 0 ? duration(Math.max(...autocomplete.map((s) => s.p99))) : '–',
    plain ? `${p50p99(plain)} (${count(plain.n)} queries)` : 'skipped',
    flex ? `${p50p99(flex)} (${count(flex.n)} queries)` : size.raw ? 'not measured' : 'skipped',
  ];
}

/**
 * The generated part of docs/performance.md (without the markers): the runs with their dates, commands and
 * machines, then one row per run and size for start, memory and updates, and one for latency. Runs are sorted, so
 * the same files give the same text in whatever order they are named.
 *
 * @example
 * renderFigures(readRuns(['docs/bench/2026-12-06-10k.json'], 'docs/performance.md'))
 * // → 'Runs (the JSON files under docs/bench/ …):\n\n| run | date | command | machine |\n|---|---|---|---|\n| [2026-12-06-10k](bench/2026-12-06-10k.json) | 2026-12-06 | `npm run bench -- …` | 2 CPUs, 23.5 GiB, node v20.20.2 |\n…'
 */
export function renderFigures(runs: readonly BenchRun[]): string {
  if (runs.length === 0) throw new Error('no bench JSON to render the figures from');
  const sorted = [...runs].sort((a, b) => a.bench.measured.date.localeCompare(b.bench.measured.date) || a.name.localeCompare(b.name));
  const rows = sizeRows(sorted);
  return [
    'Runs (the JSON files the tables are rendered from):',
    '',
    markdownTable(
      ['run', 'date', 'command', 'machine'],
      sorted.map(({ name, link, bench: { measured } }) => [
        `[${name}](${link})`,
        measured.date,
        `\`${measured.command}\``,
        `${measured.machine.cpus} CPUs, ${figure(measured.machine.memoryGiB)} GiB, node ${measured.machine.node}`,
      ]),
    ),
    '',
    'Build, start, memory and updates:',
    '',
    markdownTable(
      [
        'passages',
        'run',
        'build',
        'start (fresh process)',
        'RSS of a started bot',
        'one-article update: median (first)',
        'save: size / read',
        'reload stall: article added / entities.yaml edited',
      ],
      rows.map(startAndMemoryRow),
    ),
    '',
    'Latency, p50 / p99 with the answer cache emptied before each query ("uncached"):',
    '',
    markdownTable(
      [
        'passages',
        'run',
        'queries timed: uncached / autocomplete',
        ...COMMAND_ORDER.map((c) => BENCH_COMMANDS[c].label),
        'autocomplete p99 (worst)',
        'raw MiniSearch plain (/search queries)',
        'FlexSearch top 5, OR (/search queries)',
      ],
      rows.map(latencyRow),
    ),
    ...sorted.flatMap((run) => {
      const growth = renderGrowth(run);
      return growth
        ? [
            '',
            `How the figures grow with the corpus in ${run.name} (y grows as n^k between two sizes; 1 is linear), and what they would be at ${count(EXTRAPOLATED_PASSAGES)} passages if they kept growing so:`,
            '',
            growth,
          ]
        : [];
    }),
  ].join('\n');
}

/** A figure of one size that grows with the corpus: what the growth table follows, and how it is shown. */
const GROWING: ReadonlyArray<{ label: string; of: (size: SizeFigures) => number | null; show: (x: number) => string }> = [
  { label: 'build', of: (s) => s.buildMs, show: duration },
  { label: 'start (fresh process)', of: (s) => s.freshStart?.toFirstAnswerMs ?? null, show: duration },
  { label: 'RSS of a started bot', of: (s) => s.freshStart?.rssMb ?? null, show: megabytes },
  { label: 'one-article update (median)', of: (s) => s.update?.medianMs ?? null, show: duration },
  { label: 'save size', of: (s) => s.persisted.bytes / 2 ** 20, show: (mb) => `${figure(mb)} MB` },
  ...COMMAND_ORDER.flatMap((c) =>
    (['p50', 'p99'] as const).map((q) => ({
      label: `${BENCH_COMMANDS[c].label} ${q}`,
      of: (s: SizeFigures) => s.cold[c]?.[q] ?? null,
      show: (x: number) => `${figure(x)} ms`,
    })),
  ),
];

/** The archive size the growth table extrapolates to. */
export const EXTRAPOLATED_PASSAGES = 1_000_000;

/**
 * How a figure grows between two sizes, as the exponent of a power law: y grows as n^k, where k = log(y₂/y₁) /
 * log(n₂/n₁) — 1 is linear, 0 flat, below 1 slower than the corpus. Null when either figure is missing or not above 0.
 *
 * @example
 * growthExponent(10_000, 100, 100_000, 1000) // → 1
 * growthExponent(10_000, 100, 100_000, 100) // → 0
 */
export function growthExponent(n1: number, y1: number | null, n2: number, y2: number | null): number | null {
  if (y1 === null || y2 === null || y1 <= 0 || y2 <= 0 || n1 <= 0 || n2 <= n1) return null;
  return Math.log(y2 / y1) / Math.log(n2 / n1);
}

/**
 * The growth table of a run measured at several sizes: for each figure, its exponent between each two consecutive
 * sizes, and what it would be at EXTRAPOLATED_PASSAGES if it kept growing as between the two largest — an estimate,
 * said as one. Null for a run of one size.
 *
 * @example
 * renderGrowth(run) // → '| figure | 10,001 → 100,001 | … | at 1,000,000 (extrapolated) |\n…'
 */
export function renderGrowth(run: BenchRun): string | null {
  const sizes = [...run.bench.sizes].sort((a, b) => a.passages - b.passages);
  if (sizes.length < 2) return null;
  const pairs = sizes.slice(1).map((to, i) => [sizes[i] as SizeFigures, to] as const);
  const [lastFrom, lastTo] = pairs[pairs.length - 1] as readonly [SizeFigures, SizeFigures];
  const rows = GROWING.map(({ label, of, show }) => {
    const exponents = pairs.map(([a, b]) => growthExponent(a.passages, of(a), b.passages, of(b)));
    const last = exponents[exponents.length - 1] ?? null;
    const at = of(lastTo);
    const beyond = last !== null && at !== null && lastTo.passages < EXTRAPOLATED_PASSAGES;
    return [
      label,
      ...exponents.map((k) => (k === null ? '–' : `n^${k.toFixed(2)}`)),
      beyond ? show(at * (EXTRAPOLATED_PASSAGES / lastTo.passages) ** last) : '–',
    ];
  });
  return markdownTable(
    [
      'figure',
      ...pairs.map(([a, b]) => `${count(a.passages)} → ${count(b.passages)}`),
      `at ${count(EXTRAPOLATED_PASSAGES)} (extrapolated from ${count(lastFrom.passages)} → ${count(lastTo.passages)})`,
    ],
    rows,
  );
}

/** Where the markers are in `doc`: each exactly once, the opening one first; otherwise an error saying what is wrong. */
function markers(doc: string): { begin: number; end: number } {
  const begin = doc.indexOf(GENERATED_BEGIN);
  const end = doc.indexOf(GENERATED_END);
  if (begin < 0 || end < 0) throw new Error(`the doc lacks the markers ${GENERATED_BEGIN} … ${GENERATED_END}`);
  if (doc.indexOf(GENERATED_BEGIN, begin + 1) >= 0 || doc.indexOf(GENERATED_END, end + 1) >= 0)
    throw new Error('the doc has the generated figures\u2019 markers more than once');
  if (end < begin) throw new Error(`the doc has ${GENERATED_END} before ${GENERATED_BEGIN}`);
  return { begin: begin + GENERATED_BEGIN.length, end };
}

/**
 * The text between the markers, without the blank lines that set it off: what the test compares with
 * `renderFigures`, so a hand edit of a figure fails.
 *
 * @example
 * generatedPart(`prose\n${GENERATED_BEGIN}\n\n| a |\n\n${GENERATED_END}\nmore prose`) // → '| a |'
 */
export function generatedPart(doc: string): string {
  const { begin, end } = markers(doc);
  return doc.slice(begin, end).trim();
}

/**
 * `doc` with the text between the markers replaced by `generated`, set off by blank lines; the prose around them
 * is kept byte for byte.
 *
 * @example
 * replaceGenerated(`prose\n${GENERATED_BEGIN}\nold\n${GENERATED_END}\n`, '| new |')
 * // → `prose\n${GENERATED_BEGIN}\n\n| new |\n\n${GENERATED_END}\n`
 */
export function replaceGenerated(doc: string, generated: string): string {
  const { begin, end } = markers(doc);
  return `${doc.slice(0, begin)}\n\n${generated.trim()}\n\n${doc.slice(end)}`;
}
