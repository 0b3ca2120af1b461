/**
 * Reads an article out of a page's units the way a person does: skips the furniture, takes the headline, the
 * sub-heading, the byline and the date line from above the first paragraph of prose, keeps the paragraphs down to
 * the end of the article (a copyright line, topic tags, a "——" rule, a credit line), and sets aside a last paragraph
 * that stops mid-sentence. Shared by the text cleaner and the HTML cleaner, which runs it over the article
 * Readability found, knowing the headline from the page's structure.
 */
import { parseAuthorDateLine } from '../metadata/author-date-lines.ts';
import { type Byline, type CreditLine, parseByline, parseCreditLine } from '../metadata/bylines.ts';
import { type CleanedText, preview } from './cleaned-text.ts';
import { type DateLine, parseDateLine, pickPublished } from '../metadata/publication-date-lines.ts';
import { type Dateline, parseDateline, withoutDateline } from '../metadata/datelines.ts';
import { captionGluedOn, isArticleEnd } from './furniture-lines.ts';
import { endsSentence, foldLine, isAllCaps, isProse, isShortLabel, wordCount } from './line-shape.ts';
import { markFurniture } from './furniture-in-context.ts';
import { creditHint, type Hint, outletHints, siteFromFooter, storyCredit, trailingCredit } from '../metadata/outlet-hints.ts';
import { looksLikeBrand, looksLikeMasthead, siteFromLink, siteFromNetworkLabel, splitTitleSuffix } from '../metadata/site-names.ts';
import { splitSentences } from '../../text/sentences.ts';
import type { TextUnit } from './text-units.ts';
import { sameOutlet } from '../metadata/wires.ts';

type Dropped = CleanedText['dropped'];

/** What the lines of a page say about it, unit by unit. */
export interface UnitFacts {
  bylines: Array<Byline | null>;
  dates: Array<DateLine[] | null>;
  reasons: Array<string | null>;
}

/**
 * Classifies every unit of a page: its furniture reason, or the byline or date line it is.
 *
 * @example
 * classifyUnits(textUnits('Share\n\nBy Jane Roe\n\nQatar said the talks would resume.')).reasons
 * // → ['share, save or social button', null, null]
 */
export function classifyUnits(units: readonly TextUnit[], preset: ReadonlyArray<string | null> = []): UnitFacts {
  const bylines = units.map((u, i) => (u.bullet || preset[i] ? null : parseByline(u.text)));
  const dates = units.map((u, i) => (preset[i] ? null : parseDateLine(u.text)));
  units.forEach((u, i) => {
    // the author's box: a name and a date on one line ("Jane Roe | November 25, 2023, 03:59 PM")
    const both = bylines[i] || dates[i] || preset[i] ? null : parseAuthorDateLine(u.text);
    if (both) [bylines[i], dates[i]] = [both.byline, both.dates];
  });
  const marked = markFurniture(units, (i) => bylines[i] !== null || dates[i] !== null);
  return { bylines, dates, reasons: marked.map((r, i) => preset[i] ?? r) };
}

/** The first unit of the article body: prose (or a dateline) not followed closely by a byline or date line. */
function findBodyStart(units: readonly TextUnit[], facts: UnitFacts): number {
  const plain = (i: number) => facts.reasons[i] === null && facts.bylines[i] === null && facts.dates[i] === null;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (!unit || unit.bullet || !plain(i)) continue;
    if (parseDateline(unit.text)) return i;
    if (!isProse(unit.text)) continue;
    let seen = 0;
    let metaAhead = false;
    for (let j = i + 1; j < units.length && j <= i + 12 && seen < 3; j++) {
      if (facts.bylines[j] || facts.dates[j]) metaAhead = true;
      if (facts.reasons[j] === null) seen++;
    }
    if (!metaAhead) return i;
  }
  const first = units.findIndex((u, i) => plain(i) && !u.bullet);
  return first < 0 ? units.length : first;
}

/** True for "Lena Voss covers the White House…", "Seung Min is a White House reporter.": a line about the author. */
function isAuthorBio(text: string, authors: readonly string[]): boolean {
  if (wordCount(text) > 40) return false;
  return authors.some((name) => {
    const first = name.split(' ')[0] ?? name;
    return [name, first].some(
      (n) => text.startsWith(`${n} `) && /^(?:is|was|covers|reports|writes|has|joined|edits|leads)\b/.test(text.slice(n.length + 1)),
    );
  });
}

