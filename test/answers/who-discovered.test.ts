/** `/who` for people only the text names: what a member sees when `entities.yaml` does not list someone. */
import { describe, expect, it } from 'vitest';
import { answerWho } from '../../src/answers/who.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { draftEntries } from '../../src/knowledge/draft-entries.ts';
import { buildKnowledge } from '../../src/knowledge/knowledge.ts';
import { bundledKnowledge, emptyCorpus, isVerbatim, testArticle, writeSource } from '../helpers/corpus.ts';

const dir = emptyCorpus();
writeSource(
  dir,
  'talks-may',
  testArticle(
    'talks-may',
    [
      'Hamas leader Ismail Haniyeh said the group had accepted the proposal.',
      'Shin Bet chief Ronen Bar travelled to Cairo with the Israeli team.',
      'Photo Android Jennifer Shutt contributed reporting.',
    ].join('\n\n'),
    '2024-05-07',
  ),
);
writeSource(
  dir,
  'talks-october',
  testArticle(
    'talks-october',
    [
      'Hamas leader Yahya Sinwar rejected the terms, officials said.',
      'The former Shin Bet chief Yaakov Perry told reporters the talks would fail.',
      'Khalil al-Hayya, Hamas’s chief negotiator, said the group wanted guarantees.',
      'Al-Hayya later met the mediators in Doha. Sinwar did not attend.',
      'A note about Zorblatt appeared in the margin of the report.',
    ].join('\n\n'),
    '2024-10-20',
  ),
);
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

/** A small corpus of its own for each story of a role changing hands. */
function knowledgeOf(articles: ReadonlyArray<[string, string[], string]>) {
  const d = emptyCorpus();
  for (const [id, paragraphs, published] of articles) writeSource(d, id, testArticle(id, paragraphs.join('\n\n'), published));
  return buildKnowledge(loadCorpus(d));
}

describe('/who when the text says a role ended or began', () => {
  it('hands the role to the successor once the text says the holder was killed, and dates the end by the event', () => {
    const k = knowledgeOf([
      ['spring', ['Northern Militia commander Dorian Vexley rejected the offer, aides said.'], '2024-03-02'],
      ['autumn', ['Government forces killed Northern Militia commander Dorian Vexley on Sept. 3, officials said.'], '2024-09-10'],
      [
        'winter',
        [
          'The new Northern Militia commander, Ansel Korrin, met the envoys on Tuesday.',
          'Northern Militia commander Dorian Vexley had planned the raid, a report found.',
        ],
        '2024-12-04',
      ],
    ]);
    const a = answerWho(k, 'Northern Militia commander');
    expect(a.entity?.name).toBe('Ansel Korrin');
    expect(a.notes.join(' ')).toMatch(/before that, Dorian Vexley \(March 2024 – September 2024\)/);
  });

  it('takes the replacement for the current holder after a dismissal', () => {
    const k = knowledgeOf([
      ['before', ['Port Authority chief Liora Vand toured the docks.'], '2024-02-01'],
      [
        'vote',
        ['The council voted to dismiss Port Authority chief Liora Vand, and named Teodor Brisk as Port Authority chief.'],
        '2024-06-15',
      ],
      ['later', ['Liora Vand, the Port Authority chief, spoke at a rally against the vote.'], '2024-07-01'],
    ]);
    const a = answerWho(k, 'Port Authority chief');
    expect(a.entity?.name).toBe('Teodor Brisk');
    expect(a.notes.join(' ')).toMatch(/Teodor Brisk from June 2024; before that, Liora Vand/);
  });

  it('reads "X replaced Y as …" and "Y’s successor, X" as one role changing hands', () => {
    const replaced = knowledgeOf([
      ['first-report', ['Harbour Board envoy Mirela Stock arrived in the capital.'], '2024-01-10'],
      ['second-report', ['Cassian Perl replaced Mirela Stock as Harbour Board envoy last month.'], '2024-05-20'],
    ]);
    expect(answerWho(replaced, 'Harbour Board envoy').entity?.name).toBe('Cassian Perl');
    const successor = knowledgeOf([
      ['first-report', ['Weavers Guild leader Oskar Thale opened the talks.'], '2024-01-10'],
      ['second-report', ['Weavers Guild leader Oskar Thale’s successor, Renata Quill, closed them.'], '2024-08-20'],
    ]);
    expect(answerWho(successor, 'Weavers Guild leader').entity?.name).toBe('Renata Quill');
  });

  it('ends only the role of the person the killing is about, not another person named in the sentence', () => {
    const k = knowledgeOf([
      [
        'first-report',
        ['Delta Front leader Tobin Marsh denied the claim.', 'Delta Front leader Calder Wynn was sidelined by the council.'],
        '2024-01-10',
      ],
      ['second-report', ['Delta Front leader Tobin Marsh said the army killed Calder Wynn, his rival, in a strike.'], '2024-04-02'],
    ]);
    const a = answerWho(k, 'Delta Front leader');
    expect(a.entity?.name).toBe('Tobin Marsh');
    expect(a.notes.join(' ')).toMatch(/Calder Wynn \(January 2024 – April 2024\)/);
  });

  it('does not take a threat to dismiss for a dismissal', () => {
    const k = knowledgeOf([
      ['first-report', ['Customs Agency director Pell Aranda inspected the crossing.'], '2024-03-10'],
      ['second-report', ['The minister threatened to dismiss Customs Agency director Pell Aranda over the delays.'], '2024-05-10'],
    ]);
    const a = answerWho(k, 'Customs Agency director');
    expect(a.entity?.name).toBe('Pell Aranda');
  });
});

describe('/who on the bundled corpus', () => {
  it('opens with a quote that names the person, not only their role', () => {
    const a = answerWho(bundledKnowledge(), 'Sheikh Tamim');
    expect(a.entity?.name).toBe('Tamim bin Hamad Al Thani');
    expect(a.results[0]?.quote).toMatch(/Tamim/);
  });
});

describe('/who reads roles the way real pages word them', () => {
  const more = emptyCorpus();
  writeSource(
    more,
    'port-spring',
    testArticle(
      'port-spring',
      'Port Guard chief Mira Castell met the crews on Monday.\n\nThe crews said Castell had listened.',
      '2024-04-02',
    ),
  );
  writeSource(
    more,
    'port-autumn',
    testArticle(
      'port-autumn',
      [
        'The list of crews to be paid was drawn up with the Port Guard service, which has been headed since Sunday by Omar Sandqvist.',
        'The talks brought together the board and Mayor Pell’s son-in-law Ada Rowe.',
        'Port Guard’s Lena Brandt said the crews would be paid on Friday.',
      ].join('\n\n'),
      '2024-10-08',
    ),
  );
  const k = buildKnowledge(loadCorpus(more));

  it('a body "headed since Sunday by" someone names its new head, who is then the latest holder', () => {
    const a = answerWho(k, 'Port Guard chief');
    expect(a.entity?.name).toBe('Omar Sandqvist');
    expect(a.notes.join(' ')).toMatch(/before that, Mira Castell/);
  });

  it('a family tie says who someone is, and a name after a possessive is found', () => {
    expect(answerWho(k, 'Pell’s son-in-law').entity?.name).toBe('Ada Rowe');
    expect(answerWho(k, 'Lena Brandt').entity?.name).toBe('Lena Brandt');
  });
});
