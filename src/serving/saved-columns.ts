/**
 * Maps and repeated strings as a save keeps them: keys in one array and numbers in a typed array, a string that
 * recurs (an entity id, a granularity) as a number into a table. Node's serializer writes a Map entry, an object's
 * property names and every copy of a string one by one; at 100,000 passages, reading them back that way took seconds.
 *
 * @example
 * mapFromColumns(columnsOfMap(new Map([['hostag', 3]]))) // → Map { 'hostag' => 3 }
 * fromTable(toTable(['day', 'day', 'month'])) // → ['day', 'day', 'month']
 */

export interface MapColumns {
  keys: string[];
  values: Float64Array;
}

/** A Map of numbers as its keys and values. */
export function columnsOfMap(map: ReadonlyMap<string, number>): MapColumns {
  return { keys: [...map.keys()], values: Float64Array.from(map.values()) };
}

export function mapFromColumns(columns: MapColumns): Map<string, number> {
  if (columns.keys.length !== columns.values.length) throw new Error('a saved table has as many keys as values');
  const map = new Map<string, number>();
  columns.keys.forEach((key, i) => map.set(key, columns.values[i] as number));
  return map;
}

export interface StringTable<T extends string | null = string> {
  table: T[];
  codes: Uint32Array;
}

/** Strings as places in a table of the distinct ones. */
export function toTable<T extends string | null>(values: readonly T[]): StringTable<T> {
  const place = new Map<T, number>();
  const codes = new Uint32Array(values.length);
  values.forEach((v, i) => {
    let p = place.get(v);
    if (p === undefined) place.set(v, (p = place.size));
    codes[i] = p;
  });
  return { table: [...place.keys()], codes };
}

export function fromTable<T extends string | null>(saved: StringTable<T>): T[] {
  return Array.from(saved.codes, (code) => {
    if (code >= saved.table.length) throw new Error('a saved string table is cut short');
    return saved.table[code] as T;
  });
}
