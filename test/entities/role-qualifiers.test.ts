/** Whose role a role question asks about: a country, a body or a person, and the forms a country is named in. */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/corpus/entity-schema.ts';
import { placeForms } from '../../src/lexicon/places.ts';
import { qualifiersMet, roleQualifiers } from '../../src/entities/role-qualifiers.ts';

const person = (name: string, ...titles: string[]): Entity => ({
  id: name.toLowerCase().replace(/ /g, '-'),
  name,
  kind: 'person',
  aliases: [],
  short_forms: [],
  roles: titles.map((title) => ({ title, phrases: [] })),
  part_of: [],
  description: '',
});

describe('a country by name or demonym', () => {
  it('is one place', () => {
    expect(placeForms('Turkish')).toEqual(placeForms('Turkey'));
    expect([...placeForms("Egypt's")]).toEqual(expect.arrayContaining(['egypt', 'egyptian']));
    expect([...placeForms('Qatari')]).toEqual(expect.arrayContaining(['qatar', 'qatari']));
    expect([...placeForms('chief')]).toEqual(['chief']);
  });
});

describe('the qualifiers of a role question', () => {
  it('are its words other than the role’s head and the words that only rank it', () => {
    expect(roleQualifiers('the Turkish intelligence chief')).toEqual(['turkish', 'intelligence']);
    expect(roleQualifiers("Trump's envoy")).toEqual(['trump']);
    expect(roleQualifiers('senior Hamas political leader')).toEqual(['hamas', 'political']);
    expect(roleQualifiers('Qatari PM')).toEqual(['qatari', 'prime']);
  });

  it('must all be said by the entity’s roles or names, in any form', () => {
    const kalin = person('Ibrahim Kalin', "Turkey's intelligence chief");
    const rashad = person('Hassan Rashad', "Egypt's intelligence chief");
    expect(qualifiersMet(kalin, 'Turkish intelligence chief')).toBe(true);
    expect(qualifiersMet(rashad, 'Turkish intelligence chief')).toBe(false);
    expect(qualifiersMet(rashad, 'Egyptian intelligence chief')).toBe(true);
    const boehler = person('Adam Boehler', "President Donald Trump's envoy for hostage affairs");
    const mcgurk = person('Brett McGurk', "Biden's Middle East coordinator");
    expect([qualifiersMet(boehler, "Trump's envoy"), qualifiersMet(mcgurk, "Trump's envoy")]).toEqual([true, false]);
    expect(qualifiersMet(mcgurk, 'envoy')).toBe(true);
  });
});
