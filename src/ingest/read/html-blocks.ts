/**
 * The lines a reader sees on an HTML page, read from its DOM: one per paragraph, heading, list item, caption or
 * other block, with entities decoded by the DOM. A bar of links or buttons ("Facebook X WhatsApp Copy link",
 * "World Politics Business") gives one line per link, the way it shows on screen.
 */
import type { DomElement, DomNode } from './dom.ts';
import type { TextUnit } from './text-units.ts';

export interface HtmlBlock extends TextUnit {
  /** The block element the text sits in, lower-case ("p", "li", "h1", "figcaption", "div"). */
  tag: string;
  /** Inside a `<figure>`: a caption or photo credit. */
  inFigure: boolean;
  /** The page region around it when it is one a reader skips: "nav", "header", "footer", "aside", "form". */
  region: string | null;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'select',
  'textarea',
  'input',
  'object',
  'canvas',
  'head',
  'img',
  'picture',
  'video',
  'audio',
  'source',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'time',
  'br',
]);
/** Blocks that hold other blocks: text directly inside them counts as a plain "div" line. */
const CONTAINERS = new Set([
  'div',
  'section',
  'main',
  'article',
  'table',
  'tbody',
  'thead',
  'tr',
  'ul',
  'ol',
  'dl',
  'form',
  'fieldset',
  'details',
  'header',
  'footer',
  'nav',
  'aside',
  'figure',
  'dialog',
]);
const REGIONS = new Set(['nav', 'header', 'footer', 'aside', 'form']);
const LINKISH = new Set(['a', 'button']);

interface Context {
  tag: string;
  inFigure: boolean;
  region: string | null;
}

/** True for an element whose content is only links or buttons, with separators at most: a bar of links. */
function isLinkBar(element: DomElement): boolean {
  const children = Array.from(element.children);
  if (children.length < 2 || !children.every((c) => LINKISH.has(c.tagName.toLowerCase()))) return false;
  return Array.from(element.childNodes).every((n) => n.nodeType !== 3 || /^[\s|·•,/–—-]*$/.test(n.textContent ?? ''));
}

/**
 * The visible blocks under `root`, in document order.
 *
 * @example
 * htmlBlocks(parseHTML('<body><nav><a>World</a> <a>Politics</a></nav><p>Talks resumed.</p></body>').document.body)
 *   .map((b) => b.text) // → ['World', 'Politics', 'Talks resumed.']
 */
export function htmlBlocks(root: DomElement): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let text = '';
  let group = 0;
  let context: Context = { tag: 'div', inFigure: false, region: null };
  const flush = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean !== '')
      blocks.push({
        text: clean,
        block: group,
        bullet: context.tag === 'li',
        tag: context.tag,
        inFigure: context.inFigure,
        region: context.region,
      });
    text = '';
  };
  const walk = (node: DomNode, ctx: Context) => {
    if (node.nodeType === 3) {
      text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as DomElement;
    const tag = element.tagName.toLowerCase();
    if (SKIP.has(tag) || element.getAttribute('hidden') !== null) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (!BLOCK.has(tag) && !isLinkBar(element)) {
      for (const child of Array.from(element.childNodes)) walk(child, ctx);
      return;
    }
    flush();
    const inner: Context = {
      tag: !BLOCK.has(tag) ? ctx.tag : CONTAINERS.has(tag) ? (ctx.tag === 'li' ? 'li' : 'div') : tag,
      inFigure: ctx.inFigure || tag === 'figure' || tag === 'figcaption',
      region: REGIONS.has(tag) ? tag : ctx.region,
    };
    if (tag !== 'li' && tag !== 'time' && tag !== 'button') group++;
    const previous = context;
    context = inner;
    if (isLinkBar(element)) {
      for (const child of Array.from(element.children)) {
        walk(child, inner);
        flush();
      }
    } else for (const child of Array.from(element.childNodes)) walk(child, inner);
    flush();
    context = previous;
  };
  for (const child of Array.from(root.childNodes)) walk(child, context);
  flush();
  return blocks;
}
