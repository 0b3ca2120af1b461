/**
 * Who may change the corpus from Discord, and what every `/source-admin` action shares. The corpus is shared by
 * every server the bot is in, so only moderators (Manage Messages, or the FAQ moderator role) of the servers named
 * in `CORPUS_EDITOR_GUILDS` may change it — checked on every action, whatever Discord's command permissions say.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { ChangeAuthor } from '../../corpus/corpus-changes.ts';
import { type Call, type Gates, Refusal } from '../../commands/declare.ts';
import type { CorpusEditor } from '../../serving/corpus-editor.ts';
import type { FeedStore } from '../../feeds/feed-store.ts';
import type { ReloadResult } from '../../serving/live-knowledge.ts';
import { permissionOrRoleGate } from '../gates.ts';
import { truncate } from '../messages/discord-limits.ts';
import { quiet } from '../messages/private-reply.ts';

const OFF =
  'Adding and removing articles from Discord is turned off on this bot. Its operator can allow it for a server with the CORPUS_EDITOR_GUILDS setting.';

/** Editing is on, this is one of the editors' servers, and the member is a moderator — in that order. */
export const SOURCE_ADMIN_GATES: Gates = {
  cooldown: false,
  allowed: [
    { check: ({ services }) => (services.editor && services.editorGuilds.length > 0 ? null : new Refusal(OFF)) },
    {
      check: (call) =>
        call.guildId && call.services.editorGuilds.includes(call.guildId)
          ? null
          : new Refusal(
              'The corpus is shared by every server this bot is in, so only moderators of the servers its operator named can change it — this server is not one of them.',
            ),
    },
    permissionOrRoleGate(
      PermissionFlagsBits.ManageMessages,
      (guildId, call) => call.services.faq?.moderatorRole(guildId) ?? null,
      'Sorry — only moderators (Manage Messages, or the FAQ moderator role) can change the corpus.',
    ),
  ],
};

/**
 * The corpus editor (the gates made sure there is one).
 *
 * @example
 * await editorOf(call).remove('raanans-freed-2023-10-20', authorOf(call));
 */
export function editorOf(call: Call): CorpusEditor {
  if (!call.services.editor) throw new Refusal(OFF);
  return call.services.editor;
}

/**
 * The followed feeds and their review queue (the gates made sure corpus editing is on; the feeds also need the bot's
 * database).
 *
 * @example
 * await feedsOf(call).queued(call.guildId ?? '');
 */
export function feedsOf(call: Call): FeedStore {
  if (!call.services.feeds)
    throw new Refusal(
      'Following feeds needs the bot’s database, which this bot runs without: its operator can check DATA_DIR or DATABASE_URL.',
    );
  return call.services.feeds;
}

/**
 * Who made a change, for `corpus/changes.jsonl`.
 *
 * @example
 * authorOf(call) // → { by: 'discord', user: '600…', guild: '222…' }
 */
export const authorOf = (call: Call): ChangeAuthor => ({ by: 'discord', user: call.user.id, guild: call.guildId ?? '' });

/**
 * What an edit or answer of a preview message says, with nothing else on it.
 *
 * @example
 * await call.reply.update(plain('Cancelled: nothing was added.'));
 */
export const plain = (content: string) => ({ content: truncate(content, 2000), embeds: [], components: [], ...quiet });

/**
 * What a reload after a change did, for the moderator.
 *
 * @example
 * reloadLine(reload) // → 'The corpus now has 6 sources and 120 passages (reloaded in 80 ms).'
 */
export function reloadLine(reload: ReloadResult): string {
  if (!reload.ok)
    return `The corpus did not reload: ${reload.error}. The bot keeps answering from the previous corpus until that is fixed.`;
  return `The corpus now has ${reload.sources} sources and ${reload.passages} passages (reloaded in ${reload.ms} ms).`;
}
