/**
 * The deals and proposals the corpus tells of, recognised from the passages that state terms: each passage gets a
 * date (its first dated mention, else its source's publication date) and a status read from its verbs (proposed,
 * accepted, rejected, agreed, in force, collapsed). Passages saying a deal was agreed, took effect or collapsed are
 * grouped into deals by date: a gap of more than DEAL_GAP_DAYS starts another deal. `/terms` needs this to tell "the
 * final deal" — the latest agreed one — from the first truce, and to keep an unrelated prisoner swap off the talks.
 *
 * @example
 * const { deals } = dealsOf(knowledge);
 * deals.at(-1)?.agreed // → '2025-10-09' (the latest deal), deals.at(-1)?.status // → 'in force'
 */
import { daysApart } from '../dates/day-count.ts';
import { corpusPosition, type Knowledge, type KnownPassage } from '../knowledge/knowledge.ts';
import { comparePassageIds } from '../passages/passage.ts';
import { insertOrdered, removeOrdered, removeRuns } from '../knowledge/ordered-merge.ts';
import { knowledgeView } from '../knowledge/knowledge-view.ts';

export type DealStatus = 'proposed' | 'accepted' | 'rejected' | 'agreed' | 'in force' | 'collapsed';

/** "a deal", "the first phase", "a six-week cease-fire": what is agreed, a few words after the verb. */
const DEAL_NOUN = String.raw`(?:an? |the )?(?:[\w-]+ ){0,3}(?:deal|agreement|cease-?fire|truce|pause|phase|extension|accord|exchange)`;

/** Later statuses first: a passage saying a deal "was agreed and took effect" says it is in force. */
const STATUS_WORDS: ReadonlyArray<[DealStatus, RegExp]> = [
  [
    'collapsed',
    /\b(?:collapsed?|collapses|broke down|fell apart|expired|ended without|resumed (?:its )?(?:strikes|fighting|the war|the offensive|military operations)|war resumed|fighting resumed)\b/i,
  ],
  [
    'in force',
    /\b(?:took effect|takes? effect|took hold|takes hold|came into (?:force|effect)|in force|went into effect|goes into effect|began at|got under way|is holding|extended)\b/i,
  ],
  [
    'agreed',
    new RegExp(
      `\\b(?:agreed (?:to|on|upon) ${DEAL_NOUN}|(?:reached|struck|sealed|signed|approved|endorsed|announced|clinched) ${DEAL_NOUN}|final deal|final agreement|deal that emerged|signed off)\\b`,
      'i',
    ),
  ],
  ['accepted', /\baccept(?:ed|s)?\b/i],
  ['rejected', /\b(?:reject(?:ed|s)?|refus(?:ed|es)|turned down|dismissed)\b/i],
  ['proposed', /\b(?:propos(?:al|als|ed|es)|drafts?|offer(?:ed|s)?|put forward|plan|framework|outlined?)\b/i],
];

/** Passages about a prisoner swap; the talks are recognised by their own words. */
const SWAP = /\b(?:swap|prisoner exchange|exchanged? prisoners|freed (?:in|under) (?:an?|the) exchange)\b/i;
const TALKS = /\b(?:Hamas|Gaza|hostages?|captives?|Palestinians?|Israel(?:is?)?)\b/i;

/** How long a cease-fire or a phase lasts: "four-day", "42 days", "six-week", "two days". */
export const DURATION =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|forty-two|fifty)[- ](?:day|week|month)s?\b/i;

export interface StatedTerms {
  passage: KnownPassage;
  /** YYYY-MM-DD: when these terms were on the table. */
  date: string;
  status: DealStatus | null;
  /** A prisoner swap with no word of Hamas, Gaza or the hostages: not part of these talks. */
  offTopic: boolean;
}

export interface Deal {
  /** The first and last dates its passages give. */
  agreed: string;
  last: string;
  /** The furthest status its passages report: collapsed after in force after agreed. */
  status: DealStatus;
  passages: StatedTerms[];
}

/** The statements of terms in corpus order, the agreements among them by date, and the deals they group into. */
interface DealsOf {
  stated: StatedTerms[];
  agreements: StatedTerms[];
  deals: Deal[];
}

/** Days without news of a deal after which an agreement is another deal. */
export const DEAL_GAP_DAYS = 21;
const DEAL_STATUSES: readonly DealStatus[] = ['agreed', 'in force', 'collapsed'];

/** The status a passage's verbs give, the furthest along first. */
export function statusOf(text: string): DealStatus | null {
  return STATUS_WORDS.find(([status, pattern]) => (status === 'agreed' ? agreedUnhedged(text) : pattern.test(text)))?.[0] ?? null;
}

