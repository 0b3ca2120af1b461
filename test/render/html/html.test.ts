import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml } from '../../../src/render/html/html.ts';

describe('the html template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const text = `<script>alert("x")</script> & 'single'`;
    expect(html`<p title="${text}">${text}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;single&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;single&#39;</p>',
    );
  });

  it('keeps markup it built itself, joins lists, and drops null, undefined and false', () => {
    const items = ['a<b', 'c&d'].map((i) => html`<li>${i}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${3}`.toString()).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>3');
  });

  it('leaves right-to-left text and other Unicode as it is', () => {
    expect(escapeHtml('عاجل | “quoted” — ok')).toBe('عاجل | “quoted” — ok');
  });

  it('cannot be fooled by a string that looks like safe markup', () => {
    const fake = { toString: () => '<b>not safe</b>' } as unknown as string;
    expect(html`${fake}`.toString()).toBe('&lt;b&gt;not safe&lt;/b&gt;');
    expect(html`${SafeHtml.trusted('<b>built here</b>')}`.toString()).toBe('<b>built here</b>');
  });
});
