/**
 * Page furniture a reader skips without thinking: menus, skip links, share and save buttons, "Advertisement",
 * photo captions and credits, newsletter, sign-in and cookie prompts, comment counts, topic tags, copyright and
 * footer links, "Back to top". Each rule names its reason, which the ingest report prints next to the dropped line.
 *
 * Rules judge the whole line: a known phrase must be the whole line (or every part of a "A | B | C" line), and
 * longer shapes (a caption, a cookie notice) must also look like one (no sentence of article prose ends in
 * "/ Reuters" or starts with "Photo:"). So "Share of aid trucks rose…" or "Related talks in Cairo…" stay.
 */
import { splitSentences } from '../../text/sentences.ts';
import { endsSentence, wordCount } from './line-shape.ts';

const label = (reason: string, phrases: string) => phrases.split('|').map((p) => [p, reason] as const);

/** Whole-line labels of buttons and links, lower-cased, with the reason each is dropped. */
const LABELS = new Map<string, string>([
  ...label(
    'skip link',
    'skip to content|skip to main content|skip to navigation|skip navigation|skip to search|skip to footer|skip to article|jump to content|skip to main',
  ),
  ...label(
    'share, save or social button',
    'share|shares|share this|share this article|share this story|share article|share story|share page|share via|share on facebook|share on x|share on twitter|share on whatsapp|share on linkedin|share on email|share on reddit|share on telegram|share via email|copy|copy link|copy url|copy article link|link copied|copied|copied!|email|e-mail|mail|mailto|print|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|flipboard|telegram|messenger|instagram|youtube|tiktok|threads|bluesky|tweet|save|save article|saved|save for later|bookmark|gift article|gift this article|reuse this content|more sharing options|follow|follow us|follow on twitter|rss|please follow and like us|follow and like us|like us on facebook|follow us on facebook|follow us on x|follow us on twitter|follow us on instagram|follow us on google news|share this post|share the story',
  ),
  ...label(
    'menu or page control',
    "menu|main menu|open menu|close menu|close|search|search query|submit|submit search|show search|hide search|toggle navigation|navigation|sections|all sections|home|homepage|more|expand|collapse|show more|load more|see more|see all|view all|next|previous|prev|play|pause|mute|unmute|loading|loading...|e-edition|today's paper|print edition|games|puzzles|crosswords|notifications|dark mode|edition",
  ),
  ...label(
    'sign-in or subscription prompt',
    'sign up|sign in|sign-in|log in|login|log-in|log out|logout|sign out|register|create account|create an account|subscribe|subscribe now|subscriptions|print subscriptions|digital subscription|my account|account|profile|become a member|donate|support us|manage account',
  ),
  ...label(
    'advertisement',
    'advertisement|advertisment|advert|ad|ads|sponsored|sponsored content|promoted|promoted content|paid content|paid post|partner content|story continues below advertisement|story continues below|article continues below|article continues after advertisement|continue reading below|scroll to continue|scroll to continue with content|ad feedback|report this ad|remove ads',
  ),
  ...label(
    'cookie or privacy prompt',
    'accept|accept all|accept cookies|accept all cookies|reject|reject all|decline|manage preferences|manage settings|manage cookies|manage options|cookie settings|cookie policy|cookie preferences|privacy settings|do not sell my personal information|do not sell or share my personal information|your privacy choices|i agree|agree|got it|allow all|allow cookies',
  ),
  ...label(
    'footer link',
    'about|about us|contact|contact us|careers|jobs|search jobs|advertise|advertise with us|terms|terms of use|terms of service|terms and conditions|privacy|privacy policy|privacy notice|accessibility|accessibility statement|sitemap|site map|help|faq|corrections|newsletters|our standards|ethics|archive|staff directory|press releases',
  ),
  ...label('back-to-top link', 'back to top|back to top button|top|scroll to top|return to top|to top|↑'),
  ...label(
    'comment count or prompt',
    'comments|comment|view comments|show comments|hide comments|leave a comment|add a comment|post a comment|join the conversation|join the discussion|log in to comment|sign in to comment|log in to join the conversation|be the first to comment|discussion',
  ),
]);

