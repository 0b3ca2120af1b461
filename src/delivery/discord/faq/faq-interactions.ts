/**
 * The FAQ on Discord: `/faq` for members, `/faq-admin` for moderators (with forms for long text), entry
 * autocomplete, list pages. Every moderator action is checked here — Manage Messages or the server's moderator
 * role — whatever Discord's command permissions say; refusals are polite and private.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type APIEmbed,
  type AutocompleteInteraction,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  escapeMarkdown,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  TextInputStyle,
} from 'discord.js';
import { MIN_COVERAGE } from '../../../answers/search.ts';
import { corpusDirFromEnv } from '../../../corpus/load-corpus.ts';
import { faqEntryAnswer, missingCitations } from '../../../faq/faq-answer.ts';
import { FAQ_LIMITS, type FaqEntry } from '../../../faq/faq-entry.ts';
import { FaqError, type FaqStore } from '../../../faq/faq-store.ts';
import { findEntries } from '../../../faq/find-entries.ts';
import type { KnowledgeProvider } from '../../../knowledge/live-knowledge.ts';
import { LIMITS, truncate } from '../discord-limits.ts';
import { privately, quiet } from '../private-reply.ts';
import { renderAnswerMessage } from '../render-answer-message.ts';

export interface FaqContext {
  faq: FaqStore;
  knowledge: KnowledgeProvider;
}

const LIST_PAGE = 10;
const SEED_FILE = 'faq-seed.json';
const MAX_IMPORT_BYTES = 1_000_000;

type GuildInteraction = ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction | AutocompleteInteraction;

/** May this member change the FAQ? Manage Messages, or the moderator role the server set. */
export async function canEdit(interaction: GuildInteraction, faq: FaqStore): Promise<boolean> {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages)) return true;
  const role = interaction.guildId ? await faq.moderatorRole(interaction.guildId) : null;
  const roles = interaction.member?.roles;
  if (!role || !roles) return false;
  return Array.isArray(roles) ? roles.includes(role) : roles.cache.has(role);
}

function entryLine(e: FaqEntry): string {
  return truncate(`**#${e.id}** ${escapeMarkdown(e.question)}${e.citations.length > 0 ? ` · ${e.citations.length} source${e.citations.length > 1 ? 's' : ''}` : ''}`, 200);
}

function listMessage(entries: readonly FaqEntry[], offset: number, title: string) {
  const page = entries.slice(offset, offset + LIST_PAGE);
  const embed: APIEmbed = {
    title,
    description: page.length > 0 ? page.map(entryLine).join('\n') : 'No entries yet. Moderators add them with /faq-admin add (or /faq-admin seed).',
    footer: { text: entries.length > LIST_PAGE ? `${offset + 1}–${offset + page.length} of ${entries.length}` : `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}` },
  };
  const buttons = entries.length > LIST_PAGE
    ? [
        { type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, label: '◀ Previous', custom_id: `v1|faqlist|${Math.max(0, offset - LIST_PAGE)}`, disabled: offset === 0 },
        { type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, label: 'Next ▶', custom_id: `v1|faqlist|${offset + LIST_PAGE}`, disabled: offset + LIST_PAGE >= entries.length },
      ]
    : [];
  return { embeds: [embed], components: buttons.length > 0 ? [{ type: ComponentType.ActionRow as const, components: buttons }] : [], ...quiet };
}

function entryModal(customId: string, title: string, entry?: FaqEntry) {
  // Discord caps a text input's label at 45 characters and its placeholder at 100
  const input = (id: string, label: string, placeholder: string, style: TextInputStyle, max: number, required: boolean, value?: string) => ({
    type: ComponentType.ActionRow as const,
    components: [{ type: ComponentType.TextInput as const, custom_id: id, label, placeholder, style, max_length: max, required, ...(value ? { value } : {}) }],
  });
  return {
    custom_id: customId,
    title,
    components: [
      input('question', 'Question', 'As members ask it', TextInputStyle.Short, FAQ_LIMITS.question, true, entry?.question),
      input('answer', 'Short answer', 'Your summary; add the supporting quotes with /faq-admin cite', TextInputStyle.Paragraph, FAQ_LIMITS.answer, true, entry?.answer),
      input('review_by', 'Review by (optional)', 'YYYY-MM-DD', TextInputStyle.Short, 10, false, entry?.reviewBy ?? undefined),
    ],
  };
}

