/**
 * Joins the people the text names (`discoverPeople`) with the curated entities of `entities.yaml`. The curated file
 * stays the authority: a discovered name that is a curated name or alias ("William Burns" ~ "Burns") adds its stated
 * roles to that entity, never replaces what the file says, and a name the file lists under `not_entities` is
 * dropped. Everyone else becomes an entity of their own, with their surname as a short form (so "Sinwar" goes to
 * whichever Sinwar the same source named last) and one role per distinct title, dated by the sources that state it.
 *
 * @example
 * mergeEntities(curated, discovered, notEntities).entities.find((e) => e.name === 'Yahya Sinwar')?.short_forms // → ['Sinwar']
 */
import type { Entity, Role } from '../corpus/entity-schema.ts';
import { type DiscoveredPerson, type DiscoveredRole, nameKey } from './discover-people.ts';
import { ROLE_WORDS } from './name-words.ts';

export interface MergedEntities {
  entities: Entity[];
  /** Every dated role statement the text makes, by entity id: what role-holder answers rest on. */
  statedRoles: Map<string, DiscoveredRole[]>;
  /** Ids of the entities that come from the text alone, not from `entities.yaml`. */
  discoveredIds: Set<string>;
}

const month = (date: string | null) => (date ? date.slice(0, 7) : undefined);
const ym = (date: string) => date.slice(0, 7);
const roleKey = (title: string) =>
  nameKey(title)
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N} ]/gu, '');

/**
 * One role per distinct title: from the first source that states it as held (or says it began), to the first date
 * the text says it ended ("was dismissed", "Israel killed …") or, failing that, the first source that says "former".
 * `deaths` end every role still open then.
 */
export function rolesFromStatements(statements: readonly DiscoveredRole[], deaths: readonly string[] = []): Role[] {
  const byKey = new Map<string, DiscoveredRole[]>();
  for (const s of statements) {
    const key = roleKey(s.title);
    const group = byKey.get(key);
    if (group) group.push(s);
    else byKey.set(key, [s]);
  }
  const dated = (group: readonly DiscoveredRole[]) =>
    group
      .map((s) => s.date)
      .filter((d): d is string => d !== null)
      .sort();
  const roles: Role[] = [];
  for (const group of byKey.values()) {
    const first = group.find((s) => !s.former && s.change !== 'end') ?? group[0];
    if (!first) continue;
    const current = dated(group.filter((s) => !s.former && s.change !== 'end'));
    const former = dated(group.filter((s) => s.former));
    const ended = dated(group.filter((s) => s.change === 'end'));
    const starts = dated(group.filter((s) => s.change === 'start'));
    // the last stated end, or death, stands unless the text says the role began again after it; a later source that
    // still calls them by the title ("Hamas leader Yahya Sinwar, who planned the attack") looks back, it does not reopen it
    const stop = [ended[ended.length - 1], deaths[0]].filter((d): d is string => d !== undefined).sort()[0];
    const stopped = stop !== undefined && !starts.some((d) => ym(d) > ym(stop));
    const from = month((stopped ? current.filter((d) => ym(d) <= ym(stop)) : current)[0] ?? null);
    const after = (d: string) => !from || d.slice(0, 7) >= from;
    const to = stopped ? month(stop) : month(former.find(after) ?? null);
    const allFormer = group.every((s) => s.former);
    const role: Role = { title: allFormer ? `former ${first.title}` : first.title, phrases: [roleKey(first.title)] };
    if (from) role.from = from;
    if (to || (allFormer && former[0])) role.to = to ?? month(former[0] ?? null);
    roles.push(role);
  }
  return roles;
}

/** Offices that are a seat, not a description: "the president" is someone, "the official" could be anyone. */
const SEAT_HEADS = new Set([
  'president',
  'minister',
  'emir',
  'amir',
  'king',
  'premier',
  'secretary',
  'chancellor',
  'envoy',
  'chief',
  'director',
]);

/**
 * The office of each title held, as the text calls its holder after naming them: "US President" → "the president",
 * "Israeli Prime Minister" → "the prime minister". A mention of it goes to whoever of its holders the source named
 * most recently (see `findMentions`), so a 2025 article's "the president" is Trump, not the curated Biden.
 *
 * @example
 * officeForms([{ title: 'US President', phrases: [] }]) // → ['the president']
 */
