/**
 * The bot's own short messages to one member: private (ephemeral), within Discord's 2,000 characters, and unable to
 * ping anyone whatever a source, a query or a moderator's text contains.
 *
 * @example
 * await interaction.reply(privately('Only moderators can change the FAQ.'));
 */
import { MessageFlags } from 'discord.js';
import { LIMITS, truncate } from './discord-limits.ts';

/** `allowed_mentions` that allow nothing: a mention in the text shows as a name and pings no one. */
export const quiet = { allowedMentions: { parse: [] as [], repliedUser: false as const } };

export const privately = (content: string) => ({ content: truncate(content, LIMITS.content), flags: MessageFlags.Ephemeral as const, ...quiet });