interface BodyContext {
  /** The headline, so a copy of it in the body goes. */
  title: string | null;
  subtitle: string | null;
  /** Authors known so far, to recognise their bio lines. */
  authors: readonly string[];
}

interface ReadBody {
  paragraphs: string[];
  truncated: { text: string } | null;
  credits: string[];
  dropped: Dropped;
  /** Bylines and date lines found among the body's lines (dropped from it). */
  bylines: Byline[];
  dates: DateLine[];
  credited: CreditLine[];
  /** Lines crediting the whole story to an outlet ("– AFP", "Originally published in …"). */
  storyCredits: Hint[];
}

/**
 * Applies the body rules to units from the first paragraph on: furniture goes with its reason, bylines, date lines
 * and credit lines are set aside, everything after the end of the article goes, and a last paragraph that stops
 * mid-sentence is set aside as truncated.
 */
function readBody(units: readonly TextUnit[], facts: UnitFacts, from: number, context: BodyContext): ReadBody {
  const out: ReadBody = {
    paragraphs: [],
    truncated: null,
    credits: [],
    dropped: [],
    bylines: [],
    dates: [],
    credited: [],
    storyCredits: [],
  };
  const drop = (text: string, reason: string) => out.dropped.push({ text: preview(text), reason });
  const headline = new Set([context.title, context.subtitle].filter((t): t is string => t !== null).map(foldLine));
  let ended = false;
  for (let i = from; i < units.length; i++) {
    const text = units[i]?.text ?? '';
    const reason = facts.reasons[i];
    const credit = parseCreditLine(text);
    const story = reason === null || reason === 'photo caption or credit' ? storyCredit(text) : null;
    if (story) {
      out.storyCredits.push(story);
      drop(text, 'credit line naming the story’s source (kept in the notes)');
      continue;
    }
    if (ended) {
      if (credit || (reason === null && /\b(?:contributed|reported from)\b/.test(text) && wordCount(text) <= 60)) {
        out.credits.push(text);
        if (credit) out.credited.push(credit);
        drop(text, 'credit line (kept in the notes)');
      } else drop(text, reason ?? 'after the end of the article');
      continue;
    }
    if (reason) {
      if (isArticleEnd(text) && out.paragraphs.length > 0) ended = true;
      drop(text, reason);
      continue;
    }
    const byline = facts.bylines[i];
    const dates = facts.dates[i];
    if (byline) {
      out.bylines.push(byline);
      if (dates) out.dates.push(...dates);
      drop(text, dates ? 'byline and date line' : 'byline');
    } else if (dates) {
      out.dates.push(...dates);
      drop(text, 'date line');
    } else if (credit) {
      out.credits.push(text);
      out.credited.push(credit);
      drop(text, 'credit line (kept in the notes)');
      if (out.paragraphs.length > 0) ended = true;
    } else if (isAuthorBio(text, context.authors)) {
      drop(text, 'author bio');
      if (out.paragraphs.length > 0) ended = true;
    } else if (headline.has(foldLine(text))) {
      drop(text, 'repeats the headline');
    } else {
      const glued = captionGluedOn(text);
      if (glued) drop(glued.caption, 'photo caption glued onto the paragraph');
      out.paragraphs.push(glued ? glued.text : text);
    }
  }
  // "… the ministry said. – AFP": the credit goes before the last paragraph is judged whole or cut off
  const last = out.paragraphs.at(-1);
  const credited = last === undefined ? null : trailingCredit(last);
  if (credited) {
    out.paragraphs[out.paragraphs.length - 1] = credited.text;
    out.storyCredits.push(credited.credit);
    drop(credited.credit.evidence.replace(/^credit line "|"$/g, ''), 'credit line naming the story’s source (kept in the notes)');
  }
  setAsideTeasersAndTruncation(out);
  dropPromotions(out);
  return out;
}

/** The words of a line that say what it is about: four letters or more, lower case, a plural's "s" aside. */
const topicWords = (text: string): string[] => (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.replace(/s$/, ''));

/**
 * A short line inside the article that shares no word with any paragraph of it is not the article's: an advert or a
 * link to something else ("Harbour Bakery Instagram", "City Language Academy"). A sub-heading shares its words with
 * the text under it ("Second phase" / "In the second phase …") and stays.
 */
