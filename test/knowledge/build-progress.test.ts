/**
 * A long build says where it is: a line as each step starts and at most one a second in between, with what is done
 * of the step, the time so far and about how long the step has left.
 */
import { describe, expect, it } from 'vitest';
import { type BuildProgress, progressLines, trackEach } from '../../src/knowledge/build-progress.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';

/** A clock the test moves by hand. */
function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('progress lines', () => {
  it('says a line as a step starts, then at most one a second, with the items done and what the step has left', () => {
    const c = clock();
    const lines: string[] = [];
    const listen = progressLines((l) => lines.push(l), c.now);
    const at = (done: number) => ({ step: 4, steps: 6, doing: 'indexing the passages', done, total: 100_000 });
    listen(at(0));
    for (let done = 2000; done <= 100_000; done += 2000) {
      c.advance(250);
      listen(at(done));
    }
    // 50 slices, a quarter of a second each: the start, then one line a second
    expect(lines).toHaveLength(1 + 12);
    expect(lines[0]).toBe('building: step 4 of 6, indexing the passages: 0 of 100,000 (0 %); 0 s so far');
    expect(lines[4]).toBe(
      'building: step 4 of 6, indexing the passages: 32,000 of 100,000 (32 %); 4 s so far, about 9 s left in this step',
    );
  });

  it('says nothing of what is left before a tenth of the step is done, and a one-item step without counts', () => {
    const c = clock();
    const lines: string[] = [];
    const listen = progressLines((l) => lines.push(l), c.now);
    listen({ step: 1, steps: 6, doing: 'splitting the sources into passages', done: 0, total: 1000 });
    c.advance(1500);
    listen({ step: 1, steps: 6, doing: 'splitting the sources into passages', done: 50, total: 1000 });
    listen({ step: 2, steps: 6, doing: 'finding the people the text names', done: 0, total: 1 });
    expect(lines).toEqual([
      'building: step 1 of 6, splitting the sources into passages: 0 of 1,000 (0 %); 0 s so far',
      'building: step 1 of 6, splitting the sources into passages: 50 of 1,000 (5 %); 2 s so far',
      'building: step 2 of 6, finding the people the text names; 2 s so far',
    ]);
  });

  it('trackEach does the work in order and tells each item done', () => {
    const told: BuildProgress[] = [];
    const out = trackEach([1, 2, 3], (n) => n * 10, { step: 1, steps: 1, doing: 'x', listener: (p) => told.push(p) });
    expect(out).toEqual([10, 20, 30]);
    expect(told.map((p) => p.done)).toEqual([0, 1, 2, 3]);
  });
});

describe('a build', () => {
  it('goes through its six steps in order, each to its end, and builds what a build without a listener builds', () => {
    const corpus = loadCorpus('corpus');
    const told: BuildProgress[] = [];
    const watched = buildKnowledge(corpus, (p) => told.push(p));
    const steps = [...new Set(told.map((p) => p.step))];
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
    for (const step of steps) {
      const last = told.filter((p) => p.step === step).at(-1);
      expect(last?.done, `step ${step}`).toBe(last?.total);
    }
    expect(told.find((p) => p.step === 1)?.total).toBe(corpus.sources.length);
    const plain = buildKnowledge(corpus);
    expect(watched.passages.map((p) => [p.id, p.dates.map((d) => d.iso)])).toEqual(
      plain.passages.map((p) => [p.id, p.dates.map((d) => d.iso)]),
    );
    expect(watched.index.find('Qatar mediated the talks').map((h) => h.id)).toEqual(
      plain.index.find('Qatar mediated the talks').map((h) => h.id),
    );
  });
});