export function officeForms(roles: readonly Role[]): string[] {
  const forms = new Set<string>();
  for (const r of roles) {
    if (/^former\b/i.test(r.title) || r.to) continue;
    const words = r.title.split(/\s+/);
    // the qualifiers before the office go: "US", "Israeli", "Qatar's", "Hamas"
    while (words.length > 0 && !ROLE_WORDS.has((words[0] ?? '').toLowerCase())) words.shift();
    const office = words.join(' ').toLowerCase();
    if (SEAT_HEADS.has(words[words.length - 1]?.toLowerCase() ?? '') && !/^(?:the|of)\b/.test(office)) forms.add(`the ${office}`);
  }
  return [...forms];
}

const deathsOf = (person: DiscoveredPerson) => person.deaths.map((d) => d.date).sort();

function slug(name: string): string {
  return (
    nameKey(name)
      .normalize('NFKD')
      .replace(/[^a-z0-9 ]/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'person'
  );
}

export function mergeEntities(
  curated: readonly Entity[],
  discovered: readonly DiscoveredPerson[],
  notEntities: readonly string[],
): MergedEntities {
  const notNames = new Set(notEntities.map(nameKey));
  const entities = curated.map((e) => ({ ...e, roles: [...e.roles], aliases: [...e.aliases] }));
  const byForm = new Map<string, Entity>();
  const claimed = new Set<string>(); // every form the curated file uses, even a shared short form
  for (const e of entities) {
    for (const f of [e.name, ...e.aliases]) byForm.set(nameKey(f), e);
    for (const f of [e.name, ...e.aliases, ...e.short_forms]) claimed.add(nameKey(f));
  }
  const statedRoles = new Map<string, DiscoveredRole[]>();
  const discoveredIds = new Set<string>();
  const ids = new Set(entities.map((e) => e.id));
  for (const person of discovered) {
    const key = nameKey(person.name);
    if (notNames.has(key)) continue;
    const forms = [person.name, ...person.variants];
    const curatedMatch =
      forms.map((f) => byForm.get(nameKey(f))).find((e) => e !== undefined) ??
      (() => {
        const bySurname = byForm.get(nameKey(person.surname));
        return bySurname?.kind === 'person' ? bySurname : undefined;
      })();
    if (curatedMatch) {
      const stated = statedRoles.get(curatedMatch.id);
      if (stated) stated.push(...person.roles);
      else statedRoles.set(curatedMatch.id, [...person.roles]);
      const known = new Set(curatedMatch.roles.map((r) => roleKey(r.title)));
      // when the curated file ends every role (Haniyeh: to 2024-07), what the text adds ended then too
      const ends = curatedMatch.roles.map((r) => r.to);
      const endedAt = ends.length > 0 && ends.every((t) => t !== undefined) ? ends.sort().at(-1) : undefined;
      for (const r of rolesFromStatements(person.roles, deathsOf(person))) {
        if (known.has(roleKey(r.title.replace(/^former /, '')))) continue;
        if (endedAt && !r.to && (!r.from || r.from <= endedAt)) r.to = endedAt;
        curatedMatch.roles.push(r);
      }
      continue;
    }
    let id = slug(person.name);
    for (let n = 2; ids.has(id); n++) id = `${slug(person.name)}-${n}`;
    ids.add(id);
    const surname = claimed.has(nameKey(person.surname)) || person.surname.length < 3 ? [] : [person.surname];
    const roles = rolesFromStatements(person.roles, deathsOf(person));
    const offices = officeForms(roles).filter((f) => !surname.includes(f));
    const stated = roles.find((r) => !/^former /.test(r.title));
    entities.push({
      id,
      name: person.name,
      kind: 'person',
      aliases: forms,
      short_forms: [...surname, ...offices],
      roles,
      part_of: [],
      description: stated ? `Named in the sources as ${stated.title}.` : `Named in ${person.passageIds.length} passage(s) of the sources.`,
    });
    for (const f of forms) byForm.set(nameKey(f), entities[entities.length - 1] as Entity);
    statedRoles.set(id, person.roles);
    discoveredIds.add(id);
  }
  return { entities, statedRoles, discoveredIds };
}