/** Whole lines that head a list of links to other pages; the list items that follow go with them. */
const LINK_LIST_HEADING =
  /^(?:read more|read next|read also|also read|more to read|related|related (?:stories|articles|coverage|content|news|links|reading|posts)|more on this (?:story|topic)|more stories|more news|more from .{1,40}|more in .{1,30}|most read|most viewed|most popular|most shared|popular(?: now| stories)?|trending(?: now| stories)?|recommended(?: for you| stories| reading)?|you may also like|you might also like|you may have missed|see also|top stories|latest(?: news| stories)?|editor'?s picks|further reading|what to read next|explore more on these topics|in other news|don'?t miss|tags|topics|related topics)\s*:?$/i;

/** "Read more: …", "Related: …" — one link to another article. */
const LINK_LINE =
  /^(?:read more|read also|also read|related|see also|read next|watch|listen|must read|recommended|don'?t miss|follow live|live updates?|live blog|live coverage|watch live|read live|latest updates?)\s*[:|›»–—]\s*\S/i;

interface Rule {
  reason: string;
  test: (line: string) => boolean;
}

const short = (line: string, words: number) => wordCount(line) <= words;

const RULES: readonly Rule[] = [
  { reason: 'rule that ends the article', test: (l) => /^[—–-]{2,}$/.test(l) },
  { reason: 'skip link', test: (l) => /^(?:skip|jump) to\b/i.test(l) && short(l, 5) },
  { reason: 'timestamp template never filled in', test: (l) => /\[(?:hour|minute|day|month|monthFull|year|AMPM|timezone)\]/.test(l) },
  {
    reason: 'relative timestamp',
    test: (l) =>
      /^(?:(?:updated|posted|published)\s*:?\s*)?(?:\d+|an?)\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$/i.test(l) ||
      /^just now$/i.test(l),
  },
  { reason: 'comment count or prompt', test: (l) => /^\d[\d,.]*k?\s+comments?$/i.test(l) || /^comments?\s*\(\d[\d,]*\)$/i.test(l) },
  {
    reason: 'reading time or audio player',
    test: (l) =>
      /^(?:\d+\s*(?:min|mins|minutes?)(?:\s+(?:read|listen))?|reading time\b.{0,30}|listen to (?:this )?(?:article|story)\b.{0,30}|listen\s*\(?\d+\s*min\)?)$/i.test(
        l,
      ),
  },
  {
    reason: 'topic tags',
    test: (l) =>
      /^(?:topics|tags|tagged(?: with)?|filed under|categories|keywords|related topics)\s*:/i.test(l) &&
      !endsSentence(l.replace(/\.$/, '')),
  },
  {
    reason: 'copyright line',
    test: (l) => (/^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))/i.test(l) || /\ball rights reserved\b/i.test(l)) && short(l, 30),
  },
  {
    reason: 'newsletter prompt',
    test: (l) =>
      short(l, 25) &&
      /^(?:sign up|subscribe|register|join|get|receive)\b.{0,80}\b(?:newsletters?|briefing|bulletin|inbox|alerts|digest)\b/i.test(l),
  },
  {
    reason: 'newsletter prompt',
    test: (l) =>
      short(l, 30) &&
      /^(?:privacy notice|by signing up|by subscribing|thank you for (?:signing up|subscribing)|enter your email|your email(?: address)?|email address)\b/i.test(
        l,
      ),
  },
  {
    reason: 'cookie or privacy prompt',
    test: (l) =>
      short(l, 45) &&
      /\bcookies?\b/i.test(l) &&
      /\b(?:we use|uses|accept|consent|policy|settings|preferences|personali[sz]e|experience|continuing)\b/i.test(l),
  },
  { reason: 'footer link', test: (l) => /^our standards\b/i.test(l) && short(l, 10) },
  { reason: 'image or button placeholder', test: (l) => /^\[[^\]]{0,60}\]$/.test(l) },
  { reason: 'site logo', test: (l) => /\blogo$/i.test(l) && short(l, 5) },
  { reason: 'photo gallery counter', test: (l) => /^(?:image|photo|slide)?\s*\d+\s*(?:of|\/)\s*\d+\s*\|?$/i.test(l) },
  { reason: 'list number', test: (l) => /^\d{1,2}[.)]?$/.test(l) },
  { reason: 'page control', test: (l) => /^link:\s*\S+$/i.test(l) || /^_{3,}/.test(l) || /^[-=*•·|_\s]+$/.test(l) },
  { reason: 'breadcrumb', test: (l) => /^home\s*(?:[>›»/|]\s*[\p{L}\p{N} &'’-]+){1,5}$/iu.test(l) },
  {
    reason: 'photo caption or credit',
    test: (l) =>
      /^(?:photo|photograph|photos|image|images|picture|pic|video|illustration|graphic|file photo|credit|credits|photo credit|image credit|image source|image caption|caption|media caption)\s*[:,]/i.test(
        l,
      ),
  },
  { reason: 'photo caption or credit', test: (l) => /^FILE\s*[-–—]\s/.test(l) },
  { reason: 'photo caption or credit', test: isCreditedCaption },
  { reason: 'photo caption or credit', test: isDatedCaption },
  {
    reason: 'share, save or social button',
    test: (l) =>
      /^(?:share(?: this| on| via)?|follow us(?: on)?|like us on)\s*:?\s*(?:facebook|x|twitter|whatsapp|telegram|linkedin|email|e-mail|threads|reddit|pinterest|instagram|google news|bluesky)?\s*:?$/i.test(
        l,
      ),
  },
  { reason: 'link to another article', test: (l) => LINK_LINE.test(l) && !(l.endsWith('.') && wordCount(l) > 20) },
  { reason: 'link list heading', test: (l) => LINK_LIST_HEADING.test(l) },
];

/**
 * The photo credit a caption ends with: "(AP Photo/Jonah Brill)", "(credit: FLASH90, REUTERS)", "[Getty]", "Credit:
 * AP", "Photo: Reuters", "… / Reuters". Returns the caption without it, or null when the line ends otherwise.
 *
 * @example
 * withoutPhotoCredit('Crowds wait at the crossing. Credit: AP') // → 'Crowds wait at the crossing.'
 */
export function withoutPhotoCredit(line: string): string | null {
  const text = line.trim();
  const m =
    /\s*\((?:[^()]*\b(?:Photo|Photograph|Image|Pic|File|[Cc]redit|[Pp]hoto)\b[^()]*|AP|AFP|Reuters|EPA|EPA-EFE|Getty Images|[^()]*\bvia (?:AP|Getty Images|Reuters)\b[^()]*)\)$/.exec(
      text,
    ) ??
    /\s*\[(?:Getty(?: Images)?|AFP|AP|Reuters|EPA|Anadolu(?: Agency)?|File|Photo|[^\]]*\b(?:via|Photo|Getty)\b[^\]]*)\]$/i.exec(text) ??
    /\s+(?:Photo(?:graph)?s?|Credits?|Image|Picture)\s*:\s*\p{Lu}[\p{L}\p{N} /,.&'’-]{1,60}$/u.exec(text);
  return m ? text.slice(0, m.index).trim() : null;
}

/**
 * A caption with its photo credit: "… (AP Photo/Jonah Brill)", "… Credit: AP", "… [Getty]", "… Photo by Yusuf Daoud",
 * "Photo of … Follow on Twitter | Published …", "… / Reuters". The caption itself is one or two sentences at most
 * (a longer paragraph is article text with a caption glued on: see `captionGluedOn`); except for a credit in brackets
 * or after "Credit:", the text before a photographer's name must not end a sentence.
 */
function isCreditedCaption(line: string): boolean {
  if (!short(line, 90)) return false;
  const tail = line.replace(/\s*\[\s*(?:submit|search|go|ok)\s*\]\s*$/i, ''); // a lynx "[ Submit ]" after the credit
  const caption = withoutPhotoCredit(tail);
  if (caption !== null) return caption === '' || endsSentence(caption) ? countSentences(caption) <= 2 : countSentences(caption) <= 1;
  if (endsSentence(tail)) return false;
  return (
    /\bPhoto(?:graph)?(?: by|:)\s+\p{Lu}/u.test(tail) ||
    /^(?:Photo|Photograph|Picture|Image) of\b/.test(tail) ||
    /\bFollow (?:us )?on (?:Twitter|X|Instagram|Facebook)\b/.test(tail) ||
    /(?:\/\s*(?:Reuters|AFP|AP|EPA|Getty Images|Getty)|Getty Images|Shutterstock|Alamy|EPA-EFE)$/.test(tail)
  );
}

/** Splits "Terms of Use | Privacy Policy" or "Subscribe  Login" into its parts. */
function parts(line: string): string[] {
  return line
    .split(/\s*[|·•]\s*|\s{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function labelReason(text: string): string | null {
  const key = text
    .toLowerCase()
    .replace(/[\s:›»→▸>]+$/, '')
    .replace(/^[‹«←<\s]+/, '');
  return LABELS.get(key) ?? null;
}

/**
 * Why a line is page furniture, judging the line alone, or null when it may be article text.
 *
 * @example
 * furnitureReason('Advertisement · Scroll to continue') // → 'advertisement'
 * furnitureReason('Terms of Use | Privacy Policy')      // → 'footer link'
 * furnitureReason('Share of aid trucks rose during the pause, officials said.') // → null
 */
export function furnitureReason(line: string): string | null {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text === '') return 'blank';
  const whole = labelReason(text);
  if (whole) return whole;
  const pieces = parts(line.trim());
  if (pieces.length > 1) {
    const reasons = pieces.map((p) => labelReason(p) ?? RULES.find((r) => r.test(p))?.reason ?? null);
    if (reasons.every((r) => r !== null)) return reasons[0] ?? null;
  }
  return RULES.find((r) => r.test(text))?.reason ?? null;
}

/**
 * True when the line heads a list of links ("Related", "Most read", "More from the Prairie Evening Post", "Tags").
 *
 * @example
 * isLinkListHeading('Related')                       // → true
 * isLinkListHeading('Related talks in Cairo resumed.') // → false
 */
export function isLinkListHeading(line: string): boolean {
  return LINK_LIST_HEADING.test(line.replace(/\s+/g, ' ').trim());
}

/**
 * True when a line marks the end of the article text: a copyright line, topic tags, a "——" rule, "Our Standards",
 * "Back to top". What follows it is footer, except credit lines.
 *
 * @example
 * isArticleEnd('© 2025 Levant Courier. All rights reserved.') // → true
 * isArticleEnd('Tags')                                        // → true
 */
export function isArticleEnd(line: string): boolean {
  const text = line.replace(/\s+/g, ' ').trim();
  if (/^[—–-]{2,}$/.test(text)) return true;
  if (/^(?:tags|topics|explore more on these topics|related topics)\s*:?$/i.test(text)) return true;
  const reason = furnitureReason(text);
  return reason === 'copyright line' || reason === 'topic tags' || reason === 'back-to-top link' || /^our standards\b/i.test(text);
}

/** How many sentences a short text holds. */
const countSentences = (text: string): number => splitSentences(text).length;

/**
 * A caption glued onto the end of a paragraph by the page's layout: after the paragraph's last full stop, a fragment
 * that is no sentence and ends in a photo credit ("… that buffer zone. (L-R) The two leaders in Cairo (credit:
 * Reuters)"). Returns the paragraph without it and the caption, or null.
 *
 * @example
 * captionGluedOn('Talks went on. Envoys in Doha (credit: Reuters)') // → { text: 'Talks went on.', caption: 'Envoys in Doha (credit: Reuters)' }
 */
export function captionGluedOn(paragraph: string): { text: string; caption: string } | null {
  const before = withoutPhotoCredit(paragraph);
  if (before === null || before === '' || endsSentence(before)) return null;
  const sentences = splitSentences(before);
  const fragment = sentences.at(-1);
  if (sentences.length < 2 || fragment === undefined) return null;
  const text = paragraph.slice(0, fragment.start).trim();
  return endsSentence(text) ? { text, caption: paragraph.slice(fragment.start).trim() } : null;
}

/** Weekday, date and place set off by commas, the way agency captions date their picture. */
const CAPTION_DATE = new RegExp(
  String.raw`,\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+(?:Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4},?\s+(?:in|at|near|outside|inside)\s+\p{Lu}`,
  'u',
);

/**
 * An agency photo caption without its credit: one or two sentences whose first sets the picture's weekday, date
 * and place off by commas ("President Biden speaks at the White House, Friday, May 31, 2024, in Washington."). Article
 * prose dates with "on" ("on Monday, May 6, 2024,"), not with a bare weekday between commas.
 *
 * @example
 * isDatedCaption('Crowds gather in the square, Sunday, Jan. 19, 2025, in Tel Aviv.') // → true
 * isDatedCaption('Hamas said on Monday, May 6, 2024, that it accepted.') // → false
 */
export function isDatedCaption(line: string): boolean {
  if (!short(line, 70) || !endsSentence(line) || countSentences(line) > 2) return false;
  return CAPTION_DATE.test(splitSentences(line)[0]?.text ?? '');
}
