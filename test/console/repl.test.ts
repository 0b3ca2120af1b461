/**
 * The console as a person runs it (`npm start` without a token): it follows the corpus while it runs, says so, and
 * answers from an article added in another terminal; a broken file is reported and the old corpus keeps answering.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runRepl } from '../../src/console/repl.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { scratchCorpus, testArticle } from '../helpers/corpus.ts';

/** Collects what the console prints and waits for a pattern to appear. */
function screen(output: PassThrough) {
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return {
    text: () => text,
    waitFor: (pattern: RegExp, timeoutMs = 8000) =>
      new Promise<string>((resolve, reject) => {
        const started = Date.now();
        const tick = setInterval(() => {
          if (pattern.test(text)) {
            clearInterval(tick);
            resolve(text);
          } else if (Date.now() - started > timeoutMs) {
            clearInterval(tick);
            reject(new Error(`console never printed ${String(pattern)}; it printed:\n${text}`));
          }
        }, 20);
      }),
  };
}

describe('the running console', () => {
  it('answers from an article added while it runs, and keeps answering when a broken file arrives', async () => {
    const dir = scratchCorpus();
    const input = new PassThrough();
    const output = new PassThrough();
    const seen = screen(output);
    const running = runRepl(LiveKnowledge.open(dir), input, output, { debounceMs: 50, pollMs: 200 });
    await seen.waitFor(/talks-bot console — 5 sources/);

    writeFileSync(
      join(dir, 'sources', 'lighthouse-ceasefire.md'),
      testArticle('lighthouse-ceasefire', 'The lighthouse keepers of Zanzibar agreed to a phased ceasefire on Wednesday.'),
    );
    await seen.waitFor(/\(corpus reloaded: added lighthouse-ceasefire — 6 sources, \d+ passages, \d+ ms\)/);
    input.write('/search lighthouse keepers Zanzibar\n');
    await seen.waitFor(
      /> The lighthouse keepers of Zanzibar agreed to a phased ceasefire on Wednesday\.\n\s+— The Harbor Ledger · Marta Olsen · 2025-01-16/,
    );

    writeFileSync(join(dir, 'sources', 'bad.md'), testArticle('bad', 'Text.', '2024-02-30'));
    await seen.waitFor(
      /\(corpus change refused, still answering from the previous corpus: sources\/bad\.md: field "published": must be a real calendar date/,
    );
    input.write('/search lighthouse keepers Zanzibar\n');
    await seen.waitFor(/refused[\s\S]*> The lighthouse keepers of Zanzibar/);

    input.end('/quit\n');
    await running;
    expect(seen.text().match(/corpus reloaded/g)).toHaveLength(1); // the refused file did not switch the corpus
  });
});
