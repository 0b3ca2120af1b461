/**
 * The saved knowledge: a restart reads back what the last build worked out, and gets exactly what a fresh build
 * gives; a changed corpus is built again (the old save replaced); a damaged save is reported and rebuilt, never
 * served and never fatal.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frequencyOf } from '../../src/answers/collapse-copies.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.ts';
import { CACHE_DIR, loadKnowledge, openCachedKnowledge, saveKnowledge } from '../../src/serving/knowledge-cache.ts';
import { sampleAnswers } from './sample-answers.ts';
import { scratchCorpus, testArticle } from '../helpers/corpus.ts';

const saves = (dir: string) => readdirSync(join(dir, CACHE_DIR)).filter((f) => f.endsWith('.v8'));

describe('the saved knowledge', () => {
  it('reads back exactly what a fresh build gives: passages, entities and every answer', () => {
    const dir = scratchCorpus();
    const corpus = loadCorpus(dir);
    const fresh = buildKnowledge(corpus);
    const file = join(dir, 'knowledge.v8');
    saveKnowledge(fresh, file);
    const read = loadKnowledge(file, loadCorpus(dir));
    const plain = (k: Knowledge) => k.passages.map(({ source, ...p }) => ({ ...p, source: source.id }));
    expect(plain(read)).toEqual(plain(fresh));
    expect(read.allEntities).toEqual(fresh.allEntities);
    expect(read.statedRoles).toEqual(fresh.statedRoles);
    // the index's own statistics and what it knows of each passage (numbers, durations, names, dates) come back too
    const { miniSearch: _saved, ...savedStats } = read.index.toSnapshot();
    const { miniSearch: _built, ...builtStats } = fresh.index.toSnapshot();
    expect(savedStats).toEqual(builtStats);
    // and the word counts copies are matched by, which a first answer would otherwise count
    expect(frequencyOf(read)).toEqual(frequencyOf(fresh));
    expect(sampleAnswers(read)).toEqual(sampleAnswers(fresh));
  });

  it('is used on the next start, and built again (replacing the old save) when the corpus changes', () => {
    const dir = scratchCorpus();
    expect(openCachedKnowledge(dir, loadCorpus(dir)).from).toBe('build');
    const first = saves(dir);
    expect(first).toHaveLength(1);
    expect(openCachedKnowledge(dir, loadCorpus(dir)).from).toBe('cache');
    writeFileSync(
      join(dir, 'sources', 'lighthouse.md'),
      testArticle('lighthouse', 'The lighthouse keepers of Zanzibar met the mediators on Tuesday.'),
    );
    const changed = openCachedKnowledge(dir, loadCorpus(dir));
    expect(changed.from).toBe('build');
    expect(changed.knowledge.passageById.has('lighthouse#1')).toBe(true);
    expect(saves(dir)).toHaveLength(1);
    expect(saves(dir)).not.toEqual(first);
  });

  it('reports a damaged save and builds again, answering as a fresh build does', () => {
    const dir = scratchCorpus();
    openCachedKnowledge(dir, loadCorpus(dir));
    const file = join(dir, CACHE_DIR, saves(dir)[0] ?? '');
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    appendFileSync(file, 'garbage');
    const heard: string[] = [];
    const again = openCachedKnowledge(dir, loadCorpus(dir), (m) => heard.push(m));
    expect(again.from).toBe('build');
    expect(heard.join('\n')).toMatch(/cannot be read.*building it again/);
    expect(sampleAnswers(again.knowledge)).toEqual(sampleAnswers(buildKnowledge(loadCorpus(dir))));
    expect(openCachedKnowledge(dir, loadCorpus(dir)).from).toBe('cache');
  });

  it('refuses a save made for another corpus', () => {
    const [a, b] = [scratchCorpus(), scratchCorpus()];
    writeFileSync(join(b, 'sources', 'extra.md'), testArticle('extra', 'An extra article about the talks in Doha.'));
    const file = join(a, 'knowledge.v8');
    saveKnowledge(buildKnowledge(loadCorpus(a)), file);
    expect(() => loadKnowledge(file, loadCorpus(b))).toThrow(/another corpus/);
  });

  describe('on a large corpus (here the bundled one, with updates from 0 passages)', () => {
    const large = { incrementalFrom: 0 };
    const ARTICLE =
      'Fuel tankers queued overnight at the crossing while Qatar and Egypt pressed Hamas and Israel to keep to the timetable.';

    it('brings an earlier save up to date with the sources added, changed and removed since, as a build would answer', () => {
      const dir = scratchCorpus();
      writeFileSync(join(dir, 'sources', 'tankers.md'), testArticle('tankers', ARTICLE));
      expect(openCachedKnowledge(dir, loadCorpus(dir), () => undefined, large).from).toBe('build');
      writeFileSync(join(dir, 'sources', 'tankers.md'), testArticle('tankers', ARTICLE.replace('overnight', 'for two days')));
      writeFileSync(
        join(dir, 'sources', 'convoys.md'),
        testArticle('convoys', 'Aid convoys waited at the border for inspections, officials in Cairo said.'),
      );
      rmSync(join(dir, 'sources', 'cnn-retold-blinken-warns-qatar.md'));
      const heard: string[] = [];
      const caught = openCachedKnowledge(dir, loadCorpus(dir), (m) => heard.push(m), large);
      expect(caught.from).toBe('update');
      expect(heard.join('\n')).toMatch(/before 3 source\(s\) changed/);
      expect(sampleAnswers(caught.knowledge)).toEqual(sampleAnswers(buildKnowledge(loadCorpus(dir))));
      expect(caught.knowledge.passageById.get('tankers#1')?.text).toContain('for two days');
      // the brought-up-to-date knowledge is saved in place of the old save, and read as it is next time
      expect(saves(dir)).toHaveLength(1);
      expect(openCachedKnowledge(dir, loadCorpus(dir), () => undefined, large).from).toBe('cache');
    });

    it('builds again when entities.yaml changed, or when the corpus is small', () => {
      const dir = scratchCorpus();
      openCachedKnowledge(dir, loadCorpus(dir), () => undefined, large);
      writeFileSync(
        join(dir, 'sources', 'convoys.md'),
        testArticle('convoys', 'Aid convoys waited at the border for inspections, officials in Cairo said.'),
      );
      expect(openCachedKnowledge(dir, loadCorpus(dir)).from).toBe('build');
      writeFileSync(
        join(dir, 'entities.yaml'),
        readFileSync(join(dir, 'entities.yaml'), 'utf8').replace('[Israel, Israeli,', '[Zanzibar, Israel, Israeli,'),
      );
      expect(openCachedKnowledge(dir, loadCorpus(dir), () => undefined, large).from).toBe('build');
    });
  });
});
