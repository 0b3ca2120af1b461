/**
 * A corpus whose source holds everything a page must not trust: markup in the title, byline, notes and text,
 * quotes and ampersands in attribute-like places, an address with markup in its query, and Arabic (right-to-left) text; plus a
 * second source that carries one of its paragraphs word for word, for the "also in" links.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../../src/corpus/load-corpus.ts';
import { buildKnowledge, type Knowledge } from '../../../src/knowledge/knowledge.ts';
import { emptyCorpus, writeSource } from '../../helpers/corpus.ts';

export const HOSTILE_ID = 'hostile-2023-11-24';
export const COPY_ID = 'copy-2023-11-25';
export const SCRIPT = '<script>alert("x")</script>';
export const ARABIC = 'عاجل | الناطق باسم كتائب القسام: أطلقنا سراح المحتجزتين الأمريكيتين.';
export const SHARED = 'Qatar said on Friday that the truce would be extended by two days, and both sides agreed.';

const hostile = `---
id: ${HOSTILE_ID}
title: 'Truce ${SCRIPT} & "quotes" <b>bold</b>'
outlet: 'Tom & Jerry <i>News</i>'
authors: ['A. "Ace" O''Brien', '<img src=x onerror=alert(1)>']
published: 2023-11-24
published_basis:
  kind: inferred
  evidence: 'says "on Friday" & <u>more</u>'
url: 'https://example.org/a?b="><script>alert(1)</script>&c=1'
language: en
notes: 'Notes with ${SCRIPT}'
---

The talks resumed in Doha on Thursday, officials said ${SCRIPT} & "more" came later.

${ARABIC}

${SHARED}
`;

const copy = `---
id: ${COPY_ID}
title: A republished copy
outlet: Copy Wire
authors: []
published: 2023-11-25
published_basis:
  kind: stated
  evidence: the page shows "25 November 2023"
url: https://example.org/copy
language: en
---

An unrelated opening sentence stands here, written for the copy alone.

${SHARED}
`;

let cached: { dir: string; knowledge: Knowledge } | null = null;

/** The hostile corpus and its knowledge, built once per test file, in a temporary folder. */
export function hostileKnowledge(): { dir: string; knowledge: Knowledge } {
  if (cached) return cached;
  const dir = emptyCorpus();
  writeSource(dir, HOSTILE_ID, hostile);
  writeSource(dir, COPY_ID, copy);
  cached = { dir, knowledge: buildKnowledge(loadCorpus(dir)) };
  return cached;
}

/** A scratch copy of a corpus folder, for a test that adds to it or removes from it (a LiveKnowledge reload). */
export function scratchOf(dir: string): string {
  const to = mkdtempSync(join(tmpdir(), 'talks-pages-'));
  cpSync(dir, to, { recursive: true });
  return to;
}
