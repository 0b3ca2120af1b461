/**
 * Registration payload of `/source-admin`, the moderators' command that changes the corpus: `add` (a saved page
 * attached, or a link) and `remove`. It is separate from the public `/source` because Discord's
 * `default_member_permissions` applies to a whole command; the handler checks again at run time.
 */
import { ApplicationCommandOptionType as T, ApplicationCommandType, PermissionFlagsBits } from 'discord.js';
import type { SlashCommandPayload } from '../../../interactions/command-payloads.ts';

export const SOURCE_ADMIN_COMMAND = 'source-admin';

export function sourceAdminPayload(): SlashCommandPayload {
  return {
    type: ApplicationCommandType.ChatInput,
    name: SOURCE_ADMIN_COMMAND,
    description: 'Add or remove corpus articles (moderators of the corpus editors’ servers).',
    default_member_permissions: Number(PermissionFlagsBits.ManageMessages),
    options: [
      {
        type: T.Subcommand,
        name: 'add',
        description: 'Preview an article from a saved page (text or HTML) or a link, then add it',
        options: [
          { type: T.Attachment, name: 'file', description: 'The page saved from a browser (.txt or .html)' },
          { type: T.String, name: 'link', description: 'Or: the article’s address (http or https)', max_length: 2000 },
        ],
      },
      {
        type: T.Subcommand,
        name: 'remove',
        description: 'Take an article out of the corpus (its file is kept in removed/)',
        options: [{ type: T.String, name: 'id', description: 'The source id (type to search)', required: true, autocomplete: true, max_length: 100 }],
      },
    ],
  };
}
