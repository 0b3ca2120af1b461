/**
 * `/who` autocomplete, as a member sees it while typing: names and aliases that start with (then contain) what is
 * typed come first; then people whose name or role is close to it, so a typo or a role still finds the person; never
 * more than Discord's 25, and never someone whose name and roles are unlike what was typed.
 */
import { describe, expect, it } from 'vitest';
import { choicesMatching } from '../../src/answers/choices.ts';
import { entityChoices } from '../../src/answers/entity-choices.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const knowledge = bundledKnowledge();

describe('/who autocomplete', () => {
  it('offers the names that start with what is typed before those that only contain it', () => {
    const choices = entityChoices(knowledge, 'Blinken');
    expect(choices.slice(0, 2)).toEqual(['Blinken', 'Antony Blinken']);
    expect(choices).toContain('Secretary Blinken');
  });

  it.each([
    ['McG', 'Brett McGurk'],
    ['Blinkn', 'Antony Blinken'],
    ['Gittleman', 'Jeffrey Gettleman'],
    ['cia dir', 'Bill Burns'],
    ['mossad chief', 'David Barnea'],
    ['qatari prime', 'Mohammed bin Abdulrahman Al Thani'],
  ])('finds the person for a prefix, a typo or a role: %s → %s', (typed, name) => expect(entityChoices(knowledge, typed)).toContain(name));

  it('puts first every name and alias that starts with, then contains, what is typed, as every autocomplete does', () => {
    const people = knowledge.allEntities.filter((e) => e.kind !== 'place');
    const labels = people.flatMap((e) => [e.name, ...e.aliases.filter((a) => a !== e.name && a.length > 3)]);
    for (const typed of ['', 'a', 'al', 'Sheikh', 'mohammed', 'thani', 'QATAR', 'zz']) {
      const direct = choicesMatching(labels, typed);
      expect(entityChoices(knowledge, typed).slice(0, direct.length), typed).toEqual(direct);
    }
  });

  it('does not offer people whose names and roles are unlike what is typed', () => {
    expect(entityChoices(knowledge, 'Jake')).toEqual(['Jake Sullivan', 'James Cleverly']);
  });

  it('offers at most 25 choices, for one letter or nothing typed', () => {
    for (const typed of ['', 'a', 'e']) {
      const choices = entityChoices(knowledge, typed);
      expect(choices.length).toBe(25);
      expect(new Set(choices).size).toBe(choices.length);
    }
  });
});
