/** Tables and repeated strings saved as columns come back as they were, and a cut-short table is refused. */
import { describe, expect, it } from 'vitest';
import { columnsOfMap, fromTable, mapFromColumns, toTable } from '../../src/serving/saved-columns.ts';

describe('saved columns', () => {
  it('give back a Map of counts, in its order', () => {
    const counts = new Map([
      ['hostag', 3],
      ['releas', 12],
      ['constructor', 1],
      ['__proto__', 2],
    ]);
    const back = mapFromColumns(columnsOfMap(counts));
    expect([...back]).toEqual([...counts]);
  });

  it('give back repeated strings and nulls from one table of the distinct ones', () => {
    const values = ['day', 'day', null, 'month', 'day', null];
    const saved = toTable(values);
    expect(saved.table).toEqual(['day', null, 'month']);
    expect(fromTable(saved)).toEqual(values);
  });

  it('refuse a table whose codes point past it, or keys without values', () => {
    expect(() => fromTable({ table: ['day'], codes: Uint32Array.from([0, 1]) })).toThrow(/cut short/);
    expect(() => mapFromColumns({ keys: ['a', 'b'], values: Float64Array.from([1]) })).toThrow(/as many keys/);
  });
});
