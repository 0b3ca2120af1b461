/**
 * Interaction JSON as Discord sends it, built for the property tests: every command, subcommand and option the
 * catalog declares, with who is asking (a member, a moderator, someone in a direct message) and ids that are new
 * for every call, so a per-user cooldown never mixes two inputs. The same generated input gives the same JSON, so
 * two bots given it must answer alike.
 */
import fc from 'fast-check';
import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import type { OptionSpec } from '../../src/commands/options.ts';
import { PUBLIC_OPTION, publicOption } from '../../src/interactions/dispatch.ts';
import type { AnyLeaf } from '../../src/commands/declare.ts';
import type { Catalog } from '../../src/interactions/components.ts';
import { APP_ID, CHANNEL_ID, GUILD_ID } from '../delivery/discord/fake-discord.ts';
import { hostileText, integerValue, wrongValue } from './arbitraries.ts';

/** A guild the bot's corpus editors use (`/source-admin` is allowed there). */
export const EDITOR_GUILD = GUILD_ID;
export const OTHER_GUILD = '232323232323232323';
const MANAGE_MESSAGES = '8192';

/** Who sends an interaction. */
export interface Asker {
  /** null: a direct message (no server, no member). */
  guildId: string | null;
  permissions: string;
  roles: string[];
  /** The member's id; a new one for every call unless set (a draft's owner, say). */
  userId?: string;
}

/** Mostly the editors' server, where every gate can be passed, so most inputs reach the handlers behind the gates. */
export const askers: fc.Arbitrary<Asker> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      guildId: fc.constant(EDITOR_GUILD),
      permissions: fc.constantFrom('0', MANAGE_MESSAGES, MANAGE_MESSAGES, '8', '1099511627775'),
      roles: fc.constant<string[]>([]),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      guildId: fc.constant(OTHER_GUILD),
      permissions: fc.constantFrom('0', MANAGE_MESSAGES),
      roles: fc.constant<string[]>([]),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Asker>({ guildId: null, permissions: '0', roles: [] }) },
);

let counter = 700000000000000000n;
/** A snowflake no earlier call used. */
const nextId = () => String(++counter);

/** The envelope of an interaction: ids, token, and who asked where. */
export function envelope(type: number, data: unknown, asker: Asker, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const id = nextId();
  const user = { id: asker.userId ?? nextId(), username: 'member', discriminator: '0', global_name: 'member', avatar: null };
  const where = asker.guildId
    ? {
        guild_id: asker.guildId,
        channel: { id: CHANNEL_ID, type: 0, guild_id: asker.guildId, name: 'talks' },
        member: {
          user,
          roles: asker.roles,
          permissions: asker.permissions,
          joined_at: new Date(0).toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
        authorizing_integration_owners: { '0': asker.guildId },
        context: 0,
      }
    : { user, channel: { id: CHANNEL_ID, type: 1 }, authorizing_integration_owners: { '1': user.id }, context: 1 };
  return {
    id,
    application_id: APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    data,
    channel_id: CHANNEL_ID,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    ...where,
    ...extra,
  };
}

/** One leaf of the catalog: the command, the subcommand path to it, and its declaration. */
export interface LeafAt {
  command: string;
  path: string[];
  leaf: AnyLeaf;
  /** "/faq-admin config moderator-role": how the report names it. */
  label: string;
}

/** Every command and subcommand the catalog answers. */
export function leavesOf(catalog: Catalog): LeafAt[] {
  const leaves: LeafAt[] = [];
  for (const c of catalog.commands) {
    if (c.type !== 'slash') continue;
    const { run } = c;
    const add = (path: string[], leaf: AnyLeaf) => leaves.push({ command: c.name, path, leaf, label: `/${[c.name, ...path].join(' ')}` });
    if (!('subcommands' in run)) add([], run);
    else {
      for (const [name, l] of Object.entries(run.subcommands)) add([name], l);
      for (const [group, g] of Object.entries(run.groups ?? {}))
        for (const [name, l] of Object.entries(g.subcommands)) add([group, name], l);
    }
  }
  return leaves;
}

const OPTION_TYPE = {
  string: T.String,
  integer: T.Integer,
  boolean: T.Boolean,
  attachment: T.Attachment,
  role: T.Role,
  channel: T.Channel,
} as const;

interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
}

