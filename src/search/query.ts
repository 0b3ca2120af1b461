/**
 * Questions as people type them, made ready for the index: Discord markdown, mentions, links and emoji are stripped,
 * question words and chatter ("did you see this", "apparently") are dropped, and what the question asks for — a
 * number, a duration, a person, a date — is kept aside as intents that the ranking can steer by.
 *
 * @example
 * normaliseQuery('**How many** hostages will be _released_?')
 * // → { text: 'hostages will be released', intents: ['number'], markdownFree: 'How many hostages will be released?' }
 */

/**
 * What a question asks for: "how many" a number, "how long" a duration, "who" a person, "when" a date; and
 * `happened`, what did happen ("how many hostages were freed"), or `planned`, what was to happen ("how many will be
 * freed").
 */
export type QueryIntent = 'number' | 'duration' | 'person' | 'date' | 'happened' | 'planned';

export interface NormalisedQuery {
  /** The words to search for: no markdown, question words or filler. May be '' ("what?"). */
  text: string;
  /** What the question asks for, in the order number, duration, person, date. */
  intents: QueryIntent[];
  /** The text as the user meant it to read: markdown, mentions, links and emoji removed, nothing else. */
  markdownFree: string;
}

/**
 * Removes Discord markdown and the things that are not words: **bold**, __underline__, _italics_, ~~strike~~,
 * `code`, ```blocks```, > quotes, # headings, -# subtext, list markers, ||spoilers||, [links](url) (their text is
 * kept), bare URLs, <@mentions>, <#channels>, <:custom:emoji>, :shortcodes: and emoji.
 *
 * @example
 * stripMarkdown('**Qatar** _mediation_ ||spoiler|| [AP](https://apnews.com) <@123>') // → 'Qatar mediation spoiler AP'
 */
