/**
 * The console as a person runs it (`npm start` without a token) ends when they type `/quit`: nothing it started —
 * the corpus watcher, the worker that reads the corpus for reloads — keeps the process alive after it.
 */
import { describe, expect, it } from 'vitest';
import { startConsole } from '../helpers/console-process.ts';
import { scratchCorpus } from '../helpers/corpus.ts';

describe('the console process', () => {
  it('exits with status 0 after /quit, its reload worker stopped', async () => {
    const c = startConsole({ CORPUS_DIR: scratchCorpus() });
    await c.waitFor(/talks-bot console/, c.out);
    // the line ends the console; the input stays open, as a terminal's does
    expect(await c.quit()).toBe(0);
  }, 60_000);
});
