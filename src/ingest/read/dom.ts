/**
 * The little of the DOM the HTML cleaner reads, typed here because the project compiles without the browser's DOM
 * types. `linkedom` provides the implementation (see `clean-html.ts` for why linkedom).
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly body: DomElement | null;
  readonly documentElement: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/**
 * Parses an HTML page into a document (entities decoded, tags balanced the way browsers do).
 *
 * @example
 * parseDocument('<p>Tom &amp; Jerry</p>').querySelector('p')?.textContent // → 'Tom & Jerry'
 */
export function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}
