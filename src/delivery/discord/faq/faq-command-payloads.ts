/**
 * Registration payloads for the FAQ: `/faq` for every member (show, list, search, history) and `/faq-admin` for
 * moderators (add, edit, remove, alias, cite, revert, export, import, seed, check, config). They are two commands
 * because Discord's `default_member_permissions` applies to a whole command, not to a subcommand; the handler checks
 * permissions again at run time, since server admins can change them.
 */
import { ApplicationCommandOptionType as T, ApplicationCommandType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

const entry = { type: T.Integer, name: 'entry', description: 'The FAQ entry (type to search)', required: true, autocomplete: true, min_value: 1 } as const;
const isPublic = { type: T.Boolean, name: 'public', description: 'Post the answer in the channel for everyone (default: only you see it)' } as const;

export const FAQ_COMMAND = 'faq';
export const FAQ_ADMIN_COMMAND = 'faq-admin';

/**
 * Discord's OpenAPI spec types `default_member_permissions` as an integer (its docs show a string); we send what
 * the spec says, and the tests validate against the spec.
 */
export type FaqCommandPayload = Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'default_member_permissions'> & { default_member_permissions?: number };

export function faqCommandPayloads(): FaqCommandPayload[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: FAQ_COMMAND,
      description: 'Answers the moderators curated to the questions members keep asking, with sources.',
      options: [
        { type: T.Subcommand, name: 'show', description: 'Show an FAQ entry with the quotes that back it', options: [{ type: T.String, name: 'question', description: 'The question (type to search)', required: true, autocomplete: true, max_length: 200 }, isPublic] },
        { type: T.Subcommand, name: 'list', description: 'Page through every FAQ entry of this server' },
        { type: T.Subcommand, name: 'search', description: 'Find FAQ entries by words', options: [{ type: T.String, name: 'text', description: 'Words to look for', required: true, max_length: 200 }] },
        { type: T.Subcommand, name: 'history', description: 'Every change to an entry: who and when', options: [entry] },
      ],
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: FAQ_ADMIN_COMMAND,
      description: 'Curate this server’s FAQ (moderators).',
      default_member_permissions: Number(PermissionFlagsBits.ManageMessages),
      options: [
        { type: T.Subcommand, name: 'add', description: 'Add an entry (opens a form)' },
        { type: T.Subcommand, name: 'edit', description: 'Edit an entry (opens a form)', options: [entry] },
        { type: T.Subcommand, name: 'remove', description: 'Remove an entry (history is kept; revert restores it)', options: [entry] },
        { type: T.Subcommand, name: 'alias', description: 'Add another way of asking an entry’s question', options: [entry, { type: T.String, name: 'alias', description: 'The other wording', required: true, max_length: 100 }] },
        {
          type: T.Subcommand,
          name: 'cite',
          description: 'Set the passages an entry cites: by id, or the best quotes for a search',
          options: [entry, { type: T.String, name: 'passages', description: 'Passage ids, e.g. "ap-how-the-hostage-deal-came-about#12 raanans-freed-2023-10-20#2"', max_length: 1000 }, { type: T.String, name: 'search', description: 'Cite the top quotes for these words instead', max_length: 200 }],
        },
        { type: T.Subcommand, name: 'revert', description: 'Restore an entry as it was at a revision', options: [entry, { type: T.Integer, name: 'revision', description: 'Revision number (see /faq history)', required: true, min_value: 1 }] },
        { type: T.Subcommand, name: 'export', description: 'Download this server’s FAQ as a JSON file' },
        { type: T.Subcommand, name: 'import', description: 'Import an FAQ export file (all or nothing)', options: [{ type: T.Attachment, name: 'file', description: 'A talks-bot FAQ export (.json)', required: true }, { type: T.Boolean, name: 'overwrite', description: 'Replace entries that differ from the file (default: report them and import nothing)' }] },
        { type: T.Subcommand, name: 'seed', description: 'Import the starter FAQ shipped with the bot (all or nothing)' },
        { type: T.Subcommand, name: 'check', description: 'List entries citing passages the corpus no longer has' },
        {
          type: T.SubcommandGroup,
          name: 'config',
          description: 'FAQ settings for this server',
          options: [{ type: T.Subcommand, name: 'moderator-role', description: 'Set (or clear) the role whose members may edit the FAQ', options: [{ type: T.Role, name: 'role', description: 'Leave empty to clear' }] }],
        },
      ],
    },
  ];
}
