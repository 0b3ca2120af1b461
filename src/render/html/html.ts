/**
 * HTML that escapes by default. Everything a page shows from a source — a title, a byline, a paragraph — is text
 * typed by someone else, so it must never become markup: the `html` tagged template escapes every interpolated
 * value unless it is already `SafeHtml` (the result of another `html` template). There is no other way to put a
 * string into a page, so escaping cannot be forgotten at one place.
 *
 * @example
 * html`<p title="${title}">${text}</p>`.toString() // '<script>' in text → '&lt;script&gt;'
 */

/** Markup that is already safe: built by `html`, never from a raw string. */
export class SafeHtml {
  private constructor(private readonly markup: string) {}

  /** Only this module makes SafeHtml, from its own escaping. */
  static trusted(markup: string): SafeHtml {
    return new SafeHtml(markup);
  }

  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as it may stand in an element or a quoted attribute value.
 *
 * @example
 * escapeHtml('a < b & "c"') // → 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** What may be interpolated: text (escaped), numbers, safe markup, lists of these, and nothing (null, false). */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * @example
 * html`<li>${items.map((i) => html`<b>${i}</b>`)}</li>` // each item escaped, the list joined
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => (out += render(value) + (strings[i + 1] ?? '')));
  return SafeHtml.trusted(out);
}
