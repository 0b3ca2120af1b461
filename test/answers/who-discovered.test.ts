/** `/who` for people only the text names: what a member sees when `entities.yaml` does not list someone. */
import { describe, expect, it } from 'vitest';
import { answerWho } from '../../src/answers/who.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { draftEntries } from '../../src/entities/draft-entries.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { bundledKnowledge, emptyCorpus, isVerbatim, testArticle, writeSource } from '../helpers/corpus.ts';

const dir = emptyCorpus();
writeSource(dir, 'talks-may', testArticle('talks-may', [
  'Hamas leader Ismail Haniyeh said the group had accepted the proposal.',
  'Shin Bet chief Ronen Bar travelled to Cairo with the Israeli team.',
  'Photo Android Jennifer Shutt contributed reporting.',
].join('\n\n'), '2024-05-07'));
writeSource(dir, 'talks-october', testArticle('talks-october', [
  'Hamas leader Yahya Sinwar rejected the terms, officials said.',
  'The former Shin Bet chief Yaakov Perry told reporters the talks would fail.',
  'Khalil al-Hayya, Hamas’s chief negotiator, said the group wanted guarantees.',
  'Al-Hayya later met the mediators in Doha. Sinwar did not attend.',
  'A note about Zorblatt appeared in the margin of the report.',
].join('\n\n'), '2024-10-20'));
const knowledge = buildKnowledge(loadCorpus(dir));

describe('/who for people the curated file does not list', () => {
  it('answers for a person named only in the text, quoting them verbatim', () => {
    const a = answerWho(knowledge, 'Yahya Sinwar');
    expect(a.found).toBe(true);
    expect(a.entity?.name).toBe('Yahya Sinwar');
    expect(a.results[0]?.quote).toMatch(/Hamas leader Yahya Sinwar/);
    for (const r of a.results) expect(isVerbatim(knowledge, r.quote, r.source.id)).toBe(true);
  });

  it('links a short form to the full name', () => {
    expect(answerWho(knowledge, 'al-Hayya').entity?.name).toBe('Khalil al-Hayya');
    expect(answerWho(knowledge, 'Sinwar').entity?.name).toBe('Yahya Sinwar');
    const passages = answerWho(knowledge, 'Khalil al-Hayya', 10).results.map((r) => r.quote);
    expect(passages.some((q) => q.startsWith('Al-Hayya later met'))).toBe(true);
  });

  it('gives a role phrase to its latest holder, with a note naming the earlier one', () => {
    const a = answerWho(knowledge, 'Hamas leader');
    expect(a.entity?.name).toBe('Yahya Sinwar');
    expect(a.notes[0]).toMatch(/Hamas leader: Yahya Sinwar from October 2024; before that, Ismail Haniyeh/);
  });

  it('does not take a "former" holder for the current one', () => {
    const a = answerWho(knowledge, 'Shin Bet chief');
    expect(a.entity?.name).toBe('Ronen Bar');
    expect(a.notes.join(' ')).toMatch(/Yaakov Perry/);
  });

  it('reads the role the text states after the name', () => {
    expect(answerWho(knowledge, 'Hamas chief negotiator').entity?.name).toBe('Khalil al-Hayya');
  });

  it('falls back to the passages that contain an unknown name, and says so', () => {
    const a = answerWho(knowledge, 'Zorblatt');
    expect(a.found).toBe(true);
    expect(a.entity).toBeUndefined();
    expect(a.notes[0]).toMatch(/No one in the corpus matches "Zorblatt" as a known person; these are the passages that contain/);
    expect(a.results[0]?.quote).toMatch(/Zorblatt/);
  });

  it('drafts entries for check-entities without page furniture', () => {
    const names = draftEntries(knowledge).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Yahya Sinwar', 'Ronen Bar', 'Khalil al-Hayya']));
    expect(names.join(' ')).not.toMatch(/Photo|Android|Shutt|Zorblatt/);
    const sinwar = draftEntries(knowledge).find((d) => d.name === 'Yahya Sinwar');
    expect(sinwar?.roles.join(' ')).toMatch(/Hamas leader \(2024-10–\)/);
    expect(sinwar?.yaml).toMatch(/short_forms: \["Sinwar"\]/);
  });
});

describe('/who on the bundled corpus', () => {
  it('opens with a quote that names the person, not only their role', () => {
    const a = answerWho(bundledKnowledge(), 'Sheikh Tamim');
    expect(a.entity?.name).toBe('Tamim bin Hamad Al Thani');
    expect(a.results[0]?.quote).toMatch(/Tamim/);
  });
});
