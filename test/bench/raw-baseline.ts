/**
 * The engine alone: a plain MiniSearch over the same passage texts (one field, `text`; no stored fields; the default
 * tokenizer and term processing), timed on the same query strings, so each of the bot's figures can be read as a
 * ratio to what MiniSearch itself costs. Beside it FlexSearch, the fastest full-text library for JavaScript (a dev
 * dependency of the bench only), over the same texts and queries: what a search engine built for speed costs.
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { type LatencySummary, memoryAfterGc, timeEach } from './latency.ts';

/** The query options compared on the `/search` queries. */
export const RAW_MODES = {
  plain: {},
  fuzzy: { fuzzy: 0.2 },
  prefix: { prefix: true },
  and: { combineWith: 'AND' },
} as const;

export type RawMode = keyof typeof RAW_MODES;

export interface RawBaseline {
  buildMs: number;
  /** Heap and RSS growth from building the index (after a full collection each side). */
  heapMb: number;
  rssMb: number;
  /** `JSON.stringify(index)`, in bytes, and how long `MiniSearch.loadJSON` takes to read it back. */
  serializedBytes: number;
  loadMs: number;
  /** Plain search over each command's own query strings (the denominators of the ratio columns). */
  byCommand: Record<string, LatencySummary>;
  /** The `/search` queries under each query mode. */
  modes: Record<RawMode, LatencySummary>;
  /** FlexSearch over the same texts and queries. */
  flexSearch: FlexBaseline;
}

/**
 * FlexSearch's `Index` with its defaults (the "default" preset: whole words, case and accents folded, results by its
 * own relevance), asked for the top five as the bot shows a page of five. "and" is FlexSearch's default, every
 * word required; "or" (`suggest: true`) also returns passages with some of the words, as MiniSearch's default does.
 */
export interface FlexBaseline {
  buildMs: number;
  heapMb: number;
  /** Each command's own query strings, OR'ed (`suggest: true`): beside MiniSearch's plain `byCommand`. */
  byCommand: Record<string, LatencySummary>;
  /** The `/search` queries, every word required and OR'ed. */
  modes: Record<'and' | 'or', LatencySummary>;
}

/** An index built by `make`: how long it took, and the heap and RSS it added (after a full collection each side). */
function measuredBuild<T>(make: () => T): { index: T; buildMs: number; heapMb: number; rssMb: number } {
  const before = memoryAfterGc();
  const t = performance.now();
  const index = make();
  const buildMs = performance.now() - t;
  const after = memoryAfterGc();
  return { index, buildMs, heapMb: after.heapMb - before.heapMb, rssMb: after.rssMb - before.rssMb };
}

/** The bot shows a page of five quotes; FlexSearch stops early at a limit, so it is asked for as many. */
const FLEX_LIMIT = 5;

function flexBaseline(
  texts: readonly string[],
  queries: Record<string, readonly string[]>,
  modeQueries: readonly string[],
  options: { warmUp: number; count: number },
): FlexBaseline {
  const { index, buildMs, heapMb } = measuredBuild(() => {
    const flex = new FlexSearch.Index();
    texts.forEach((text, id) => flex.add(id, text));
    return flex;
  });
  const or = { limit: FLEX_LIMIT, suggest: true };
  const time = (list: readonly string[], label: string, search: (q: string) => unknown) =>
    timeEach(list, search, { ...options, progress: `FlexSearch ${label}`, budgetMs: RAW_BUDGET_MS });
  return {
    buildMs,
    heapMb,
    byCommand: Object.fromEntries(Object.entries(queries).map(([name, list]) => [name, time(list, name, (q) => index.search(q, or))])),
    modes: {
      and: time(modeQueries, 'and', (q) => index.search(q, { limit: FLEX_LIMIT })),
      or: time(modeQueries, 'or', (q) => index.search(q, or)),
    },
  };
}

/**
 * How long one list of raw queries may take: at 100,000 passages a plain OR search for a 60-word pasted message takes
 * seconds, so the baseline stops after this and reports how many it timed (`n`).
 */
const RAW_BUDGET_MS = 60_000;

const OPTIONS = { fields: ['text'], storeFields: [] as string[] };

/**
 * Builds a plain MiniSearch over `texts`, serialises and reloads it, and times `search` on each list of `queries`
 * (plain) and on `modeQueries` under every mode of `RAW_MODES`, each after `warmUp` untimed queries and for at most
 * 60 s per list (the summary's `n` is how many were timed); then FlexSearch on the same (`FlexBaseline`).
 *
 * @example
 * const raw = rawBaseline(texts, { search: q.search, who: q.who }, q.search, { warmUp: 50, count: 1000 });
 * raw.byCommand.search.p50 // → 0.16 (ms, at 10,000 passages)
 * raw.modes.fuzzy.p99 // → 9.8
 * raw.flexSearch.modes.or.p99 // → FlexSearch's p99 on the same queries
 */
export function rawBaseline(
  texts: readonly string[],
  queries: Record<string, readonly string[]>,
  modeQueries: readonly string[],
  options: { warmUp: number; count: number },
): RawBaseline {
  const { index, buildMs, heapMb, rssMb } = measuredBuild(() => {
    const mini = new MiniSearch<{ id: number; text: string }>(OPTIONS);
    mini.addAll(texts.map((text, id) => ({ id, text })));
    return mini;
  });
  let json: string | null = JSON.stringify(index);
  const serializedBytes = Buffer.byteLength(json);
  const t = performance.now();
  MiniSearch.loadJSON(json, OPTIONS);
  const loadMs = performance.now() - t;
  json = null;
  const byCommand = Object.fromEntries(
    Object.entries(queries).map(([name, list]) => [
      name,
      timeEach(list, (q) => index.search(q), { ...options, progress: `raw plain, ${name}`, budgetMs: RAW_BUDGET_MS }),
    ]),
  );
  const modes = Object.fromEntries(
    (Object.keys(RAW_MODES) as RawMode[]).map((mode) => [
      mode,
      timeEach(modeQueries, (q) => index.search(q, RAW_MODES[mode]), { ...options, progress: `raw ${mode}`, budgetMs: RAW_BUDGET_MS }),
    ]),
  ) as Record<RawMode, LatencySummary>;
  const flexSearch = flexBaseline(texts, queries, modeQueries, options);
  return {
    buildMs,
    heapMb,
    rssMb,
    serializedBytes,
    loadMs,
    byCommand,
    modes,
    flexSearch,
  };
}
