/**
 * What the bot does with each interaction Discord sends: slash commands, autocomplete, the "Find sources" message
 * menu and the buttons (page, share, delete). Every path answers the user — an error gives a short private apology
 * with an error id and the detail goes to the log — and nothing here throws to the client.
 */
import { randomBytes } from 'node:crypto';
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from 'discord.js';
import type { FaqStore } from '../../faq/faq-store.ts';
import { FAQ_ADMIN_COMMAND, FAQ_COMMAND } from './faq/faq-command-payloads.ts';
import { handleFaqAutocomplete, handleFaqButton, handleFaqCommand, handleFaqModal } from './faq/faq-interactions.ts';
import type { Answer } from '../../answers/answer.ts';
import type { AnyCommand } from '../../commands/define-command.ts';
import { QUERY_MAX_LENGTH } from '../../commands/define-command.ts';
import { runCommand } from '../../commands/run-command.ts';
import { stripMarkdown } from '../../search/query.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import type { KnowledgeProvider } from '../../knowledge/live-knowledge.ts';
import type { Logger } from '../../logging/logger.ts';
import { FIND_SOURCES, PUBLIC_OPTION } from './command-payloads.ts';
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
import type { Cooldowns } from './cooldowns.ts';
import { decodeButton } from './custom-id.ts';
import { LIMITS, truncate } from './discord-limits.ts';
import { type AnswerMessage, deleteButtonRow, DISCORD_PAGE_SIZE, renderAnswerMessage, sharedByLine } from './render-answer-message.ts';

export interface BotContext {
  /** The knowledge to answer from; interactions that arrive before the first load are deferred, then answered. */
  knowledge: KnowledgeProvider;
  commands: readonly AnyCommand[];
  cooldowns: Cooldowns;
  logger: Logger;
  /** The FAQ store; without one, the FAQ commands say the FAQ is unavailable. */
  faq?: FaqStore;
  /** Adding and removing sources (`/source-admin`); without it, the command says it is off. */
  sources?: SourceAdminContext;
  /** From this many passages on, answers are deferred first; LONG_ANSWER_PASSAGES unless set. */
  deferFromPassages?: number;
}

/**
 * A corpus this large may take longer to answer from than Discord waits for a first response (3 s), on a busy
 * machine: the answer is deferred first ("talks-bot is thinking…") and the reply edited when it is ready. Below it
 * an answer takes milliseconds and is sent at once, saving a round trip.
 */
export const LONG_ANSWER_PASSAGES = 20_000;

const mightTakeLong = (ctx: BotContext, knowledge: Knowledge) => knowledge.passages.length >= (ctx.deferFromPassages ?? LONG_ANSWER_PASSAGES);

const isFaqCommand = (name: string) => name === FAQ_COMMAND || name === FAQ_ADMIN_COMMAND;

/** The FAQ context, or null after telling the user the FAQ is unavailable. */
async function faqContext(interaction: ChatInputCommandInteraction | ButtonInteraction, ctx: BotContext) {
  if (ctx.faq) return { faq: ctx.faq, knowledge: ctx.knowledge };
  await interaction.reply({ content: 'The FAQ is not available on this bot right now.', flags: MessageFlags.Ephemeral });
  return null;
}

/** Where no corpus editing was set up: every `/source-admin` action says it is off. */
const SOURCES_OFF: SourceAdminContext = { editor: null, editorGuilds: [], drafts: new SourceDrafts(), fetch: {} };

/** Commands that only describe the bot do not count against the cooldown. */
const FREE_COMMANDS = new Set(['help']);

function answerFor(knowledge: Knowledge, ctx: BotContext, command: string, input: Record<string, unknown>, offset: number): Answer {
  return runCommand(ctx.commands, command, input, { knowledge, page: { limit: DISCORD_PAGE_SIZE, offset } });
}

/** The input a page button stands for: the query goes back to the command's primary option. */
function inputFor(ctx: BotContext, command: string, query: string): Record<string, unknown> {
  const primary = ctx.commands.find((c) => c.name === command)?.primary;
  return primary && query !== '' ? { [primary]: query } : {};
}

/**
 * Replies with an answer: at once when the corpus is loaded and small enough to answer in milliseconds, else a
 * deferred reply that is edited when the answer is ready.
 */
async function replyWith(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  ctx: BotContext,
  compute: (knowledge: Knowledge) => Answer,
  options: { private: boolean; offset: number; sharedBy?: string },
): Promise<void> {
  const flags = options.private ? MessageFlags.Ephemeral : undefined;
  const ready = ctx.knowledge.ready();
  if (ready && !mightTakeLong(ctx, ready)) {
    await interaction.reply({ ...renderAnswerMessage(compute(ready), options), ...(flags ? { flags } : {}) });
    return;
  }
  await interaction.deferReply(flags ? { flags } : {});
  const knowledge = await ctx.knowledge.get();
  await interaction.editReply(renderAnswerMessage(compute(knowledge), options));
}

