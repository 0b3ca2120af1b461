/**
 * The `/source-admin` interactions that have not moved to the interaction layer yet (src/interactions/), read
 * from discord.js objects. Every path answers the user — an error gives a short private apology with an error id
 * and the detail goes to the log — and nothing here throws to the client.
 */
import { randomBytes } from 'node:crypto';
import { type Interaction, MessageFlags } from 'discord.js';
import type { Logger } from '../../logging/logger.ts';
import { SourceDrafts } from '../../corpus/source-drafts.ts';
import { isSourceAdminButton, isSourceAdminForm } from './sources/source-custom-ids.ts';
import { SOURCE_ADMIN_COMMAND } from './sources/source-admin-payload.ts';
import {
  handleSourceAdminAutocomplete,
  handleSourceAdminButton,
  handleSourceAdminCommand,
  handleSourceAdminForm,
  type SourceAdminContext,
} from './sources/source-admin-interactions.ts';

export interface BotContext {
  logger: Logger;
  /** Adding and removing sources (`/source-admin`); without it, the command says it is off. */
  sources?: SourceAdminContext;
}

/** Whether an interaction (as raw JSON) is one this legacy handler answers. */
export function isLegacyInteraction(raw: { data?: unknown }): boolean {
  const data = (raw.data ?? {}) as { name?: unknown; custom_id?: unknown };
  const name = typeof data.name === 'string' ? data.name : '';
  const customId = typeof data.custom_id === 'string' ? data.custom_id : '';
  return name === SOURCE_ADMIN_COMMAND || isSourceAdminButton(customId) || isSourceAdminForm(customId);
}

/** Where no corpus editing was set up: every `/source-admin` action says it is off. */
const SOURCES_OFF: SourceAdminContext = { editor: null, editorGuilds: [], drafts: new SourceDrafts(), fetch: {} };

/** Handles one `/source-admin` interaction; resolves when the user has been answered (or the failure logged). */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await handleSourceAdminAutocomplete(interaction, ctx.sources ?? SOURCES_OFF);
    else if (interaction.isChatInputCommand()) await handleSourceAdminCommand(interaction, ctx.sources ?? SOURCES_OFF);
    else if (interaction.isButton()) await handleSourceAdminButton(interaction, ctx.sources ?? SOURCES_OFF);
    else if (interaction.isModalSubmit()) await handleSourceAdminForm(interaction, ctx.sources ?? SOURCES_OFF);
  } catch (error) {
    const errorId = randomBytes(4).toString('hex');
    ctx.logger.error({ err: error, errorId, interactionId: interaction.id, type: interaction.type, user: interaction.user.id }, 'interaction failed');
    if (interaction.isAutocomplete()) return;
    const content = `Sorry — something went wrong on our side (error id \`${errorId}\`). Please try again.`;
    try {
      if (interaction.replied || interaction.deferred) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    } catch (replyError) {
      ctx.logger.error({ err: replyError, errorId }, 'could not tell the user about the failure');
    }
  }
}
