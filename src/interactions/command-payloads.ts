/**
 * The registration payload for Discord's bulk overwrite (`PUT /applications/{app}/commands`), derived from the
 * same declarations the dispatcher answers from: names, descriptions, option types and limits, subcommands and
 * groups, autocomplete flags, a `public` option on shareable commands, and `default_member_permissions` from a
 * command's gates.
 */
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType as T,
  ApplicationCommandType,
  ChannelType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { AnyLeaf, SlashCommand } from '../commands/declare.ts';
import type { OptionSpec } from '../commands/options.ts';
import type { Catalog } from './components.ts';
import { PUBLIC_OPTION, publicOption, shareable } from './dispatch.ts';

/**
 * Discord's OpenAPI spec types `default_member_permissions` as an integer (its docs show a string); we send what
 * the spec says, and the tests validate against the spec.
 */
export type SlashCommandPayload = Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'default_member_permissions'> & {
  default_member_permissions?: number;
};
export type CommandPayload = SlashCommandPayload | { type: ApplicationCommandType.Message; name: string };

const TYPES = {
  string: T.String,
  boolean: T.Boolean,
  integer: T.Integer,
  attachment: T.Attachment,
  role: T.Role,
  channel: T.Channel,
} as const;

function optionPayload(name: string, o: OptionSpec<unknown>): APIApplicationCommandBasicOption {
  const common = { name, description: o.description.slice(0, 100), required: o.required };
  if (o.type === 'string')
    return {
      ...common,
      type: T.String,
      ...(o.maxLength ? { max_length: o.maxLength } : {}),
      ...(o.autocomplete ? { autocomplete: true } : {}),
    };
  if (o.type === 'integer')
    return {
      ...common,
      type: T.Integer,
      ...(o.minValue !== undefined ? { min_value: o.minValue } : {}),
      ...(o.maxValue !== undefined ? { max_value: o.maxValue } : {}),
      ...(o.autocomplete ? { autocomplete: true } : {}),
    };
  if (o.type === 'channel') return { ...common, type: T.Channel, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] };
  return { ...common, type: TYPES[o.type] };
}

function leafOptions(l: AnyLeaf): APIApplicationCommandBasicOption[] {
  const options = Object.entries(l.options).map(([name, o]) => optionPayload(name, o));
  if (shareable(l)) options.push(optionPayload(PUBLIC_OPTION, publicOption));
  return options.sort((a, b) => Number(b.required === true) - Number(a.required === true)); // Discord wants required options first
}

function subcommand(name: string, l: AnyLeaf): APIApplicationCommandSubcommandOption {
  const options = leafOptions(l);
  return { type: T.Subcommand, name, description: l.description.slice(0, 100), ...(options.length > 0 ? { options } : {}) };
}

function slashPayload(c: SlashCommand): SlashCommandPayload {
  const permission = c.gates.allowed.find((g) => g.permission !== undefined)?.permission;
  const { run } = c;
  const options =
    'subcommands' in run
      ? [
          ...Object.entries(run.subcommands).map(([name, l]) => subcommand(name, l)),
          ...Object.entries(run.groups ?? {}).map(([name, g]) => ({
            type: T.SubcommandGroup as const,
            name,
            description: g.description.slice(0, 100),
            options: Object.entries(g.subcommands).map(([sub, l]) => subcommand(sub, l)),
          })),
        ]
      : leafOptions(run);
  return {
    type: ApplicationCommandType.ChatInput,
    name: c.name,
    description: c.description.slice(0, 100),
    ...(permission !== undefined ? { default_member_permissions: Number(permission) } : {}),
    options,
  };
}

/**
 * @example
 * payloadsOf(catalog) // → [{ type: 1, name: 'who', … }, …, { type: 3, name: 'Find sources' }]
 */
export function payloadsOf(catalog: Catalog): CommandPayload[] {
  return catalog.commands.map((c) =>
    c.type === 'slash' ? slashPayload(c) : { type: ApplicationCommandType.Message as const, name: c.name },
  );
}