/** Takes the user's cooldown; when they must wait, tells them how long and returns true. */
async function refusedForCooldown(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, ctx: BotContext): Promise<boolean> {
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
  if (isFaqCommand(interaction.commandName)) {
    if (interaction.commandName === FAQ_COMMAND && (await refusedForCooldown(interaction, ctx))) return;
    const faq = await faqContext(interaction, ctx);
    if (faq) await handleFaqCommand(interaction, faq);
    return;
  }
  const command = ctx.commands.find((c) => c.name === interaction.commandName);
  if (!command) {
    await interaction.reply({ content: `Unknown command /${interaction.commandName}: it may have been removed. Try /help.`, flags: MessageFlags.Ephemeral });
    return;
  }
  if (!FREE_COMMANDS.has(command.name) && (await refusedForCooldown(interaction, ctx))) return;
  const input: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    const value = spec.type === 'string' ? interaction.options.getString(name) : interaction.options.getBoolean(name);
    if (value !== null) input[name] = value;
  }
  const isPublic = interaction.options.getBoolean(PUBLIC_OPTION) === true;
  await replyWith(interaction, ctx, (k) => answerFor(k, ctx, command.name, input, 0), {
    private: !isPublic,
    offset: 0,
    ...(isPublic ? { sharedBy: interaction.user.id } : {}),
  });
}

async function onAutocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  if (interaction.commandName === SOURCE_ADMIN_COMMAND) {
    await handleSourceAdminAutocomplete(interaction, ctx.sources ?? SOURCES_OFF);
    return;
  }
  if (isFaqCommand(interaction.commandName)) {
    if (ctx.faq) await handleFaqAutocomplete(interaction, { faq: ctx.faq, knowledge: ctx.knowledge });
    else await interaction.respond([]);
    return;
  }
  const command = ctx.commands.find((c) => c.name === interaction.commandName);
  const knowledge = ctx.knowledge.ready();
  const focused = interaction.options.getFocused(true);
  const choices = command?.autocomplete && knowledge ? command.autocomplete(focused.name, String(focused.value), { knowledge }) : [];
  await interaction.respond(choices.map((c) => ({ name: c, value: c })));
}

/**
 * "Find sources" on a message: the whole message (and its embeds' text) is searched, up to what a string option
 * takes (6,000 characters); the index reduces a long message to its key claims.
 */
async function onFindSources(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
  const text = [interaction.targetMessage.content, ...interaction.targetMessage.embeds.map((e) => e.description ?? '')].join(' ').replace(/\s+/g, ' ').trim();
  if (stripMarkdown(text).trim() === '') {
    await interaction.reply({ content: 'That message has no text to look up.', flags: MessageFlags.Ephemeral });
    return;
  }
  if (await refusedForCooldown(interaction, ctx)) return;
  const query = truncate(text, QUERY_MAX_LENGTH).replace(/…$/, '').trim();
  await replyWith(interaction, ctx, (k) => answerFor(k, ctx, 'search', { text: query }, 0), { private: true, offset: 0 });
}

async function onButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  if (interaction.customId.startsWith('v1|faqlist|')) {
    const faq = await faqContext(interaction, ctx);
    if (faq) await handleFaqButton(interaction, faq);
    return;
  }
  if (isSourceAdminButton(interaction.customId)) {
    await handleSourceAdminButton(interaction, ctx.sources ?? SOURCES_OFF);
    return;
  }
  const action = decodeButton(interaction.customId);
  if (!action) {
    await interaction.reply({ content: 'This button is from an older version of the bot and no longer works: please run the command again.', flags: MessageFlags.Ephemeral });
    return;
  }
  if (action.action === 'delete') {
    if (interaction.user.id !== action.ownerId) {
      await interaction.reply({ content: 'Only the person who shared this post can delete it.', flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferUpdate();
    await interaction.deleteReply();
    return;
  }
  if (action.action === 'share') {
    await interaction.reply(sharedCopy(interaction));
    return;
  }
  const knowledge = await ctx.knowledge.get();
  const input = inputFor(ctx, action.command, action.query);
  const isPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
  const page = () => renderAnswerMessage(answerFor(knowledge, ctx, action.command, input, action.offset), { private: isPrivate, offset: action.offset });
  if (!mightTakeLong(ctx, knowledge)) {
    await interaction.update(page());
    return;
  }
  await interaction.deferUpdate();
  await interaction.editReply(page());
}

/** The private answer a share button is attached to, re-posted publicly with who shared it and a delete button. */
function sharedCopy(interaction: ButtonInteraction): AnswerMessage {
  const embeds = interaction.message.embeds.map((e) => {
    const json = e.toJSON();
    const line = sharedByLine(interaction.user.id);
    const description = json.description ? `${truncate(json.description, LIMITS.embedDescription - line.length - 1)}\n${line}` : line;
    return { ...json, description };
  });
  return { embeds, components: deleteButtonRow(interaction.user.id), allowedMentions: { parse: [], repliedUser: false } };
}

/** Handles one interaction; resolves when the user has been answered (or the failure logged). */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await onAutocomplete(interaction, ctx);
    else if (interaction.isChatInputCommand()) await onChatInput(interaction, ctx);
    else if (interaction.isMessageContextMenuCommand() && interaction.commandName === FIND_SOURCES) await onFindSources(interaction, ctx);
    else if (interaction.isButton()) await onButton(interaction, ctx);
    else if (interaction.isModalSubmit() && isSourceAdminForm(interaction.customId)) await handleSourceAdminForm(interaction, ctx.sources ?? SOURCES_OFF);
    else if (interaction.isModalSubmit() && interaction.customId.startsWith('v1|faq')) {
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