function dropPromotions(out: ReadBody): void {
  const words = out.paragraphs.map((p) => new Set(topicWords(p)));
  const keep = out.paragraphs.map((p, i) => {
    if (i === 0 || !isShortLabel(p)) return true;
    const own = topicWords(p);
    return own.length === 0 || own.some((w) => words.some((set, j) => j !== i && set.has(w)));
  });
  out.paragraphs.forEach((p, i) => {
    if (!keep[i])
      out.dropped.push({ text: preview(p), reason: 'advert or promotion inside the article (it shares no word with the article)' });
  });
  out.paragraphs = out.paragraphs.filter((_p, i) => keep[i]);
}

/** Trailing teaser headlines of another page ("…" at the end of two lines or more) and a truncated last paragraph. */
function setAsideTeasersAndTruncation(out: ReadBody): void {
  const paragraphs = out.paragraphs;
  const teasers: string[] = [];
  for (let k = paragraphs.length - 1; k > 0 && /…\s*$|\.\.\.\s*$/.test(paragraphs[k] ?? ''); k--) teasers.unshift(paragraphs[k] ?? '');
  if (teasers.length >= 2) {
    paragraphs.splice(paragraphs.length - teasers.length);
    for (const t of teasers) out.dropped.push({ text: preview(t), reason: 'teaser of another article' });
  }
  const last = paragraphs.at(-1);
  if (last !== undefined && paragraphs.length > 1 && !endsSentence(last)) {
    paragraphs.pop();
    if (wordCount(last) >= 5) {
      // the copy was cut off: its complete sentences are the article's, only the unfinished one goes
      const { whole, rest } = completeSentences(last);
      if (whole !== '') paragraphs.push(whole);
      out.truncated = { text: rest };
      out.dropped.push({
        text: preview(rest),
        reason: whole === '' ? 'last paragraph stops mid-sentence (a truncated copy)' : 'unfinished last sentence (a truncated copy)',
      });
    } else out.dropped.push({ text: preview(last), reason: 'heading with no text after it' });
  }
}

/**
 * The complete sentences a paragraph opens with, and the unfinished rest, each a verbatim slice of it.
 *
 * @example
 * completeSentences('Talks resumed. Qatar said the sides would') // → { whole: 'Talks resumed.', rest: 'Qatar said the sides would' }
 */
export function completeSentences(paragraph: string): { whole: string; rest: string } {
  const sentences = splitSentences(paragraph);
  let end = 0;
  for (const s of sentences) if (endsSentence(s.text) && s.end > end) end = s.end;
  // the kept part ends where a sentence ends, and the next one starts after it: no sentence is cut in two
  const complete = sentences.filter((s) => s.end <= end);
  const whole = paragraph.slice(0, end).trim();
  const restStart = sentences[complete.length]?.start ?? paragraph.length;
  return { whole, rest: paragraph.slice(restStart).trim() };
}

interface Header {
  title: string | null;
  subtitle: string | null;
  site: { outlet: string; evidence: string } | null;
  byline: Byline | null;
  dates: DateLine[];
  dropped: Dropped;
}

