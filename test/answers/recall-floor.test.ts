/**
 * The recall floor: every command keeps plain search's best passages in view, whatever its own logic decides, and
 * says "no quote found" only when plain search finds nothing either. The pages here are our own words, shaped like
 * the real pages the bot missed: an event sentence that carries no date of its own, a role stated only in the text,
 * a deal's term no tag knows, a question with one word more than the sentence.
 */
import { describe, expect, it } from 'vitest';
import { answerTerms } from '../../src/answers/terms.ts';
import { answerWhen } from '../../src/answers/when.ts';
import { answerWho } from '../../src/answers/who.ts';
import { coverageIn, coverageShare, ENTITY_PASSAGE_NUMBERS, eventGroups, speakerMentions } from '../../src/answers/event-match.ts';
import { passageStemsOf } from '../../src/knowledge/passage-stems.ts';
import { foundBy, fuseRankings, plainFloor } from '../../src/answers/recall-floor.ts';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { normaliseQuery } from '../../src/search/query.ts';
import { buildKnowledge, type Knowledge, type KnownPassage } from '../../src/knowledge/knowledge.ts';
import { updateKnowledge } from '../../src/knowledge/update-knowledge.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { prepareAnswers, prepareUpdatedAnswers } from '../../src/answers/prepare-answers.ts';
import { bundledKnowledge, emptyCorpus, isVerbatim, testArticle, undatedArticle, writeSource } from '../helpers/corpus.ts';

const dir = emptyCorpus();
writeSource(
  dir,
  'harbour-summit',
  undatedArticle(
    'harbour-summit',
    'On June 3, the coastal city of Port Merrow hosted a harbour peace summit. Envoys from four countries signed a final accord there.\n\nOn June 3, the union and the board released all of the detained crew members. A total of twelve were handed over at the quay.',
  ),
);
writeSource(
  dir,
  'harbour-phases',
  testArticle(
    'harbour-phases',
    'The first stage of the harbour deal came into effect on the eve of the board vote.\n\nThat first stage ultimately saw the board return nine living crew members and the papers of three others.\n\nIt ended on February 28, the union said. The board now hopes to agree a second stage.',
    '2025-03-12',
  ),
);
writeSource(
  dir,
  'harbour-talks',
  testArticle(
    'harbour-talks',
    'Talks between the union and the board resumed in Port Merrow on Monday, officials said.\n\nHarbour ministry spokesman Elin Varga Dahl said on X that the two sides had agreed to meet daily.\n\nThe board’s lawyers, the union’s lawyers and the port’s insurers all joined the talks, the ministry said.',
    '2025-02-10',
  ),
);
writeSource(
  dir,
  'harbour-plan',
  testArticle(
    'harbour-plan',
    'Under the board’s plan, crews would get one rest day a fortnight.\n\n“Finally, in stage three, a major rebuilding of the quay would begin,” the board chair said.\n\nThe union said the plan was a start.',
    '2025-02-12',
  ),
);
writeSource(
  dir,
  'harbour-envoys',
  testArticle(
    'harbour-envoys',
    'Ostend’s intelligence chief, Omar Sandqvist, flew to Dover on Monday, officials said.\n\nCalais’s intelligence chief, Lena Brandt, joined the talks a day later.\n\nMayor Pell’s envoy Ada Rowe said the crews would decide by Friday.',
    '2025-02-11',
  ),
);
writeSource(
  dir,
  'harbour-older',
  testArticle(
    'harbour-older',
    'Crews first walked out in 2023 over night shifts, and the strike has cost the port dearly.\n\nDuring the first stage, 12 crew members seized in the 14 May, 2024 raid on the depot will be released, the board said.',
    '2025-01-20',
  ),
);
writeSource(
  dir,
  'ferry-pause',
  testArticle(
    'ferry-pause',
    'Union leader Mira Castell met the ferry operators in Port Merrow on Tuesday.\n\n“The crews and the operators have reached a deal on the winter timetable, and we announce a pause in the ferry strike,” she said.\n\nThe ferries were due to sail again within days.',
    '2025-03-05',
  ),
);
writeSource(
  dir,
  'ferry-walkout',
  testArticle('ferry-walkout', 'Mira Castell called the ferry strike on February 2, saying the winter timetable was unsafe.', '2025-02-03'),
);
const knowledge = buildKnowledge(loadCorpus(dir));

