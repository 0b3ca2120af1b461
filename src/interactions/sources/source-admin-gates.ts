/**
 * Who may change the corpus from Discord, and what every `/source-admin` action shares. The corpus is shared by
 * every server the bot is in, so only moderators (Manage Messages, or the FAQ moderator role) of the servers named
 * in `CORPUS_EDITOR_GUILDS` may change it — checked on every action, whatever Discord's command permissions say.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { ChangeAuthor } from '../../corpus/corpus-changes.ts';
import type { CorpusEditor, SourcePreview } from '../../serving/corpus-editor.ts';
import type { SourceDrafts } from '../../corpus/source-drafts.ts';
import type { FaqStore } from '../../faq/faq-store.ts';
import type { FetchPageOptions } from '../../ingest/fetch/fetch-page.ts';
import type { ReloadResult } from '../../serving/live-knowledge.ts';
import { type Call, type Gates, Refusal } from '../declare.ts';
import { permissionOrRoleGate } from '../gates.ts';
import { truncate } from '../messages/discord-limits.ts';
import { quiet } from '../messages/private-reply.ts';

export interface SourceAdminDeps {
  /** Null when adding from Discord is off (no `CORPUS_EDITOR_GUILDS` and no `DISCORD_GUILD_ID`). */
  editor: CorpusEditor | null;
  editorGuilds: readonly string[];
  drafts: SourceDrafts<SourcePreview>;
  /** How links and attachments are fetched (size cap, timeout; tests allow loopback). */
  fetch: FetchPageOptions;
  /** For the FAQ moderator role, which also lets a member change the corpus. */
  faq?: FaqStore;
}

const OFF =
  'Adding and removing articles from Discord is turned off on this bot. Its operator can allow it for a server with the CORPUS_EDITOR_GUILDS setting.';

/**
 * Editing is on, this is one of the editors' servers, and the member is a moderator — in that order.
 *
 * @example
 * sourceAdminGates(deps) // → { cooldown: false, allowed: [on, editors' server, moderators] }
 */
export function sourceAdminGates(deps: SourceAdminDeps): Gates {
  return {
    cooldown: false,
    allowed: [
      { check: () => (deps.editor && deps.editorGuilds.length > 0 ? null : new Refusal(OFF)) },
      {
        check: (call) =>
          call.guildId && deps.editorGuilds.includes(call.guildId)
            ? null
            : new Refusal(
                'The corpus is shared by every server this bot is in, so only moderators of the servers its operator named can change it — this server is not one of them.',
              ),
      },
      permissionOrRoleGate(
        PermissionFlagsBits.ManageMessages,
        (guildId) => deps.faq?.moderatorRole(guildId) ?? null,
        'Sorry — only moderators (Manage Messages, or the FAQ moderator role) can change the corpus.',
      ),
    ],
  };
}

/**
 * The corpus editor (the gates made sure there is one).
 *
 * @example
 * await editorOf(deps).remove('raanans-freed-2023-10-20', authorOf(call));
 */
export function editorOf(deps: SourceAdminDeps): CorpusEditor {
  if (!deps.editor) throw new Refusal(OFF);
  return deps.editor;
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