export function stripMarkdown(text: string): string {
  return text
    .replace(/```[a-z0-9+-]*\n?([\s\S]*?)```/gi, ' $1 ')
    .replace(/\[([^\]\n]*)\]\((?:<)?https?:\/\/[^)\s]*(?:>)?\)/gi, '$1')
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/<t:\d+(?::[a-z])?>/gi, ' ')
    .replace(/<?https?:\/\/[^\s>]+>?/gi, ' ')
    .replace(/(^|\s):[a-z0-9_+-]{2,32}:(?=\s|$)/gi, '$1 ')
    .replace(/\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*|\p{Regional_Indicator}+/gu, ' ')
    .replace(/^[ \t]*(?:>>>|>|-#|#{1,3})[ \t]+/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/gm, '')
    .replace(/\|\||\*\*|__|~~|`+/g, '')
    .replace(/(^|[^\p{L}\p{N}])[*_](?=\S)([^*_\n]*?\S)[*_](?=[^\p{L}\p{N}]|$)/gu, '$1$2')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

const INTENT_PATTERNS: ReadonlyArray<[QueryIntent, RegExp]> = [
  ['number', /\bhow (?:many|much)\b|\bnumber of\b|\bwhat (?:number|amount)\b|\bhow (?:large|big)\b/i],
  ['duration', /\bhow long\b|\bhow many (?:days|hours|weeks|months)\b|\bfor how\b|\bduration\b|\blength of\b/i],
  [
    'person',
    /(?:^|[.?!:\n]\s*)(?:(?:so|and|but|ok|okay|hey|wait|then|btw)[, ]+)?who(?:m|se)?\b|\bwhich (?:officials?|persons?|people|ministers?|leaders?|negotiators?)\b/i,
  ],
  [
    'date',
    /(?:^|[.?!:\n]\s*)(?:(?:so|and|but|ok|okay|hey|wait|then|btw)[, ]+)?(?:since )?when\b|\bwhat (?:day|date|time|year|month)\b|\bwhich (?:day|date|month)\b|\bon what date\b/i,
  ],
  // a question in the past tense, with nothing in it that looks ahead
  [
    'happened',
    /^(?![\s\S]*\b(?:will|would|going to|plans?|planned|expected|supposed|due|to be)\b)[\s\S]*(?:^|[.?!:\n]\s*)(?:(?:so|and|but|ok|okay|hey|wait|then|btw)[, ]+)?(?:how|what|who|which|when|where|why)\b[^.?!\n]*\b(?:were|was|did|had|have been|has been)\b/i,
  ],
  [
    'planned',
    /(?:^|[.?!:\n]\s*)(?:(?:so|and|but|ok|okay|hey|wait|then|btw)[, ]+)?(?:how|what|who|which|when|where|why)\b[^.?!\n]*\b(?:will|would|going to|are to|is to|were to|was to|supposed to|due to|planned|expected to)\b/i,
  ],
];

/** Phrases that carry no claim: removed before searching (longest first, whole words only). */
const FILLER = [
  'did you see this',
  'did you see that',
  'have you seen this',
  'have you seen that',
  'did you hear',
  'have you heard',
  'is it true that',
  'is it true',
  'is that true',
  'can you tell me',
  'could you tell me',
  'can you find',
  'tell me',
  'do you know',
  'does anyone know',
  'anyone know',
  'i wonder whether',
  'i wonder if',
  'i heard that',
  'i read that',
  'i saw that',
  'i heard',
  'i think',
  'they say',
  'people say',
  'is this real',
  'source please',
  'sources please',
  'how many',
  'how much',
  'how long',
  'what about',
  'apparently',
  'reportedly',
  'supposedly',
  'allegedly',
  'basically',
  'literally',
  'actually',
  'honestly',
  'seriously',
  'please',
  'pls',
  'plz',
  'thanks',
  'lol',
  'lmao',
  'omg',
  'wtf',
  'btw',
  'fyi',
  'imo',
  'tbh',
  'hey',
  'hi',
  'guys',
  'wow',
  'wait',
  'ok',
  'okay',
  'yeah',
  'yes',
  'no way',
  'huh',
  'hmm',
];
/**
 * Talk about the talk, whole clauses that carry no claim: "I keep reading different versions of this, so which is
 * right?", "someone said that …" (the claim after "that" stays), "not trying to start a fight", "can someone find a
 * source". Removed before the filler words, clause by clause.
 */
const META_TALK = [
  // someone reports a claim: the report goes, the claim stays
  String.raw`\b(?:some(?:one|body)|people|everyone|they|my\s+\w+|a\s+(?:friend|guy|user|poster)(?:\s+\w+){0,3}|(?:i|we)\s+(?:keep\s+)?(?:read|reading|hear|hearing|saw|seeing|see))\s+(?:(?:in|on)\s+(?:another|the\s+other|a)\s+\w+\s+)?(?:said|says|say|saying|claims?|claimed|posted|posts|told\s+(?:me|us)|keeps?\s+(?:saying|posting|claiming)|(?:is|are)\s+(?:saying|claiming))\s+(?:that\s+)?`,
  // doubts about which account is right
  String.raw`\b(?:i|we)\s+keep\s+(?:reading|hearing|seeing)\s+(?:different|conflicting|two|other)\s+(?:versions|things|stories|accounts)(?:\s+of\s+(?:this|that|it|the\s+story))?[^.?!
]*`,
  String.raw`\b(?:so\s+)?(?:which|who)\s+(?:one\s+)?is\s+(?:it|right|true|correct)\b`,
  String.raw`\b(?:is|was)\s+(?:that|this|it)\s+(?:true|right|correct|real|accurate)\b`,
  // asking for help and keeping the peace
  String.raw`\b(?:can|could)\s+(?:some(?:one|body)|anyone|you)\s+(?:please\s+)?(?:find|show|give)\s+(?:me\s+)?(?:a\s+|the\s+)?(?:source|article|quote|link)s?(?:\s+(?:for|on|about)\s+(?:this|that|it))?\b`,
  String.raw`\bnot\s+trying\s+to\s+(?:start\s+a\s+fight|argue|be\s+rude)\b`,
  String.raw`\b(?:i\s+)?just\s+want(?:ed)?\s+(?:a|the)\s+(?:source|real\s+quote|facts?)\b`,
].map((p) => new RegExp(p, 'giu'));

const FILLER_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(?:${FILLER.sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}'’-])`,
  'giu',
);

/** Question words: the intents keep what they asked for. */
const QUESTION_WORDS = /(?<![\p{L}\p{N}'’-])(?:who|whom|whose|what|when|where|why|how|which)(?:'s|’s)?(?![\p{L}\p{N}'’-])/giu;

/** A token this long is not a word (a pasted hash, "xxxx…"): searching for it only costs time. */
const MAX_WORD_LENGTH = 40;

/**
 * What a question asks for.
 *
 * @example
 * queryIntents('How long was the first pause?') // → ['duration', 'happened']
 * queryIntents('How many hostages will be freed?') // → ['number']
 */
export function queryIntents(text: string): QueryIntent[] {
  return INTENT_PATTERNS.filter(([, re]) => re.test(text)).map(([intent]) => intent);
}

/**
 * The one normalisation every free-text input goes through before it meets the index.
 *
 * @example
 * normaliseQuery('Did you see this? Qatar apparently kicked them out').text // → 'Qatar kicked them out'
 */
export function normaliseQuery(text: string): NormalisedQuery {
  const markdownFree = stripMarkdown(text.replace(/\p{Cc}+/gu, (c) => (c.includes('\n') ? '\n' : ' ')));
  const intents = queryIntents(markdownFree);
  const words = META_TALK.reduce((text, pattern) => text.replace(pattern, ' '), markdownFree)
    .replace(FILLER_PATTERN, ' ')
    .replace(QUESTION_WORDS, ' ')
    .replace(/[\p{L}\p{N}]{41,}/gu, (w) => (w.length > MAX_WORD_LENGTH ? ' ' : w))
    .replace(/(?:^|\s)[?!.,;:]+(?=\s|$)/g, ' ')
    .replace(/[?!]+/g, (m, offset: number, all: string) => (all.slice(offset + m.length).trim() === '' ? '' : '.'))
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
  return { text: words, intents, markdownFree };
}
