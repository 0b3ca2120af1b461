/** Bylines and credit lines as a moderator sees them read: people become authors, a wire is never a person. */
import { describe, expect, it } from 'vitest';
import { parseByline, parseCreditLine, personName } from '../../../src/ingest/metadata/bylines.ts';

const authorsOf = (line: string) => parseByline(line)?.authors;

describe('reading a byline', () => {
  it('"By A and B", "By A, B and C": the people, in order', () => {
    expect(authorsOf('By Marta Olsen and Idris Kamal')).toEqual(['Marta Olsen', 'Idris Kamal']);
    expect(authorsOf('By Ana Ruiz, Tom Berg and Lise Holm')).toEqual(['Ana Ruiz', 'Tom Berg', 'Lise Holm']);
    expect(authorsOf('BY Ana Ruiz & Tom Berg')).toEqual(['Ana Ruiz', 'Tom Berg']);
  });

  it('title-cases names printed in capitals and keeps particles', () => {
    expect(authorsOf('By COLLEEN LONG, SEUNG MIN KIM, SAM MAGDY and JULIA FRANKEL')).toEqual([
      'Colleen Long',
      'Seung Min Kim',
      'Sam Magdy',
      'Julia Frankel',
    ]);
    expect(authorsOf('By Omar al-Masri and Nadia bin Khalid')).toEqual(['Omar al-Masri', 'Nadia bin Khalid']);
    expect(personName('LENA VOSS')).toBe('Lena Voss');
  });

  it('"Written by A" and "A | Reuters": the person, and the wire apart', () => {
    expect(authorsOf('Written by Lena Voss')).toEqual(['Lena Voss']);
    expect(parseByline('Hana Sorensen | Reuters')).toEqual({
      authors: ['Hana Sorensen'],
      wire: 'Reuters',
      evidence: 'Hana Sorensen | Reuters',
    });
  });

  it('a wire after the names, or a byline that is only a wire, gives no author', () => {
    expect(parseByline('By Tomas Rieger and Nadia Farouk, Associated Press')).toMatchObject({
      authors: ['Tomas Rieger', 'Nadia Farouk'],
      wire: 'The Associated Press',
    });
    expect(parseByline('By AFP')).toMatchObject({ authors: [], wire: 'Agence France-Presse' });
    expect(parseByline('By The Associated Press')).toMatchObject({ authors: [], wire: 'The Associated Press' });
    expect(parseByline('The Associated Press')).toMatchObject({ authors: [], wire: 'The Associated Press' });
  });

  it('"Staff and agencies" is a byline with no person', () => {
    expect(parseByline('Staff and agencies')).toMatchObject({ authors: [], wire: null });
    expect(parseByline('By Reuters Staff')).toMatchObject({ authors: [], wire: 'Reuters' });
  });

  it('drops a role or a place after a name', () => {
    expect(authorsOf('By Lena Voss, Middle East correspondent')).toEqual(['Lena Voss']);
    expect(authorsOf('By Lena Voss in Doha and Idris Kamal in Cairo')).toEqual(['Lena Voss', 'Idris Kamal']);
  });

  it('is not fooled by sentences that start with "By"', () => {
    for (const line of [
      'By Nov. 12, Biden had had enough.',
      'By Sunday the talks had stalled.',
      'By the end of the week, mediators were hopeful',
      'Byline',
      'World leaders welcomed the proposal.',
    ]) {
      expect(parseByline(line), line).toBeNull();
    }
  });
});

describe('reading a credit line', () => {
  it('"Reporting by …; Editing by …": the reporters, not the editors', () => {
    expect(
      parseCreditLine('Reporting by Hana Sorensen; Additional reporting by Tarek Mansour in Cairo; Editing by Paul Everly')?.names,
    ).toEqual(['Hana Sorensen', 'Tarek Mansour']);
    expect(parseCreditLine('(Reporting by Hana Sorensen; Editing by Paul Everly)')?.names).toEqual(['Hana Sorensen']);
  });

  it('"A, B and C contributed": the contributors', () => {
    expect(parseCreditLine('Noor Haddad contributed reporting from Cairo.')?.names).toEqual(['Noor Haddad']);
    expect(parseCreditLine('Ana Ruiz, Tom Berg and Lise Holm contributed to this report.')?.names).toEqual([
      'Ana Ruiz',
      'Tom Berg',
      'Lise Holm',
    ]);
  });

  it('leaves article sentences alone', () => {
    expect(parseCreditLine('Egypt and Qatar contributed troops to the monitoring force, officials said.')).toBeNull();
    expect(parseCreditLine('Reporting on the talks has been limited.')).toBeNull();
  });
});