/** Links fetched only from addresses the fetcher refuses without a network: every host becomes loopback's. */
const unfetchable = (text: string) => text.replace(/https?:\/\/[^\s/?#]*/gi, 'http://127.0.0.1:9');

/** A value Discord could carry for an option: right type and hostile, or wrong type, or absent. */
type Resolved = Record<string, Record<string, unknown>>;
interface Generated {
  option: RawOption | null;
  resolved: Resolved;
}

function optionValue(name: string, spec: OptionSpec<unknown>): fc.Arbitrary<Generated> {
  const none: Generated = { option: null, resolved: {} };
  const typed = (value: unknown, type: number = OPTION_TYPE[spec.type]): Generated => ({ option: { name, type, value }, resolved: {} });
  const wrong = fc.tuple(wrongValue, fc.constantFrom(...Object.values(OPTION_TYPE))).map(([v, t]) => typed(v, t));
  let right: fc.Arbitrary<Generated>;
  if (spec.type === 'string') right = hostileText.map((v) => typed(name === 'link' ? unfetchable(v) : v));
  else if (spec.type === 'integer') right = integerValue.map((v) => typed(v));
  else if (spec.type === 'boolean') right = fc.oneof(fc.boolean(), wrongValue).map((v) => typed(v));
  else if (spec.type === 'role') {
    right = fc
      .tuple(fc.constantFrom('900000000000000009', '0', 'x'), fc.oneof(hostileText, wrongValue), fc.boolean())
      .map(([id, roleName, resolvedToo]): Generated => ({
        option: { name, type: T.Role, value: id },
        resolved: resolvedToo
          ? {
              roles: {
                [id]: { id, name: roleName, color: 0, hoist: false, position: 1, permissions: '0', managed: false, mentionable: false },
              },
            }
          : {},
      }));
  } else if (spec.type === 'channel') {
    right = fc
      .tuple(
        fc.constantFrom('900000000000000010', '0', 'x'),
        fc.oneof(hostileText, wrongValue),
        fc.constantFrom(0, 5, 2, 'x'),
        fc.boolean(),
      )
      .map(([id, channelName, channelType, resolvedToo]): Generated => ({
        option: { name, type: T.Channel, value: id },
        resolved: resolvedToo ? { channels: { [id]: { id, name: channelName, type: channelType, permissions: '0' } } } : {},
      }));
  } else {
    // attachments the bot refuses before downloading (too big, or no address): the download itself is the "files" helper's
    right = fc
      .tuple(
        fc.constantFrom('800000000000000008', 'x'),
        hostileText,
        fc.constantFrom(2_000_001, 50_000_000, -1),
        fc.constantFrom('http://127.0.0.1:9/a.json', 'not a url', ''),
        fc.boolean(),
      )
      .map(([id, filename, size, url, resolvedToo]): Generated => ({
        option: { name, type: T.Attachment, value: id },
        resolved: resolvedToo
          ? { attachments: { [id]: { id, filename, size, url, proxy_url: url, content_type: 'application/json' } } }
          : {},
      }));
  }
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 2, arbitrary: wrong }, { weight: 1, arbitrary: fc.constant(none) });
}

/** The options of a leaf, as an interaction carries them (the `public` option too on a shareable one). */
function leafOptions(leaf: AnyLeaf) {
  const specs: Array<[string, OptionSpec<unknown>]> = Object.entries(leaf.options);
  if (leaf.shareable) specs.push([PUBLIC_OPTION, publicOption]);
  const extra = fc.oneof(
    { weight: 9, arbitrary: fc.constant([]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('__proto__', 'constructor', 'nosuch'), wrongValue)
        .map(([n, v]): Generated[] => [{ option: { name: n, type: T.String, value: v }, resolved: {} }]),
    },
  );
  return fc.tuple(fc.tuple(...specs.map(([n, s]) => optionValue(n, s))), extra).map(([values, more]) => {
    const all = [...values, ...more];
    const resolved: Resolved = {};
    for (const v of all) for (const [kind, items] of Object.entries(v.resolved)) resolved[kind] = { ...resolved[kind], ...items };
    return { options: all.flatMap((v) => (v.option ? [v.option] : [])), resolved };
  });
}

/** Nests leaf options under their subcommand (and group), as Discord does. */
function nest(path: readonly string[], options: RawOption[]): unknown[] {
  if (path.length === 0) return options;
  if (path.length === 1) return [{ name: path[0], type: T.Subcommand, options }];
  return [{ name: path[0], type: T.SubcommandGroup, options: [{ name: path[1], type: T.Subcommand, options }] }];
}

/** A slash command on one leaf, with hostile options. */
export function slashOn(at: LeafAt): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(leafOptions(at.leaf), askers).map(([{ options, resolved }, asker]) =>
    envelope(
      2,
      {
        id: '100000000000000001',
        name: at.command,
        type: 1,
        options: nest(at.path, options),
        ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      },
      asker,
    ),
  );
}

/** Autocomplete while typing in one option of a leaf: the typed text is hostile; the other options may be filled. */
export function autocompleteOn(at: LeafAt, option: string): fc.Arbitrary<Record<string, unknown>> {
  const spec = at.leaf.options[option];
  const type = spec ? OPTION_TYPE[spec.type] : T.String;
  return fc
    .tuple(
      fc.oneof(
        hostileText,
        hostileText.map((s) => s.slice(0, 100)),
        fc.integer(),
      ),
      leafOptions(at.leaf),
      askers,
    )
    .map(([typed, { options }, asker]) =>
      envelope(
        4,
        {
          id: '100000000000000001',
          name: at.command,
          type: 1,
          options: nest(at.path, [...options.filter((o) => o.name !== option), { name: option, type, value: typed, focused: true }]),
        },
        asker,
      ),
    );
}

/** Commands and subcommands the bot does not have, and leaves reached by a path it does not declare. */
export function unknownCommand(knownNames: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const name = fc.oneof(hostileText, fc.constantFrom(...knownNames, 'Find sources'));
  const path = fc.array(hostileText, { maxLength: 2 });
  const target = fc.constantFrom('1', '__proto__', 'constructor', 'toString');
  return fc.tuple(name, path, fc.constantFrom(1, 2, 3, 4, 99), target, askers).map(([n, p, commandType, targetId, asker]) => {
    const options = p.length === 0 ? [] : nest(p, []);
    return envelope(
      2,
      {
        id: '100000000000000001',
        name: n,
        type: commandType,
        options,
        ...(commandType === 3 ? { target_id: targetId, resolved: { messages: {} } } : {}),
      },
      asker,
    );
  });
}
