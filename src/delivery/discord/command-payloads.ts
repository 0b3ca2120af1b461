/**
 * The registration payload for Discord's bulk overwrite (`PUT /applications/{app}/commands`), derived from the
 * command definitions in `commands/`: names, descriptions, option types and limits, autocomplete flags; every answer
 * command also gets a `public` option. Plus `/faq`, `/faq-admin`, `/source-admin` and the message context menu "Find sources".
 */
import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { AnyCommand } from '../../commands/define-command.ts';
import { type FaqCommandPayload, faqCommandPayloads } from './faq/faq-command-payloads.ts';
import { sourceAdminPayload } from './sources/source-admin-payload.ts';

export const FIND_SOURCES = 'Find sources';
export const PUBLIC_OPTION = 'public';

export function commandPayloads(commands: readonly AnyCommand[]): Array<RESTPutAPIApplicationCommandsJSONBody[number] | FaqCommandPayload> {
  const slash = commands.map((c) => {
    const options = Object.entries(c.options)
      .map(([name, o]) =>
        o.type === 'string'
          ? {
              type: ApplicationCommandOptionType.String as const,
              name,
              description: o.description.slice(0, 100),
              required: o.required,
              ...(o.maxLength ? { max_length: o.maxLength } : {}),
              ...(o.autocomplete ? { autocomplete: true } : {}),
            }
          : { type: ApplicationCommandOptionType.Boolean as const, name, description: o.description.slice(0, 100), required: o.required },
      )
      .sort((a, b) => Number(b.required) - Number(a.required)); // Discord wants required options first
    options.push({ type: ApplicationCommandOptionType.Boolean, name: PUBLIC_OPTION, description: 'Post the answer in the channel for everyone (default: only you see it)', required: false });
    return { type: ApplicationCommandType.ChatInput as const, name: c.name, description: c.description.slice(0, 100), options };
  });
  return [...slash, ...faqCommandPayloads(), sourceAdminPayload(), { type: ApplicationCommandType.Message as const, name: FIND_SOURCES }];
}
