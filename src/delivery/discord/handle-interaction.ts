/**
 * The FAQ and `/source-admin` interactions that have not moved to the interaction layer yet (src/interactions/),
 * read from discord.js objects. Every path answers the user — an error gives a short private apology with an
 * error id and the detail goes to the log — and nothing here throws to the client.
 */
import { randomBytes } from 'node:crypto';
import { type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, MessageFlags } from 'discord.js';
import type { FaqStore } from '../../faq/faq-store.ts';
import { FAQ_ADMIN_COMMAND, FAQ_COMMAND } from './faq/faq-command-payloads.ts';
import { handleFaqAutocomplete, handleFaqButton, handleFaqCommand, handleFaqModal } from './faq/faq-interactions.ts';
import type { KnowledgeProvider } from '../../knowledge/live-knowledge.ts';
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
import type { Cooldowns } from '../../interactions/cooldowns.ts';

export interface BotContext {
  knowledge: KnowledgeProvider;
  cooldowns: Cooldowns;
  logger: Logger;
  /** The FAQ store; without one, the FAQ commands say the FAQ is unavailable. */
  faq?: FaqStore;
  /** Adding and removing sources (`/source-admin`); without it, the command says it is off. */
  sources?: SourceAdminContext;
}

const isFaqCommand = (name: string) => name === FAQ_COMMAND || name === FAQ_ADMIN_COMMAND;

/** Whether an interaction (as raw JSON) is one this legacy handler answers. */
export function isLegacyInteraction(raw: { data?: unknown }): boolean {
  const data = (raw.data ?? {}) as { name?: unknown; custom_id?: unknown };
  const name = typeof data.name === 'string' ? data.name : '';
  const customId = typeof data.custom_id === 'string' ? data.custom_id : '';
  return name === SOURCE_ADMIN_COMMAND || isFaqCommand(name) || customId.startsWith('v1|faq') || isSourceAdminButton(customId) || isSourceAdminForm(customId);
}

/** The FAQ context, or null after telling the user the FAQ is unavailable. */
async function faqContext(interaction: ChatInputCommandInteraction | ButtonInteraction, ctx: BotContext) {
  if (ctx.faq) return { faq: ctx.faq, knowledge: ctx.knowledge };
  await interaction.reply({ content: 'The FAQ is not available on this bot right now.', flags: MessageFlags.Ephemeral });
  return null;
}

/** Where no corpus editing was set up: every `/source-admin` action says it is off. */
const SOURCES_OFF: SourceAdminContext = { editor: null, editorGuilds: [], drafts: new SourceDrafts(), fetch: {} };

/** Takes the user's cooldown; when they must wait, tells them how long and returns true. */
async function refusedForCooldown(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<boolean> {
  const wait = ctx.cooldowns.take(interaction.user.id);
  if (wait === 0) return false;
  await interaction.reply({ content: `You're asking quickly — try again in ${wait} s.`, flags: MessageFlags.Ephemeral });
  return true;
}

async function onChatInput(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  if (interaction.commandName === SOURCE_ADMIN_COMMAND) {
    await handleSourceAdminCommand(interaction, ctx.sources ?? SOURCES_OFF);
    return;
  }
  if (interaction.commandName === FAQ_COMMAND && (await refusedForCooldown(interaction, ctx))) return;
  const faq = await faqContext(interaction, ctx);
  if (faq) await handleFaqCommand(interaction, faq);
}

/** Handles one FAQ or `/source-admin` interaction; resolves when the user has been answered (or the failure logged). */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (interaction.commandName === SOURCE_ADMIN_COMMAND) await handleSourceAdminAutocomplete(interaction, ctx.sources ?? SOURCES_OFF);
      else if (ctx.faq) await handleFaqAutocomplete(interaction, { faq: ctx.faq, knowledge: ctx.knowledge });
      else await interaction.respond([]);
    } else if (interaction.isChatInputCommand()) await onChatInput(interaction, ctx);
    else if (interaction.isButton() && interaction.customId.startsWith('v1|faqlist|')) {
      const faq = await faqContext(interaction, ctx);
      if (faq) await handleFaqButton(interaction, faq);
    } else if (interaction.isButton()) await handleSourceAdminButton(interaction, ctx.sources ?? SOURCES_OFF);
    else if (interaction.isModalSubmit() && isSourceAdminForm(interaction.customId)) await handleSourceAdminForm(interaction, ctx.sources ?? SOURCES_OFF);
    else if (interaction.isModalSubmit()) {
      if (ctx.faq) await handleFaqModal(interaction, { faq: ctx.faq, knowledge: ctx.knowledge });
      else await interaction.reply({ content: 'The FAQ is not available on this bot right now.', flags: MessageFlags.Ephemeral });
    }
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
