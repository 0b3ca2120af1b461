/**
 * Where the sources name an entity: every spelling of a form the text uses counts (case, hyphen or space, either
 * apostrophe), a word that merely starts with the name does not, and a form written with capitals needs capitals.
 * A corpus that names thousands of people is matched by looking up the words a passage has, not by running every
 * form over every passage — with the same result.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/corpus/entity-schema.ts';
import { compileMentionPatterns, findMentions } from '../../src/entities/mentions.ts';
import type { Passage } from '../../src/passages/passage.ts';

const person = (id: string, name: string, aliases: string[] = [], short_forms: string[] = []): Entity =>
  ({ id, name, kind: 'person', aliases, short_forms, roles: [], notes: '' }) as unknown as Entity;
const passage = (n: number, text: string): Passage => ({
  id: `s#${n}`,
  sourceId: 's',
  n,
  paragraph: n,
  text,
  sentences: [{ text, start: 0, end: text.length }],
});

const entities = [
  person('al-thani', 'Mohammed bin Abdulrahman Al Thani', ['Al-Thani'], []),
  person('jaabari', "Ahmed Ja'abari", [], ["Ja'abari"]),
  person('burns', 'William Burns', [], ['Burns']),
];
const patterns = compileMentionPatterns(entities);
const found = (text: string) => findMentions([passage(1, text)], patterns).map((m) => [m.entityId, m.text]);

describe('mentions of a form', () => {
  it('match hyphen or space, any run of them, and either apostrophe', () => {
    expect(found('Talks with Al-Thani went on.')).toEqual([['al-thani', 'Al-Thani']]);
    expect(found('Talks with Al  Thani went on.')).toEqual([['al-thani', 'Al  Thani']]);
    expect(found('Ja’abari was killed.')).toEqual([['jaabari', 'Ja’abari']]);
    expect(found('MOHAMMED BIN ABDULRAHMAN AL-THANI spoke.')).toEqual([['al-thani', 'MOHAMMED BIN ABDULRAHMAN AL-THANI']]);
  });

  it('prefer the longest form and do not match inside a longer word', () => {
    expect(found('Mohammed bin Abdulrahman Al Thani met Burns.')).toEqual([
      ['al-thani', 'Mohammed bin Abdulrahman Al Thani'],
      ['burns', 'Burns'],
    ]);
    expect(found('Burnsville and Al-Thanis are not names here.')).toEqual([]);
  });

  it('need capitals when the form has them', () => {
    expect(found('The fire burns on.')).toEqual([]);
  });

  it('find each occurrence once, in order', () => {
    expect(found('Burns and then Burns again.')).toEqual([
      ['burns', 'Burns'],
      ['burns', 'Burns'],
    ]);
  });
});

describe('an office the text calls someone by ("the president")', () => {
  const officeHolders = [
    person('biden', 'Joe Biden', ['President Biden'], ['the president']),
    person('ardent', 'Tom Ardent', ['Tom Ardent'], ['the president']),
  ];
  const officePatterns = compileMentionPatterns(officeHolders);
  const inSource = (...texts: string[]) =>
    findMentions(
      texts.map((t, i) => passage(i + 1, t)),
      officePatterns,
    ).map((m) => [m.entityId, m.text]);

  it('goes to the holder the source named last', () => {
    expect(inSource('Tom Ardent flew to Cairo.', 'The president met the mediators.')).toEqual([
      ['ardent', 'Tom Ardent'],
      ['ardent', 'The president'],
    ]);
  });

  it('goes to no one when the source has named none of its holders, even if one entity alone uses it', () => {
    const onlyOne = compileMentionPatterns([person('biden', 'Joe Biden', ['President Biden'], ['the president'])]);
    expect(findMentions([passage(1, 'The president released his plan on Monday.')], onlyOne)).toEqual([]);
    expect(findMentions([passage(1, 'President Biden spoke. The president released his plan.')], onlyOne).map((m) => m.text)).toEqual([
      'President Biden',
      'The president',
    ]);
  });
});