async function onFaq(interaction: ChatInputCommandInteraction, ctx: FaqContext, guildId: string): Promise<void> {
  const sub = interaction.options.getSubcommand();
  const entries = await ctx.faq.list(guildId);
  if (sub === 'show') {
    const typed = interaction.options.getString('question', true);
    const entry = findEntries(entries, typed, 1)[0];
    if (!entry) {
      await interaction.reply(privately(`No FAQ entry matches "${truncate(typed, 100)}". Try /faq search or /faq list.`));
      return;
    }
    const isPublic = interaction.options.getBoolean('public') === true;
    const message = renderAnswerMessage(faqEntryAnswer(await ctx.knowledge.get(), entry), { private: !isPublic, offset: 0, ...(isPublic ? { sharedBy: interaction.user.id } : {}) });
    await interaction.reply({ ...message, ...(isPublic ? {} : { flags: MessageFlags.Ephemeral }) });
  } else if (sub === 'list') {
    await interaction.reply({ ...listMessage(entries, 0, 'FAQ'), flags: MessageFlags.Ephemeral });
  } else if (sub === 'search') {
    const text = interaction.options.getString('text', true);
    await interaction.reply({ ...listMessage(findEntries(entries, text, 25), 0, truncate(`FAQ entries for “${escapeMarkdown(text)}”`, LIMITS.embedTitle)), flags: MessageFlags.Ephemeral });
  } else if (sub === 'history') {
    const history = await ctx.faq.history(guildId, interaction.options.getInteger('entry', true));
    const lines = history.map((h) => `rev ${h.revision} · ${escapeMarkdown(h.action)} · <@${h.actor}> · ${h.at.slice(0, 16).replace('T', ' ')} UTC — “${escapeMarkdown(truncate(h.snapshot.question, 60))}”`);
    await interaction.reply({ embeds: [{ title: `History of FAQ #${interaction.options.getInteger('entry', true)}`, description: truncate(lines.join('\n'), LIMITS.embedDescription) }], flags: MessageFlags.Ephemeral, ...quiet });
  }
}

async function onFaqAdmin(interaction: ChatInputCommandInteraction, ctx: FaqContext, guildId: string): Promise<void> {
  if (!(await canEdit(interaction, ctx.faq))) {
    await interaction.reply(privately('Sorry — only moderators (Manage Messages, or the FAQ moderator role) can change the FAQ.'));
    return;
  }
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand();
  const actor = interaction.user.id;
  const id = () => interaction.options.getInteger('entry', true);
  if (group === 'config') {
    const role = interaction.options.getRole('role');
    await ctx.faq.setModeratorRole(guildId, role?.id ?? null);
    await interaction.reply(privately(role ? `Members with <@&${role.id}> may now edit the FAQ.` : 'The FAQ moderator role is cleared: Manage Messages is needed to edit.'));
  } else if (sub === 'add') {
    await interaction.showModal(entryModal('v1|faqadd', 'New FAQ entry'));
  } else if (sub === 'edit') {
    const entry = await ctx.faq.get(guildId, id());
    await interaction.showModal(entryModal(`v1|faqedit|${entry.id}|${entry.revision}`, `Edit FAQ #${entry.id}`, entry));
  } else if (sub === 'remove') {
    await ctx.faq.remove(guildId, id(), actor);
    await interaction.reply(privately(`Removed FAQ #${id()}. Its history is kept: /faq-admin revert brings it back.`));
  } else if (sub === 'alias') {
    const entry = await ctx.faq.addAlias(guildId, id(), interaction.options.getString('alias', true), actor);
    await interaction.reply(privately(`FAQ #${entry.id} is also found as: ${entry.aliases.map((a) => `“${escapeMarkdown(a)}”`).join(', ')}.`));
  } else if (sub === 'cite') {
    const knowledge = await ctx.knowledge.get();
    const given = interaction.options.getString('passages');
    const search = interaction.options.getString('search');
    const ids = given
      ? given.split(/[\s,]+/).filter((p) => p !== '')
      : search
        ? knowledge.index.find(search).filter((h) => h.coverage >= MIN_COVERAGE).slice(0, 3).map((h) => h.id)
        : [];
    const unknown = ids.filter((p) => !knowledge.passageById.has(p));
    if (ids.length === 0 || unknown.length > 0) {
      await interaction.reply(privately(ids.length === 0 ? 'Give passage ids (as shown under quotes) or search words that find quotes.' : `Not in the corpus: ${unknown.join(', ')}. Nothing was changed.`));
      return;
    }
    const entry = await ctx.faq.cite(guildId, id(), ids, actor);
    await interaction.reply({ ...renderAnswerMessage(faqEntryAnswer(knowledge, entry), { private: true, offset: 0 }), content: `FAQ #${entry.id} now cites ${ids.length} passage(s).`, flags: MessageFlags.Ephemeral });
  } else if (sub === 'revert') {
    const entry = await ctx.faq.revert(guildId, id(), interaction.options.getInteger('revision', true), actor);
    await interaction.reply(privately(`FAQ #${entry.id} restored to revision ${interaction.options.getInteger('revision', true)} (now revision ${entry.revision}).`));
  } else if (sub === 'export') {
    const data = await ctx.faq.exportGuild(guildId);
    await interaction.reply({ content: `${data.entries.length} entries.`, files: [{ attachment: Buffer.from(`${JSON.stringify(data, null, 2)}\n`), name: `faq-${guildId}.json` }], flags: MessageFlags.Ephemeral, ...quiet });
  } else if (sub === 'import' || sub === 'seed') {
    let data: unknown;
    try {
      data = sub === 'seed' ? JSON.parse(readFileSync(join(corpusDirFromEnv(), SEED_FILE), 'utf8')) : await downloadJson(interaction);
    } catch (error) {
      await interaction.reply(privately(`Nothing was imported: ${(error as Error).message}`));
      return;
    }
    const report = await ctx.faq.importGuild(guildId, data, actor, { overwrite: interaction.options.getBoolean('overwrite') === true });
    await interaction.reply(privately(`Imported: ${report.added} added, ${report.updated} replaced, ${report.unchanged} already the same.`));
  } else if (sub === 'check') {
    const knowledge = await ctx.knowledge.get();
    const stale = (await ctx.faq.list(guildId)).flatMap((e) => missingCitations(knowledge, e).map((p) => `#${e.id} cites ${p}`));
    await interaction.reply(privately(stale.length === 0 ? 'Every cited passage is in the corpus.' : truncate(`Citations the corpus no longer has:\n${stale.join('\n')}`, LIMITS.content)));
  }
}