/** Reads the units above the body: headline, sub-heading, byline, date lines; the rest is dropped with its reason. */
function readHeader(
  units: readonly TextUnit[],
  facts: UnitFacts,
  bodyStart: number,
  footerSite: Header['site'],
  knownTitle: string | null,
): Header {
  const header: Header = { title: null, subtitle: null, site: footerSite, byline: null, dates: [], dropped: [] };
  const drop = (text: string, reason: string) => header.dropped.push({ text: preview(text), reason });
  const candidates: number[] = [];
  for (let i = 0; i < bodyStart; i++) {
    const text = units[i]?.text ?? '';
    const reason = facts.reasons[i];
    const byline = facts.bylines[i];
    const dates = facts.dates[i];
    if (reason) drop(text, reason);
    else if (byline) {
      if (!header.byline || (header.byline.authors.length === 0 && byline.authors.length > 0))
        header.byline = { ...byline, wire: byline.wire ?? header.byline?.wire ?? null };
      else if (!header.byline.wire && byline.wire) header.byline = { ...header.byline, wire: byline.wire };
      if (dates) header.dates.push(...dates);
      drop(
        text,
        dates
          ? 'byline and date line'
          : byline.authors.length > 0
            ? 'byline'
            : byline.wire
              ? 'byline naming the wire'
              : 'byline without a person',
      );
    } else if (dates) {
      header.dates.push(...dates);
      drop(text, 'date line');
    } else if (units[i]?.bullet) drop(text, 'menu or list item');
    else candidates.push(i);
  }
  const folded = candidates.map((i) => foldLine(units[i]?.text ?? ''));
  const isSite = (text: string) => header.site !== null && foldLine(text) === foldLine(header.site.outlet);
  let titleFound = false;
  candidates.forEach((i, k) => {
    const text = units[i]?.text ?? '';
    if (isSite(text)) return drop(text, 'site name');
    const suffixed = splitTitleSuffix(text); // "Headline | Site", as a browser's tab title
    const pageTitle = suffixed ? { outlet: suffixed.site, evidence: `page title "${preview(text)}"` } : null;
    if (suffixed && folded.includes(foldLine(suffixed.headline))) {
      header.site ??= pageTitle;
      return drop(text, 'page title with the site name');
    }
    if (knownTitle !== null && foldLine(text) === foldLine(knownTitle)) {
      titleFound = true;
      header.title = text;
      return;
    }
    const later = candidates.slice(k + 1).some((j) => !isSite(units[j]?.text ?? ''));
    const network = titleFound ? null : siteFromNetworkLabel(text);
    if (network) {
      header.site ??= { outlet: network, evidence: `site label "${preview(text)}"` };
      return drop(text, 'site label (the network the site is part of)');
    }
    if (!titleFound && later && knownTitle === null && looksLikeMasthead(text)) {
      header.site ??= { outlet: text, evidence: `masthead "${preview(text)}" above the headline` };
      return drop(text, 'site name (masthead above the headline)');
    }
    if (!titleFound && later && isBreadcrumb(text)) return drop(text, 'breadcrumb');
    const label = later && (wordCount(text) < 3 || (isAllCaps(text) && wordCount(text) <= 5));
    if (!titleFound && label && looksLikeBrand(text)) {
      header.site ??= { outlet: text, evidence: `site label "${preview(text)}" above the headline` };
      return drop(text, 'site name above the headline');
    }
    if (!titleFound && label) return drop(text, 'section label or site name above the headline');
    if (!titleFound && knownTitle === null) {
      titleFound = true;
      const splitOff = suffixed !== null && (header.site === null || sameOutlet(header.site.outlet, suffixed.site));
      if (splitOff) header.site ??= pageTitle;
      header.title = splitOff ? suffixed.headline : text;
      return;
    }
    if (header.title !== null && foldLine(text) === foldLine(header.title)) drop(text, 'repeats the headline');
    else if (header.subtitle === null) header.subtitle = text;
    else drop(text, 'header line above the article');
  });
  return header;
}

/** "Home World Middle East": a trail of section names that starts at the home page, without separators. */
function isBreadcrumb(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    /^Home$/i.test(words[0] ?? '') &&
    words.length >= 2 &&
    words.length <= 7 &&
    words.every((w) => /^(?:\p{Lu}|&$|and$|of$)/u.test(w)) &&
    !/[.!?:,]$/.test(text)
  );
}

export interface ReadOptions {
  /** The headline when the page's structure states it (HTML): a unit with this text is the title, and a unit of
   * prose-less text above the body is the sub-heading. */
  knownTitle?: string | null;
  /** Authors the page's structure names, to recognise their bio lines. */
  knownAuthors?: readonly string[];
  /** Reasons decided before reading (an HTML `<figcaption>` is a caption whatever its words). */
  presetReasons?: ReadonlyArray<string | null>;
  /** The address the page came from, when known: its site is the outlet when the page names none itself. */
  link?: string | null;
}

/**
 * Reads a text page (plain text, a copied or saved page, a lynx dump) from its units.
 *
 * @example
 * readTextPage(textUnits('Skip to content\n\nTalks resume in Doha\n\nBy Jane Roe\n\nQatar said on Monday that talks would resume.')).title
 * // → 'Talks resume in Doha'
 */
/** A text page as read: what cleaning yields, and the site and the story's credit the outlet was decided from. */
export interface ReadPage extends Omit<CleanedText, 'url'> {
  /** The site's own name, as the page (or the link it came from) shows it. */
  site: Hint | null;
  /** Whom the story credits: the dateline's bracket, a byline's wire, a credit line. */
  credit: Hint | null;
}

