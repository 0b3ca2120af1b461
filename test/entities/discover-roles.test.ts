/** The roles a sentence gives a named person, as the text states them. */
import { describe, expect, it } from 'vitest';
import { rolesAround } from '../../src/entities/discover-roles.ts';

const rolesOf = (sentence: string, name: string) => {
  const start = sentence.indexOf(name);
  return rolesAround(sentence, start, start + name.length).map((r) => r.title);
};

describe('reading the role a sentence gives a name', () => {
  it('reads a title before the name and an appositive after it', () => {
    expect(rolesOf('Dover intelligence chief Mira Castell met the crews.', 'Mira Castell')).toEqual(['Dover intelligence chief']);
    expect(rolesOf('Omar Sandqvist, Calais’s chief negotiator, said no.', 'Omar Sandqvist')).toEqual(['Calais’s chief negotiator']);
  });

  it('in a list, gives a title followed by a name to that name, not to the name before it', () => {
    const sentence =
      'Dover’s intelligence chief, Mira Castell, Calais’s mayor and Ostend’s intelligence chief, Omar Sandqvist, signed the accord.';
    expect(rolesOf(sentence, 'Mira Castell')).toEqual(['Dover’s intelligence chief']);
    expect(rolesOf(sentence, 'Omar Sandqvist')).toEqual(['Ostend’s intelligence chief']);
  });
});