async function downloadJson(interaction: ChatInputCommandInteraction): Promise<unknown> {
  const file = interaction.options.getAttachment('file', true);
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`the file is over ${MAX_IMPORT_BYTES / 1_000_000} MB.`);
  const response = await fetch(file.url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the file could not be downloaded (HTTP ${response.status}).`);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('the file is not JSON.');
  }
}

/** Slash commands `/faq` and `/faq-admin`. FaqError messages are for the moderator and are shown as they are. */
export async function handleFaqCommand(interaction: ChatInputCommandInteraction, ctx: FaqContext): Promise<void> {
  const guildId = interaction.guildId;
  if (!guildId) {
    await interaction.reply(privately('The FAQ belongs to a server: use it there.'));
    return;
  }
  try {
    await (interaction.commandName === 'faq' ? onFaq(interaction, ctx, guildId) : onFaqAdmin(interaction, ctx, guildId));
  } catch (error) {
    if (!(error instanceof FaqError)) throw error;
    await interaction.reply(privately(error.message));
  }
}

export async function handleFaqAutocomplete(interaction: AutocompleteInteraction, ctx: FaqContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const entries = interaction.guildId ? findEntries(await ctx.faq.list(interaction.guildId), String(focused.value), 25) : [];
  const choices = entries.map((e) =>
    focused.name === 'entry' ? { name: truncate(`#${e.id} ${e.question}`, 100), value: e.id } : { name: truncate(e.question, 100), value: truncate(e.question, 100) },
  );
  await interaction.respond(choices);
}

/** The add and edit forms. An edit made on a revision that changed meanwhile is refused, so no change is lost. */
export async function handleFaqModal(interaction: ModalSubmitInteraction, ctx: FaqContext): Promise<void> {
  const guildId = interaction.guildId;
  if (!guildId || !(await canEdit(interaction, ctx.faq))) {
    await interaction.reply(privately('Sorry — only moderators can change the FAQ.'));
    return;
  }
  const [, kind, idText, revisionText] = interaction.customId.split('|');
  const fields = {
    question: interaction.fields.getTextInputValue('question'),
    answer: interaction.fields.getTextInputValue('answer'),
    reviewBy: interaction.fields.getTextInputValue('review_by').trim() || null,
  };
  try {
    let entry: FaqEntry;
    if (kind === 'faqedit') {
      const current = await ctx.faq.get(guildId, Number(idText));
      if (current.revision !== Number(revisionText)) {
        await interaction.reply(privately(`FAQ #${current.id} was changed by someone else while you edited it (now revision ${current.revision}). Your text was not saved — here it is to copy:\n${truncate(fields.answer, 1500)}`));
        return;
      }
      entry = await ctx.faq.edit(guildId, current.id, fields, interaction.user.id);
    } else entry = await ctx.faq.add(guildId, fields, interaction.user.id);
    const message = renderAnswerMessage(faqEntryAnswer(await ctx.knowledge.get(), entry), { private: true, offset: 0 });
    await interaction.reply({ ...message, content: `Saved FAQ #${entry.id} (revision ${entry.revision}).`, flags: MessageFlags.Ephemeral });
  } catch (error) {
    if (!(error instanceof FaqError)) throw error;
    await interaction.reply(privately(`${error.message.replace(/\.?$/, '.')} Nothing was saved — your answer, to copy:\n${truncate(fields.answer, 1500)}`));
  }
}

export async function handleFaqButton(interaction: ButtonInteraction, ctx: FaqContext): Promise<void> {
  const offset = Number(interaction.customId.split('|')[2] ?? '0');
  const entries = interaction.guildId ? await ctx.faq.list(interaction.guildId) : [];
  await interaction.update(listMessage(entries, Number.isInteger(offset) && offset >= 0 ? offset : 0, 'FAQ'));
}
