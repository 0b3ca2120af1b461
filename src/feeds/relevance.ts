/**
 * Whether a followed feed's article is about the talks, judged on its text before a moderator sees it: a news feed
 * carries sport and weather too, and a review queue full of them would be ignored. The test is stated, so a moderator
 * can read why an item was queued and tune it per server:
 *
 * - **topic words**: the words reporting on hostage talks uses (TOPIC_WORDS: hostage, captive, ceasefire, truce,
 *   negotiation, mediator, prisoner, release…), each counted once however often it appears;
 * - **names**: the people, organisations and places the corpus knows (`entities.yaml` and the people discovered in the
 *   sources), plus the talks' places (PLACES: Gaza, Qatar, Doha, Cairo…), each counted once; news outlets (the
 *   corpus's sources' outlets, and organisations `entities.yaml` describes as a newspaper, broadcaster or news
 *   agency) are where news comes from, not what it is about, and do not count;
 * - read in the headline and the first paragraphs (LEAD_PARAGRAPHS), where an article says what it is about.
 *
 * The relevance is the number of distinct topic words and names found. An item is relevant when it reaches the
 * server's minimum (DEFAULT_MIN_RELEVANCE unless a moderator set another) with at least MIN_EACH of each: a sports
 * story that names Qatar, a prisoner exchange elsewhere, or nuclear talks that name a US president have one side
 * and not the other. docs/feeds.md gives the measurement the defaults rest on.
 *
 * @example
 * const judged = judgeRelevance(knowledge, { title, paragraphs }, 4);
 * judged.relevant // → true
 * judged.reason   // → 'relevance 7 (needs 6): topic words hostage, ceasefire, release; names Hamas, Qatar, Gaza, Doha'
 */
import { stemTerm, tokenize } from '../search/tokenize.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';

/** The words of reporting on the talks, as a reader would list them; matched by stem. */
export const TOPIC_WORDS = [
  'hostage',
  'captive',
  'captivity',
  'abducted',
  'abductee',
  'kidnapped',
  'ceasefire',
  'truce',
  'negotiation',
  'negotiator',
  'talks',
  'mediator',
  'mediation',
  'prisoner',
  'detainee',
  'release',
  'exchange',
  'swap',
  'deal',
  'pause',
] as const;

/** The places the talks are about or held in, besides the corpus's own place entities. */
export const PLACES = [
  'Gaza',
  'Israel',
  'Qatar',
  'Doha',
  'Egypt',
  'Cairo',
  'Rafah',
  'West Bank',
  'Tel Aviv',
  'Jerusalem',
  'Hamas',
] as const;

/** How many of the first paragraphs are read besides the headline. */
export const LEAD_PARAGRAPHS = 8;
/** The relevance an item needs by default: measured on real pages, see docs/feeds.md. */
export const DEFAULT_MIN_RELEVANCE = 6;
/** How many topic words, and how many names, a relevant item has at least. */
export const MIN_EACH = 2;
/** An organisation described as one of these is a news outlet. */
const OUTLET_DESCRIPTION = /\b(?:news agency|newspaper|broadcaster|news site|news channel|magazine|wire service)\b/i;

export interface RelevanceJudgement {
  relevant: boolean;
  relevance: number;
  topicWords: string[];
  names: string[];
  /** Why, in words for the review message and the change log. */
  reason: string;
}

interface Vocabulary {
  topicStems: Map<string, string>;
  /** Names by their first token's stem: the token stems of each name, and the name as shown. */
  names: Map<string, Array<{ stems: string[]; shown: string }>>;
}

const stemsOf = (text: string) => tokenize(text).map(stemTerm);

/** The topic words and names to look for, worked out once per knowledge (a new entity or outlet changes them). */
const VOCABULARY = knowledgeView({ name: 'feed relevance words and names', compute: vocabularyOf, carry: null });

function vocabularyOf(knowledge: Knowledge): Vocabulary {
  const topicStems = new Map<string, string>();
  for (const word of TOPIC_WORDS) if (!topicStems.has(stemTerm(word))) topicStems.set(stemTerm(word), word); // "mediator" stands for "mediation" too
  const outlets = new Set(
    knowledge.corpus.sources
      .flatMap((s) => [s.outlet, s.reports_on].filter((o): o is string => Boolean(o)))
      .map((o) => stemsOf(o).join(' ')),
  );
  const names = new Map<string, Array<{ stems: string[]; shown: string }>>();
  const add = (name: string, shown: string) => {
    const stems = stemsOf(name);
    const head = stems[0];
    if (head === undefined || outlets.has(stems.join(' ')) || outlets.has(stemsOf(shown).join(' '))) return;
    if (stems.length === 1 && (topicStems.has(head) || head.length < 3)) return;
    const list = names.get(head) ?? [];
    if (!list.some((n) => n.stems.join(' ') === stems.join(' '))) list.push({ stems, shown });
    names.set(head, list);
  };
  for (const entity of knowledge.entities.entities) {
    if (entity.kind === 'journalist' || (entity.kind === 'organisation' && OUTLET_DESCRIPTION.test(entity.description ?? ''))) continue;
    for (const name of [entity.name, ...entity.aliases]) add(name, entity.name);
  }
  for (const place of PLACES) add(place, place);
  return { topicStems, names };
}

const listed = (words: readonly string[]) => words.slice(0, 6).join(', ') + (words.length > 6 ? ` and ${words.length - 6} more` : '');

/**
 * Judges an article: its relevance, what counted, and whether it reaches `minRelevance`.
 *
 * @example
 * judgeRelevance(knowledge, { title: 'Cup final tonight in Doha', paragraphs: ['The match…'] }).relevant // → false
 */
export function judgeRelevance(
  knowledge: Knowledge,
  article: { title: string | null; paragraphs: readonly string[] },
  minRelevance = DEFAULT_MIN_RELEVANCE,
): RelevanceJudgement {
  const { topicStems, names } = VOCABULARY.of(knowledge);
  const stems = stemsOf([article.title ?? '', ...article.paragraphs.slice(0, LEAD_PARAGRAPHS)].join('\n'));
  const topicWords = new Set<string>();
  const named = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    const stem = stems[i] as string;
    const topic = topicStems.get(stem);
    if (topic) topicWords.add(topic);
    for (const name of names.get(stem) ?? []) {
      if (name.stems.every((s, k) => stems[i + k] === s)) named.add(name.shown);
    }
  }
  const relevance = topicWords.size + named.size;
  const relevant = relevance >= minRelevance && topicWords.size >= MIN_EACH && named.size >= MIN_EACH;
  const parts = [
    topicWords.size > 0 ? `topic words ${listed([...topicWords])}` : 'no topic words',
    named.size > 0 ? `names ${listed([...named])}` : 'no names the corpus knows',
  ];
  return {
    relevant,
    relevance,
    topicWords: [...topicWords],
    names: [...named],
    reason: `relevance ${relevance} (needs ${minRelevance}): ${parts.join('; ')}`,
  };
}
