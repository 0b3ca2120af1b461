import { describe, expect, it } from 'vitest';
import { uncoveredNames } from '../../src/entities/coverage-check.ts';
import { compileMentionPatterns, findMentions } from '../../src/entities/mentions.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';
import { officeForms } from '../../src/entities/merge-entities.ts';

const knowledge = bundledKnowledge();
const resolve = (q: string) => knowledge.entities.resolve(q)[0]?.entity.id;

describe('resolving who the user means', () => {
  it.each([
    ['McGurk', 'brett-mcgurk'],
    ['Joe Biden', 'joe-biden'],
    ['al-Thani bin Jassim', 'mohammed-bin-abdulrahman-al-thani'],
    ['Sheikh Tamim', 'tamim-bin-hamad-al-thani'],
    ['Gittleman', 'jeffrey-gettleman'],
  ])('a name or spelling variant: %s', (q, id) => expect(resolve(q)).toBe(id));

  it.each([
    ['Qatari prime minister', 'mohammed-bin-abdulrahman-al-thani'],
    ['Qatari PM', 'mohammed-bin-abdulrahman-al-thani'],
    ['head of Mossad', 'david-barnea'],
    ['UK foreign secretary', 'james-cleverly'],
    ['CIA director', 'bill-burns'],
    ['the emir', 'tamim-bin-hamad-al-thani'],
    ['NSC legal adviser', 'joshua-geltzer'],
    ['Egyptian foreign minister', 'sameh-shoukry'],
  ])('a role: %s', (q, id) => expect(resolve(q)).toBe(id));

  it.each([
    ['Blinkin', 'antony-blinken'],
    ['Netanyahou', 'benjamin-netanyahu'],
    ['McGurck', 'brett-mcgurk'],
  ])('a typo: %s', (q, id) => expect(resolve(q)).toBe(id));

  it('finds no one for a name not in the talks, but offers the closest', () => {
    expect(knowledge.entities.resolve('Antonio Blanco').filter((m) => m.coverage >= 0.6)).toEqual([]);
    expect(knowledge.entities.closest('Antonio Blanco').map((e) => e.name)).toEqual(['Antony Blinken']);
    expect(knowledge.entities.resolve('Barnes').filter((m) => m.coverage >= 0.6)).toEqual([]);
    expect(
      knowledge.entities
        .closest('Barnes')
        .slice(0, 2)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Bill Burns', 'David Barnea']);
  });
});

describe('mentions in the sources', () => {
  const mentionsOf = (passageId: string) => knowledge.passageById.get(passageId)?.mentions.map((m) => [m.text, m.entityId]);

  it('link role-only mentions to the right person', () => {
    expect(mentionsOf('ap-how-the-hostage-deal-came-about#25')).toContainEqual(['Qatar’s ruling emir', 'tamim-bin-hamad-al-thani']);
    expect(mentionsOf('ap-how-the-hostage-deal-came-about#11')).toContainEqual(['director of Mossad', 'david-barnea']);
  });

  it('give an ambiguous short form to whoever the source named most recently', () => {
    // "between Biden and Al Thani" follows "another conversation with the Qatari emir"
    expect(mentionsOf('ap-how-the-hostage-deal-came-about#32')).toContainEqual(['Al Thani', 'tamim-bin-hamad-al-thani']);
    // "urged the prime minister" follows "Biden called Netanyahu"
    expect(mentionsOf('ap-how-the-hostage-deal-came-about#26')).toContainEqual(['the prime minister', 'benjamin-netanyahu']);
  });

  it('do not take a common word for a name ("burns")', () => {
    const text = 'The fire still burns in Gaza, Burns told the Qatari side.';
    const passage = { id: 'x#1', sourceId: 'x', n: 1, paragraph: 1, text, sentences: [{ text, start: 0, end: text.length }] };
    const found = findMentions([passage], compileMentionPatterns(knowledge.corpus.entities)).map((m) => [m.text, m.entityId]);
    expect(found).toEqual([['Burns', 'bill-burns']]);
    const burns = knowledge.passages.flatMap((p) => p.mentions).filter((m) => m.entityId === 'bill-burns');
    expect(burns.length).toBeGreaterThan(0);
    expect(burns.filter((m) => !/\p{Lu}/u.test(m.text))).toEqual([]);
  });
});

describe('the entity coverage check', () => {
  it('reports a name the entity file does not cover, and not the covered ones', () => {
    const corpus = loadCorpus('corpus');
    const names = uncoveredNames(corpus).map((n) => n.name);
    expect(names).not.toContain('Brett McGurk');
    const without = { ...corpus, entities: corpus.entities.filter((e) => e.id !== 'jake-sullivan') };
    expect(uncoveredNames(without).map((n) => n.name)).toContain('Jake Sullivan');
  });
});

describe('the office a discovered person is called by', () => {
  it('is the title without its qualifiers, for a seat; not a former or ended one, nor a description', () => {
    expect(officeForms([{ title: 'US President', phrases: [] }])).toEqual(['the president']);
    expect(officeForms([{ title: 'Israeli Prime Minister', phrases: [] }])).toEqual(['the prime minister']);
    expect(officeForms([{ title: 'former US President', phrases: [] }])).toEqual([]);
    expect(officeForms([{ title: 'Hamas leader', phrases: [], to: '2024-10' }])).toEqual([]);
    expect(officeForms([{ title: 'senior official', phrases: [] }])).toEqual([]);
  });
});