/** Words that make "agreed" less than an agreement: "seemingly agreed", "could have agreed", "had not agreed". */
const HEDGED =
  /\b(?:seemingly|apparently|reportedly|allegedly|tentatively|nearly|almost|not|never|could|would|might|may|if|whether)\s+(?:have\s+|had\s+|be\s+)?$/i;

/** Every place a text says a deal was agreed (the 'agreed' words of STATUS_WORDS, found all through the text). */
const AGREED_EVERYWHERE = new RegExp(STATUS_WORDS.find(([status]) => status === 'agreed')?.[1].source ?? '$^', 'gi');

/** True when the text says a deal was agreed in so many words, not "seemingly" or "could have". */
function agreedUnhedged(text: string): boolean {
  for (const m of text.matchAll(AGREED_EVERYWHERE)) if (!HEDGED.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  return false;
}

/** True for a passage with a sentence about a prisoner swap that is not these talks (the US–Russia or US–Iran exchanges). */
export function isUnrelatedSwap(sentences: readonly string[]): boolean {
  return sentences.some((s) => SWAP.test(s) && !TALKS.test(s));
}

/** When a passage's terms were on the table: its first dated mention finer than a year, else its publication date. */
export function whenStated(p: KnownPassage): string {
  return p.dates.find((d) => d.granularity !== 'year')?.iso ?? p.source.published ?? '9999-12-31';
}

/** A passage with neither a date nor a dated source cannot say which deal it belongs to. */
const isDated = (s: StatedTerms) => !s.date.startsWith('9999');
/** A statement that a deal was agreed, took effect or collapsed: what deals are grouped from. */
const isAgreement = (s: StatedTerms) => !s.offTopic && isDated(s) && s.status !== null && DEAL_STATUSES.includes(s.status);
/** By date, then passage id: the same order however the corpus was loaded or updated. */
const byAgreedDate = (a: StatedTerms, b: StatedTerms) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : comparePassageIds(a.passage.id, b.passage.id);

const statedByPassage = new WeakMap<KnownPassage, StatedTerms>();

/**
 * What a passage with terms says of them, read once per passage: after a one-article update only the new passages
 * are read, and the deals are regrouped from what the others said.
 */
export function statedTermsOf(p: KnownPassage): StatedTerms {
  let stated = statedByPassage.get(p);
  if (!stated)
    statedByPassage.set(
      p,
      (stated = { passage: p, date: whenStated(p), status: statusOf(p.text), offTopic: isUnrelatedSwap(p.sentences.map((x) => x.text)) }),
    );
  return stated;
}

/** What the passages with terms among these say of them, in their order. */
export const statementsIn = (passages: readonly KnownPassage[]): StatedTerms[] =>
  passages.filter((p) => p.terms.length > 0).map(statedTermsOf);

/**
 * The passages with terms, dated and with a status, and the deals they group into, earliest first. After a
 * one-article update, the statements of passages gone are taken out, the new ones put in corpus order (in place),
 * and the deals grouped again from them.
 */
export const DEALS = knowledgeView<DealsOf>({
  name: 'deals and stated terms',
  compute: (knowledge) => withDeals(statementsIn(knowledge.passages)),
  carry(before, { knowledge, change }) {
    const position = corpusPosition(knowledge.corpus);
    const [going, coming] = [statementsIn(change.dropped), statementsIn(change.added)];
    removeRuns(before.stated, going);
    insertOrdered(before.stated, coming, (a, b) => position(a.passage) - position(b.passage));
    removeOrdered(before.agreements, going.filter(isAgreement), byAgreedDate, (x, gone) => x === gone);
    insertOrdered(before.agreements, coming.filter(isAgreement), byAgreedDate);
    return { stated: before.stated, agreements: before.agreements, deals: groupDeals(before.agreements) };
  },
});

/** @example dealsOf(knowledge).deals.at(-1)?.status // → the latest deal's status */
export const dealsOf = (knowledge: Knowledge): DealsOf => DEALS.of(knowledge);

/** Statements of terms, in corpus order, with the deals the agreements among them group into. */
function withDeals(stated: StatedTerms[]): DealsOf {
  const agreements = stated.filter(isAgreement).sort(byAgreedDate);
  return { stated, agreements, deals: groupDeals(agreements) };
}

/** Agreements a gap of more than DEAL_GAP_DAYS apart are different deals. */
function groupDeals(agreements: readonly StatedTerms[]): Deal[] {
  const deals: Deal[] = [];
  for (const s of agreements) {
    const current = deals[deals.length - 1];
    if (current && daysApart(current.last, s.date) <= DEAL_GAP_DAYS) {
      current.passages.push(s);
      current.last = s.date;
      if (DEAL_STATUSES.indexOf(s.status as DealStatus) > DEAL_STATUSES.indexOf(current.status)) current.status = s.status as DealStatus;
    } else {
      deals.push({ agreed: s.date, last: s.date, status: s.status as DealStatus, passages: [s] });
    }
  }
  return deals;
}
