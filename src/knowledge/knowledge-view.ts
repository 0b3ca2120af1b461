/**
 * Views derived from a knowledge base — the timeline's order, the deals, the terms by topic, the word frequencies,
 * the answers already given — each declared once, with how it is computed and how it follows a one-article update,
 * and remembered per knowledge base. Every view is in one registry (`knowledgeViews()`), so what an update carries
 * over and what it leaves to be worked out again is read in one place, not in hand-kept lists:
 *
 * - a view with `carry` is handed from the knowledge before an update to the one after, changed by what the update
 *   took out and put in (milliseconds, where computing it afresh is a pass over every passage);
 * - a view with `carry: null` is worked out again for the new knowledge when first asked for (a cache of answers,
 *   a picture drawn: what the update changed cannot be patched into them).
 *
 * The knowledge before an update is retired (it answers no more), so a carry may change the view in place. A view
 * joins the registry when its module is loaded: a view no loaded module declares has nothing to carry.
 *
 * @example
 * const TIMELINE = knowledgeView({
 *   name: 'timeline order',
 *   compute: (k) => entriesOf(k.passages).sort(compareTimelineEntries),
 *   carry: (order, { change }) => (removeOrdered(order, entriesOf(change.dropped), …), insertOrdered(order, …), order),
 * });
 * TIMELINE.of(knowledge) // computed once; after `followUpdate(update)`, TIMELINE.of(update.knowledge) is the carried one
 */
import type { Knowledge } from './knowledge.ts';
import type { KnowledgeUpdate } from './update-knowledge.ts';

/** A view of a knowledge base, remembered per knowledge base. */
export interface KnowledgeView<T> {
  /** What it is, for the registry's listing. */
  readonly name: string;
  /** Whether an update carries it over ('carried') or it is worked out again when asked ('recomputed'). */
  readonly follows: 'carried' | 'recomputed';
  /** The view of `knowledge`: computed on first use, then remembered. */
  readonly of: (knowledge: Knowledge) => T;
  /** The view if it has been computed (or carried, or restored) already; never computes it. */
  readonly peek: (knowledge: Knowledge) => T | undefined;
  /** Gives `knowledge` a view worked out elsewhere: read back from the save, for instance. */
  readonly restore: (knowledge: Knowledge, value: T) => void;
}

interface ViewSpec<T> {
  name: string;
  compute(knowledge: Knowledge): T;
  /**
   * The view after an update, from the view before it (which it may change in place), or null when the view is
   * worked out again for the new knowledge on first use.
   */
  carry: ((view: T, update: KnowledgeUpdate) => T) | null;
}

interface Registered {
  name: string;
  follows: 'carried' | 'recomputed';
  follow(update: KnowledgeUpdate): void;
}

const REGISTRY: Registered[] = [];

/**
 * Declares a view of a knowledge base and adds it to the registry.
 *
 * @example
 * const ANSWERS = knowledgeView({ name: 'answers given', compute: () => new Map<string, Answer>(), carry: null });
 * ANSWERS.of(knowledge).get(key)
 */
export function knowledgeView<T>(spec: ViewSpec<T>): KnowledgeView<T> {
  const values = new WeakMap<Knowledge, T>();
  const of = (knowledge: Knowledge): T => {
    if (values.has(knowledge)) return values.get(knowledge) as T;
    const value = spec.compute(knowledge);
    values.set(knowledge, value);
    return value;
  };
  const follows = spec.carry ? 'carried' : 'recomputed';
  REGISTRY.push({
    name: spec.name,
    follows,
    follow(update) {
      // a view the knowledge before never needed is not worked out now either: the first use will
      if (!spec.carry || !values.has(update.previous)) return;
      values.set(update.knowledge, spec.carry(values.get(update.previous) as T, update));
    },
  });
  return {
    name: spec.name,
    follows,
    of,
    peek: (knowledge) => values.get(knowledge),
    restore: (knowledge, value) => void values.set(knowledge, value),
  };
}

/**
 * Carries every carried view the knowledge before the update had over to the knowledge after it. What is not
 * carried is worked out again when first asked for.
 *
 * @example
 * followUpdate(updateKnowledge(knowledge, { added: [source], removed: [] }))
 */
export function followUpdate(update: KnowledgeUpdate): void {
  for (const view of REGISTRY) view.follow(update);
}

/**
 * Every view declared so far, with how it follows an update: the answer to "what does an update recompute?".
 *
 * @example
 * knowledgeViews() // → [{ name: 'word frequencies', follows: 'carried' }, …, { name: 'answers given', follows: 'recomputed' }]
 */
export function knowledgeViews(): Array<{ name: string; follows: 'carried' | 'recomputed' }> {
  return REGISTRY.map(({ name, follows }) => ({ name, follows }));
}