describe('the floor', () => {
  it('puts plain search’s best passages at guaranteed places, and keeps the command’s own order around them', () => {
    expect(fuseRankings(['a', 'b', 'c', 'd'], ['d', 'x'], (s) => s)).toEqual(['a', 'd', 'b', 'x', 'c']);
    expect(fuseRankings(['a', 'b'], ['b', 'a'], (s) => s)).toEqual(['a', 'b']);
    expect(fuseRankings([], ['x', 'y'], (s) => s)).toEqual(['x', 'y']);
  });

  it('finds what holds half the question’s words and half their weight, and not a passage that holds only its commonest word', () => {
    const found = foundBy(knowledge, 'football rest day');
    expect(plainFloor(knowledge, 'football rest day').length).toBe(0);
    expect(knowledge.index.find('football rest day').some((h) => h.coverage >= 0.5 && !found(h))).toBe(true);
    expect(plainFloor(knowledge, 'rest day crews').map((h) => h.id)).toContain('harbour-plan#1');
  });

  it('weighs a passage’s words as /when does, without positions: the same share for every passage and question', () => {
    const bundled = bundledKnowledge();
    // typed words, inflections, a typo, synonyms, names, a hyphenated name, an entity by its alias
    const questions = ['hostages released', 'freed captives', 'hostgaes', 'truce collapsed', 'Al-Thani Doha', 'Bibi cease-fire'];
    let said = 0;
    for (const question of questions) {
      const groups = eventGroups(bundled, question);
      const share = coverageShare(groups, passageStemsOf(bundled));
      const byNumber = coverageShare(groups, passageStemsOf(bundled), ENTITY_PASSAGE_NUMBERS.of(bundled));
      for (const p of bundled.passages) {
        const coverage = coverageIn(p, groups).coverage;
        expect(share(p), `${question} / ${p.id}`).toBeCloseTo(coverage, 12);
        // given its number and a way to look it up, the passage is looked up only when the question names someone
        // (its stems are read by now)
        const [doc, names] = [bundled.index.numberOf(p.id), groups.some((g) => g.entityIds.length > 0)];
        let lookedUp = 0;
        expect(
          share(() => (lookedUp++, p), doc),
          `${question} / ${p.id}`,
        ).toBe(share(p));
        expect(lookedUp).toBe(names ? 1 : 0);
        // a passage it cannot find, when it must read it, says nothing
        expect(share(() => undefined, doc)).toBe(names ? 0 : share(p));
        // with the passages each entity is named in, by number: the same share, and no passage looked up
        lookedUp = 0;
        expect(
          byNumber(() => (lookedUp++, p), doc),
          `${question} / ${p.id}`,
        ).toBe(share(p));
        expect(lookedUp).toBe(0);
        if (coverage > 0 && coverage < 1) said++;
      }
    }
    // the questions reach passages that say part of them, so the shares compared are not all 0 and 1
    expect(said).toBeGreaterThan(50);
  });

  it('knows by number the passages each entity is named or speaks in, and keeps knowing after an update', () => {
    const entitiesOf = (k: Knowledge) => {
      const named = ENTITY_PASSAGE_NUMBERS.of(k);
      return (p: KnownPassage) => {
        const doc = k.index.numberOf(p.id);
        return [...named].flatMap(([id, docs]) => (docs.includes(doc ?? -1) ? [id] : [])).sort();
      };
    };
    const said = (p: KnownPassage) => [...new Set([...p.mentions, ...speakerMentions(p)].map((m) => m.entityId))].sort();
    // its own build: an update changes the index it shares with the knowledge before
    const before = prepareAnswers(buildKnowledge(loadCorpus('corpus')));
    let named = 0;
    for (const p of before.passages) {
      expect(entitiesOf(before)(p), p.id).toEqual(said(p));
      named += said(p).length > 0 ? 1 : 0;
    }
    expect(named).toBeGreaterThan(20);
    const added = testArticle('doha-envoy', 'Qatar’s prime minister met Hamas negotiators in Doha, a diplomat said.', '2025-03-02');
    const gone = before.corpus.sources[0]?.id ?? '';
    const after = prepareUpdatedAnswers(
      updateKnowledge(before, { added: [parseSourceFile(added, 'sources/doha-envoy.md')], removed: [gone] }),
    );
    for (const p of after.passages) expect(entitiesOf(after)(p), p.id).toEqual(said(p));
    expect(said(after.passageById.get('doha-envoy#1') as KnownPassage).length).toBeGreaterThan(0);
  });

  it('judges every hit as reading its passage would, though it reads only those the matched words leave open', () => {
    const bundled = bundledKnowledge();
    const questions = [
      'hostages released',
      'how long is the pause',
      'prisoners for each hostage',
      'hostgaes',
      'met in Doha',
      'Bibi truce',
      'Qatar announced ceasefire deal',
      'women and children freed',
    ];
    let judged = 0;
    for (const question of questions) {
      const groups = eventGroups(bundled, normaliseQuery(question).text);
      const found = foundBy(bundled, question);
      for (const hit of bundled.index.find(question)) {
        const p = bundled.passageById.get(hit.id);
        const reading = p !== undefined && hit.coverage >= 0.5 && coverageIn(p, groups).coverage >= 0.5;
        expect(found(hit), `${question} / ${hit.id}`).toBe(reading);
        judged++;
      }
    }
    expect(judged).toBeGreaterThan(250);
  });
});

