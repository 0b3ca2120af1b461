/**
 * How far a build of the knowledge base has got. A build of 100,000 passages takes minutes, and an operator watching
 * the log of a starting bot should see it move: which step it is in, how much of that step is done, how long it has
 * run and about how long the step has left — a line a second, not one line at the start and one at the end.
 *
 * @example
 * const knowledge = buildKnowledge(corpus, progressLines((line) => logger.info(line)));
 * // building: step 4 of 5, indexing the passages: 41,200 of 100,000 (41 %); 38 s so far, about 54 s left in this step
 */

/** Where a build is: its step (1-based, of `steps`), and how many of the step's items are done. */
export interface BuildProgress {
  step: number;
  steps: number;
  /** What the step does, in words: "indexing the passages". */
  doing: string;
  done: number;
  total: number;
}

/** Told where a build is, as often as it moves; it decides what to say (see `progressLines`). */
export type ProgressListener = (progress: BuildProgress) => void;

/** How often a line is said, at most. */
export const PROGRESS_INTERVAL_MS = 1000;

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * A listener that says a line at most once a second while a build moves, and a line as each step starts, so a build
 * of any size shows where it is: the step, the items done of the step's total, the time so far and, once a tenth of
 * the step is done, the time the step has left at the rate so far.
 *
 * @example
 * progressLines(console.error) // → a ProgressListener for buildKnowledge
 */
export function progressLines(
  say: (line: string) => void,
  now: () => number = () => performance.now(),
  intervalMs = PROGRESS_INTERVAL_MS,
): ProgressListener {
  const started = now();
  let lastSaid = Number.NEGATIVE_INFINITY;
  let step = 0;
  let stepStarted = started;
  return (p) => {
    const at = now();
    const newStep = p.step !== step;
    if (newStep) [step, stepStarted] = [p.step, at];
    if (!newStep && at - lastSaid < intervalMs) return;
    lastSaid = at;
    const share = p.total > 0 ? p.done / p.total : 0;
    const left = share >= 0.1 && share < 1 ? `, about ${seconds(((at - stepStarted) / share) * (1 - share))} left in this step` : '';
    const items = p.total > 1 ? `: ${count(p.done)} of ${count(p.total)} (${Math.floor(share * 100)} %)` : '';
    say(`building: step ${p.step} of ${p.steps}, ${p.doing}${items}; ${seconds(at - started)} so far${left}`);
  };
}

/**
 * Goes through `items` doing `each`, telling `listener` after each how many are done — the loops of a build, made
 * visible. Telling is cheap: the listener decides how often to say anything.
 *
 * @example
 * const split = trackEach(sources, (s) => splitIntoPassages(s), { step: 1, steps: 5, doing: 'splitting', listener });
 */
export function trackEach<T, R>(
  items: readonly T[],
  each: (item: T) => R,
  where: { step: number; steps: number; doing: string; listener?: ProgressListener | undefined },
): R[] {
  const { listener, ...step } = where;
  const out: R[] = [];
  listener?.({ ...step, done: 0, total: items.length });
  for (const item of items) {
    out.push(each(item));
    listener?.({ ...step, done: out.length, total: items.length });
  }
  return out;
}

/**
 * A step done in one pass that cannot say how far it is (finding the people the text names reads every sentence in
 * one go): its start and its end are told.
 *
 * @example
 * const merged = trackStep(() => mergeEntities(…), { step: 2, steps: 6, doing: 'finding the people', listener });
 */
export function trackStep<R>(
  work: () => R,
  where: { step: number; steps: number; doing: string; listener?: ProgressListener | undefined },
): R {
  const { listener, ...step } = where;
  listener?.({ ...step, done: 0, total: 1 });
  const result = work();
  listener?.({ ...step, done: 1, total: 1 });
  return result;
}
