/**
 * Views of a knowledge base: each declared once with how it is computed and how it follows an update, all of them in
 * one registry — which is what an update carries over and what it leaves to be worked out again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/answers/prepare-answers.ts';
import '../../src/answers/answer-cache.ts';
import '../../src/answers/entity-choices.ts';
import '../../src/answers/who.ts';
import '../../src/render/timeline-picture/index.ts';
import '../../src/render/timeline-picture/answer-picture.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { followUpdate, knowledgeView, knowledgeViews } from '../../src/knowledge/knowledge-view.ts';
import { updateKnowledge } from '../../src/knowledge/update-knowledge.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { scratchCorpus, testArticle } from '../helpers/corpus.ts';

const ARTICLE = testArticle(
  'view-test-crossings',
  'Aid convoys crossed the harbor line on Sunday, November 26, 2023, as the truce held for a third day.',
  '2023-11-26',
);

function fresh() {
  const dir = scratchCorpus();
  return buildKnowledge(loadCorpus(dir));
}

describe('a knowledge view', () => {
  it('is computed once per knowledge base, on first use', () => {
    let computed = 0;
    const view = knowledgeView({ name: 'test: passages counted', compute: (k) => (computed++, k.passages.length), carry: null });
    const knowledge = fresh();
    expect(view.peek(knowledge)).toBeUndefined();
    expect(view.of(knowledge)).toBe(knowledge.passages.length);
    expect(view.of(knowledge)).toBe(knowledge.passages.length);
    expect(computed).toBe(1);
  });

  it('follows an update by its carry, given the view before and what the update took out and put in', () => {
    const view = knowledgeView({
      name: 'test: passage ids',
      compute: (k) => new Set(k.passages.map((p) => p.id)),
      carry(ids, { change }) {
        for (const p of change.dropped) ids.delete(p.id);
        for (const p of change.added) ids.add(p.id);
        return ids;
      },
    });
    const before = fresh();
    view.of(before);
    const update = updateKnowledge(before, { added: [parseSourceFile(ARTICLE, 'sources/view-test-crossings.md')], removed: [] });
    followUpdate(update);
    const carried = view.peek(update.knowledge);
    expect(carried).toBeDefined();
    expect([...(carried ?? [])].sort()).toEqual(update.knowledge.passages.map((p) => p.id).sort());
  });

  it('is not worked out by an update when the knowledge before never needed it, nor carried when it says it is recomputed', () => {
    let computed = 0;
    const lazy = knowledgeView({ name: 'test: lazy', compute: () => ++computed, carry: (n) => n + 100 });
    const recomputed = knowledgeView({ name: 'test: recomputed', compute: () => 7, carry: null });
    const before = fresh();
    recomputed.of(before);
    const update = updateKnowledge(before, { added: [parseSourceFile(ARTICLE, 'sources/view-test-crossings.md')], removed: [] });
    followUpdate(update);
    expect(computed).toBe(0);
    expect(lazy.peek(update.knowledge)).toBeUndefined();
    expect(recomputed.peek(update.knowledge)).toBeUndefined();
  });

  it('takes a value worked out elsewhere (read back from the save) instead of computing it', () => {
    const view = knowledgeView<number>({ name: 'test: restored', compute: () => -1, carry: null });
    const knowledge = fresh();
    view.restore(knowledge, 42);
    expect(view.of(knowledge)).toBe(42);
  });
});

describe('the registry', () => {
  it('says what an update carries over and what is worked out again', () => {
    const views = knowledgeViews().filter((v) => !v.name.startsWith('test: '));
    expect(Object.fromEntries(views.map((v) => [v.name, v.follows]))).toEqual({
      'word frequencies': 'carried',
      'passage stems': 'carried',
      'quote words for copies': 'recomputed',
      'deals and stated terms': 'carried',
      'timeline order': 'carried',
      '/when autocomplete labels': 'carried',
      'deal orders': 'recomputed',
      'terms candidates by topics asked': 'recomputed',
      'numbers given per thing counted': 'recomputed',
      'terms in date order': 'carried',
      'terms by topic': 'carried',
      'answers given': 'recomputed',
      'days each passage dates or was published in': 'carried',
      'passage numbers naming each entity': 'carried',
      '/who autocomplete labels': 'recomputed',
      'passage places for /who': 'recomputed',
      'timeline picture': 'recomputed',
      'answer pictures drawn': 'recomputed',
    });
  });

  it('holds every view of a knowledge base: no module keeps one of its own', () => {
    const own: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && path !== join('src', 'knowledge', 'knowledge-view.ts')) {
          if (/new WeakMap<Knowledge\b/.test(readFileSync(path, 'utf8'))) own.push(path);
        }
      }
    };
    walk('src');
    expect(own).toEqual([]);
  });
});