describe('/when on page shapes the bot used to miss', () => {
  it('what someone says answers a question that names them, though the quote calls them "she": dated, and who is said', () => {
    const a = answerWhen(knowledge, 'Castell announced ferry strike pause deal');
    expect(a.results[0]?.quote).toMatch(/we announce a pause in the ferry strike,” she said/);
    expect(a.results[0]).toMatchObject({ date: '2025-03-04', date_basis: 'opening-paragraph', speaker: { name: 'Mira Castell' } });
  });

  it('an event told in a source that shows no year is found, dated in the year the corpus suggests, and said so', () => {
    const a = answerWhen(knowledge, 'harbour peace summit');
    expect(a.found).toBe(true);
    expect(a.results[0]?.quote).toMatch(/hosted a harbour peace summit/);
    // its publication date stays unknown; its "June 3" is placed in the year of every other source here
    expect(a.results[0]?.source.published).toBeNull();
    expect(a.results[0]).toMatchObject({ date: '2025-06-03', date_text: 'June 3', year_inferred: true });
  });

  it('the quote that says the event comes before one that only shares its place', () => {
    const a = answerWhen(knowledge, 'Port Merrow peace summit');
    expect(a.results[0]?.quote).toMatch(/hosted a harbour peace summit/);
    expect(a.results.slice(0, 3).some((r) => /resumed in Port Merrow on Monday/.test(r.quote))).toBe(true);
  });

  it('"all" in the question counts among the words a quote says: "all … released" before "half of the living …"', () => {
    const a = answerWhen(knowledge, 'all living crew members released');
    expect(a.results[0]?.quote).toMatch(/released all of the detained crew members/);
  });

  it('one word more in the question than in the sentence does not empty the answer', () => {
    const a = answerWhen(knowledge, 'all detained crew members released');
    expect(a.results.slice(0, 3).some((r) => /released all of the detained crew members/.test(r.quote))).toBe(true);
  });

  it('a passage carrying on from the one before ("It ended on …") dates the event they tell together', () => {
    const a = answerWhen(knowledge, 'first stage ended');
    expect(a.results[0]).toMatchObject({ date: '2025-02-28', date_basis: 'quote' });
    expect(a.results[0]?.quote).toMatch(/^It ended on February 28/);
  });

  it('a date that qualifies another noun ("the 14 May, 2024 raid") does not date the event asked about', () => {
    const a = answerWhen(knowledge, 'crew members seized will be released');
    const raid = a.results.find((r) => /seized in the 14 May, 2024 raid/.test(r.quote));
    expect(raid?.date).not.toBe('2024-05-14');
    expect(raid).toMatchObject({ date: '2025-01-20', date_basis: 'publication' });
  });

  it('a year alone ("in 2023") never ranks above a quote that gives the day', () => {
    const a = answerWhen(knowledge, 'crews walked out strike');
    const year = a.results.findIndex((r) => r.granularity === 'year');
    expect(year === -1 || a.results.slice(0, year).every((r) => r.granularity !== 'year')).toBe(true);
  });

  it('a quote that dates nothing is shown with its article’s date, and says so', () => {
    const a = answerWhen(knowledge, 'union said the plan was a start');
    expect(a.results[0]).toMatchObject({ date: '2025-02-12', date_basis: 'publication' });
    expect(a.results[0]?.quote).toMatch(/The union said the plan was a start/);
    expect(a.notes.join(' ')).toMatch(/the day their article was published/);
  });
});

describe('/who and /terms on page shapes the bot used to miss', () => {
  it('a role the text states for someone the curated list does not know is found by its words', () => {
    const a = answerWho(knowledge, 'harbour ministry spokesman');
    expect(a.found).toBe(true);
    expect(a.results.slice(0, 2).some((r) => /Elin Varga Dahl/.test(r.quote))).toBe(true);
  });

  it('a role question is answered by the holder of that country’s role, not by another country’s', () => {
    const calais = answerWho(knowledge, 'Calais intelligence chief');
    expect(calais.entity?.name).toBe('Lena Brandt');
    const ostend = answerWho(knowledge, 'Ostend intelligence chief');
    expect(ostend.entity?.name).toBe('Omar Sandqvist');
    expect(answerWho(knowledge, 'Bruges intelligence chief').entity).toBeUndefined();
  });

  it('a role asked by whose it is ("Pell’s envoy") goes to that person’s envoy', () => {
    expect(answerWho(knowledge, 'Pell’s envoy').entity?.name).toBe('Ada Rowe');
  });

  it('the specific words of a /terms question find the passage that says them, tagged as a term or not', () => {
    const a = answerTerms(knowledge, 'stage three rebuilding quay');
    expect(a.results[0]?.quote).toMatch(/in stage three, a major rebuilding of the quay/);
  });

  it('every quote stays verbatim', () => {
    for (const a of [
      answerWhen(knowledge, 'first stage ended'),
      answerWho(knowledge, 'harbour ministry spokesman'),
      answerTerms(knowledge, 'stage three rebuilding quay'),
    ]) {
      for (const r of a.results) expect(isVerbatim(knowledge, r.quote, r.source.id), r.quote).toBe(true);
    }
  });
});