export function readTextPage(units: readonly TextUnit[], options: ReadOptions = {}): ReadPage {
  const facts = classifyUnits(units, options.presetReasons);
  const bodyStart = findBodyStart(units, facts);
  const header = readHeader(units, facts, bodyStart, siteFromFooter(units), options.knownTitle ?? null);
  const authorsSoFar = [...(header.byline?.authors ?? []), ...(options.knownAuthors ?? [])];
  const body = readBody(units, facts, bodyStart, {
    title: header.title ?? options.knownTitle ?? null,
    subtitle: header.subtitle,
    authors: authorsSoFar,
  });
  const byline = header.byline ?? body.bylines[0] ?? null;
  const creditNames = body.credited.flatMap((c) => c.names);
  const authors = byline ? byline.authors : creditNames;
  const published = pickPublished([...header.dates, ...body.dates]);
  const lead = leadAfterStandfirst(body.paragraphs);
  const subtitle = header.subtitle ?? lead.standfirst[0] ?? null;
  const aboveLead: Dropped = lead.standfirst
    .slice(header.subtitle === null ? 1 : 0)
    .map((t) => ({ text: preview(t), reason: 'header line above the article' }));
  const { dateline, paragraphs, dropped } = takeDateline(lead.paragraphs);
  const linkSite = siteFromLink(options.link);
  const site = header.site ?? (linkSite ? { outlet: linkSite, evidence: `the link's site (${linkSite})` } : null);
  const credit = creditHint(dateline, byline, body.storyCredits[0] ?? null);
  return {
    site,
    credit,
    title: header.title,
    subtitle,
    authors,
    statedDate: published ? { iso: published.iso, evidence: `date line "${published.evidence}"` } : null,
    ...outletHints(site, credit),
    dateline: dateline?.place ? { place: dateline.place, wire: dateline.wire, evidence: dateline.evidence } : null,
    paragraphs,
    truncated: body.truncated,
    credits: body.credits,
    dropped: [...header.dropped, ...aboveLead, ...dropped, ...body.dropped],
  };
}

/** How far down the body a dateline may open the lead, the paragraphs above it being the standfirst. */
const STANDFIRST_PARAGRAPHS = 2;

/**
 * A dateline opens the story's lead, so the short paragraphs of prose above it are the header's: a standfirst
 * ("The military said three hostages were back with their families." / "GAZA (Agencies) - Three hostages …").
 *
 * @example
 * leadAfterStandfirst(['Crews went back.', 'DOVER (AP) — Ferry crews ended their strike.']) // → { standfirst: ['Crews went back.'], paragraphs: ['DOVER (AP) — …'] }
 */
export function leadAfterStandfirst(paragraphs: readonly string[]): { standfirst: string[]; paragraphs: string[] } {
  const at = paragraphs.slice(0, STANDFIRST_PARAGRAPHS + 1).findIndex((p) => parseDateline(p) !== null);
  if (at <= 0 || paragraphs.slice(0, at).some((p) => wordCount(p) > 60)) return { standfirst: [], paragraphs: [...paragraphs] };
  return { standfirst: paragraphs.slice(0, at), paragraphs: paragraphs.slice(at) };
}

/**
 * The dateline before the lead ("DOHA, Qatar (AP) —", "New Delhi:") read and taken off the first paragraph: it is
 * page furniture in front of the story's first word, kept as metadata. A dateline alone leaves no paragraph.
 *
 * @example
 * takeDateline(['CAIRO (Reuters) - Talks resumed.']).paragraphs // → ['Talks resumed.']
 */
export function takeDateline(paragraphs: readonly string[]): { dateline: Dateline | null; paragraphs: string[]; dropped: Dropped } {
  const [first, ...rest] = paragraphs;
  const dateline = first === undefined ? null : parseDateline(first);
  if (!dateline || first === undefined) return { dateline: null, paragraphs: [...paragraphs], dropped: [] };
  const lead = withoutDateline(first, dateline);
  return {
    dateline,
    paragraphs: lead === '' ? rest : [lead, ...rest],
    dropped: [{ text: dateline.evidence, reason: 'dateline before the lead (kept in the notes)' }],
  };
}
