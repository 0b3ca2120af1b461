/**
 * `/source-admin` on Discord: a moderator attaches a saved page or gives a link, sees a private preview (title,
 * outlet, authors, date and its evidence, what was kept and dropped, the first paragraphs) with Add, Edit details
 * and Cancel; Add writes the source and reloads the corpus. `remove` takes a source out. The corpus is shared by
 * every server the bot is in, so only moderators of the servers named in `CORPUS_EDITOR_GUILDS` may change it —
 * checked on every action, whatever Discord's command permissions say.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  ComponentType,
  escapeMarkdown,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  TextInputStyle,
} from 'discord.js';
import { choicesMatching } from '../../../commands/choices.ts';
import { type ChangeAuthor, CorpusChangeError } from '../../../corpus/corpus-changes.ts';
import type { CorpusEditor, SourcePreview } from '../../../corpus/corpus-editor.ts';
import type { SourceDrafts } from '../../../corpus/source-drafts.ts';
import type { FaqStore } from '../../../faq/faq-store.ts';
import { type FetchPageOptions, FetchPageError, fetchPage } from '../../../ingest/fetch-page.ts';
import { IngestError, type IngestOptions } from '../../../ingest/ingest-source.ts';
import type { ReloadResult } from '../../../knowledge/live-knowledge.ts';
import { canEdit } from '../faq/faq-interactions.ts';
import { truncate } from '../discord-limits.ts';
import { privately, quiet } from '../private-reply.ts';
import { SOURCE_FORM_PREFIX, sourceFormId } from './source-custom-ids.ts';
import { previewMessage } from './source-preview-message.ts';

export interface SourceAdminContext {
  /** Null when adding from Discord is off (no `CORPUS_EDITOR_GUILDS` and no `DISCORD_GUILD_ID`). */
  editor: CorpusEditor | null;
  editorGuilds: readonly string[];
  drafts: SourceDrafts<SourcePreview>;
  /** How links and attachments are fetched (size cap, timeout; tests allow loopback). */
  fetch: FetchPageOptions;
  /** For the FAQ moderator role, which also lets a member change the corpus. */
  faq?: FaqStore;
}

/** What an edit or answer of a preview message says, with nothing else on it. */
const plain = (content: string) => ({ content: truncate(content, 2000), embeds: [], components: [], ...quiet });
const MAX_FILE_BYTES = 2_000_000;

type GuildInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** Why this member may not change the corpus here, or null when they may. */
async function refusal(interaction: GuildInteraction, ctx: SourceAdminContext): Promise<string | null> {
  if (!ctx.editor || ctx.editorGuilds.length === 0) {
    return 'Adding and removing articles from Discord is turned off on this bot. Its operator can allow it for a server with the CORPUS_EDITOR_GUILDS setting.';
  }
  if (!interaction.guildId || !ctx.editorGuilds.includes(interaction.guildId)) {
    return 'The corpus is shared by every server this bot is in, so only moderators of the servers its operator named can change it — this server is not one of them.';
  }
  const moderator = ctx.faq ? await canEdit(interaction, ctx.faq) : interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) === true;
  return moderator ? null : 'Sorry — only moderators (Manage Messages, or the FAQ moderator role) can change the corpus.';
}

const authorOf = (interaction: GuildInteraction): ChangeAuthor => ({ by: 'discord', user: interaction.user.id, guild: interaction.guildId ?? '' });

function reloadLine(reload: ReloadResult): string {
  if (!reload.ok) return `The corpus did not reload: ${reload.error}. The bot keeps answering from the previous corpus until that is fixed.`;
  return `The corpus now has ${reload.sources} sources and ${reload.passages} passages (reloaded in ${reload.ms} ms).`;
}

/** The page behind a file or a link, as text. Throws FetchPageError or IngestError with a message for the moderator. */
async function downloadPage(interaction: ChatInputCommandInteraction, ctx: SourceAdminContext): Promise<{ raw: string; name: string; url?: string }> {
  const file = interaction.options.getAttachment('file');
  const link = interaction.options.getString('link')?.trim();
  if (file && link) throw new IngestError('give either a file or a link, not both');
  if (file) {
    if (file.size > MAX_FILE_BYTES) throw new IngestError(`the file is over ${MAX_FILE_BYTES / 1_000_000} MB`);
    if (!/\.(?:txt|text|html?|xhtml)$/i.test(file.name) && !/^(?:text\/|application\/xhtml)/.test(file.contentType ?? '')) {
      throw new IngestError('attach the page as text (.txt) or HTML (.html), as a browser saves it');
    }
    const page = await fetchPage(file.url, { ...ctx.fetch, maxBytes: MAX_FILE_BYTES });
    return { raw: page.body, name: file.name };
  }
  if (link) {
    const page = await fetchPage(link, ctx.fetch);
    return { raw: page.body, name: new URL(page.url).hostname, url: page.url };
  }
  throw new IngestError('attach the saved page (file) or give its link');
}

async function onAdd(interaction: ChatInputCommandInteraction, ctx: SourceAdminContext, editor: CorpusEditor): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let preview: SourcePreview;
  try {
    const page = await downloadPage(interaction, ctx);
    preview = editor.preview(page.raw, page.name, page.url ? { url: page.url } : {});
  } catch (error) {
    if (!(error instanceof FetchPageError || error instanceof IngestError)) throw error;
    await interaction.editReply(plain(`Nothing was added: ${error.message.replace(/\.?$/, '.')}`));
    return;
  }
  const key = ctx.drafts.put({ prepared: preview, owner: interaction.user.id, guild: interaction.guildId ?? '' });
  await interaction.editReply(previewMessage(preview, key));
}

async function onRemove(interaction: ChatInputCommandInteraction, editor: CorpusEditor): Promise<void> {
  const id = interaction.options.getString('id', true).trim();
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const { movedTo, reload } = await editor.remove(id, authorOf(interaction));
    const kept = movedTo.split(/[\\/]/).slice(-2).join('/');
    await interaction.editReply(plain(`Removed \`${id}\` from the corpus (its file is kept as \`${kept}\`). ${reloadLine(reload)}`));
  } catch (error) {
    if (!(error instanceof CorpusChangeError)) throw error;
    await interaction.editReply(plain(`Nothing was removed: ${error.message}`));
  }
}

/** `/source-admin add|remove`. */
export async function handleSourceAdminCommand(interaction: ChatInputCommandInteraction, ctx: SourceAdminContext): Promise<void> {
  const refused = await refusal(interaction, ctx);
  if (refused || !ctx.editor) {
    await interaction.reply(privately(refused ?? 'Adding from Discord is off.'));
    return;
  }
  if (interaction.options.getSubcommand() === 'add') await onAdd(interaction, ctx, ctx.editor);
  else await onRemove(interaction, ctx.editor);
}

/** Source ids for `/source-admin remove id:`. */
export async function handleSourceAdminAutocomplete(interaction: AutocompleteInteraction, ctx: SourceAdminContext): Promise<void> {
  const ids = ctx.editor ? [...ctx.editor.live.current().sourceById.keys()] : [];
  await interaction.respond(choicesMatching(ids, String(interaction.options.getFocused())).map((id) => ({ name: id, value: id })));
}

/** The details form, filled with what the preview read. */
function detailsForm(key: string, preview: SourcePreview) {
  const meta = preview.prepared.meta;
  const input = (id: string, label: string, style: TextInputStyle, max: number, value: string | null, placeholder: string) => ({
    type: ComponentType.ActionRow as const,
    components: [{ type: ComponentType.TextInput as const, custom_id: id, label, style, max_length: max, required: false, placeholder, ...(value ? { value: value.slice(0, max) } : {}) }],
  });
  return {
    custom_id: sourceFormId(key),
    title: 'Article details',
    components: [
      input('title', 'Headline', TextInputStyle.Short, 300, meta.title, 'As the page shows it'),
      input('outlet', 'Outlet', TextInputStyle.Short, 100, meta.outlet, 'Who published it (empty: unknown)'),
      input('authors', 'Authors', TextInputStyle.Short, 300, meta.authors.join(', '), 'Names, separated by commas'),
      input('published', 'Published (YYYY-MM-DD)', TextInputStyle.Short, 10, meta.published, 'Empty: unknown'),
      input('evidence', 'How the date is known', TextInputStyle.Paragraph, 300, meta.published_basis.evidence, 'The line of the page that gives the date'),
    ],
  };
}

/** Add, Edit details and Cancel under a preview. */
export async function handleSourceAdminButton(interaction: ButtonInteraction, ctx: SourceAdminContext): Promise<void> {
  const [, , action, key = ''] = interaction.customId.split('|');
  const draft = ctx.drafts.get(key, interaction.user.id);
  const refused = await refusal(interaction, ctx);
  if (refused || !ctx.editor) {
    await interaction.reply(privately(refused ?? 'Adding from Discord is off.'));
    return;
  }
  if (!draft) {
    await interaction.update(plain('This preview has expired (or is someone else’s): run /source-admin add again. Nothing was added.'));
    return;
  }
  if (action === 'cancel') {
    ctx.drafts.delete(key);
    await interaction.update(plain('Cancelled: nothing was added.'));
  } else if (action === 'edit') {
    await interaction.showModal(detailsForm(key, draft.prepared));
  } else if (action === 'add') {
    await interaction.deferUpdate();
    try {
      const { id, reload } = await ctx.editor.add(draft.prepared, authorOf(interaction));
      ctx.drafts.delete(key);
      const ask = draft.prepared.prepared.meta.title ? ` Ask about it now, e.g. \`/search ${escapeMarkdown(truncate(draft.prepared.prepared.meta.title, 80))}\`.` : '';
      await interaction.editReply(plain(`Added \`${id}\` to the corpus. ${reloadLine(reload)}${reload.ok ? ask : ''}`));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      await interaction.editReply(plain(`Nothing was added: ${error.message.replace(/\.?$/, '.')}`));
    }
  } else {
    await interaction.reply(privately('This button is from an older version of the bot: run /source-admin add again.'));
  }
}

/** The details form: the preview is prepared again with the moderator's corrections and shown in place. */
export async function handleSourceAdminForm(interaction: ModalSubmitInteraction, ctx: SourceAdminContext): Promise<void> {
  const key = interaction.customId.slice(SOURCE_FORM_PREFIX.length);
  const draft = ctx.drafts.get(key, interaction.user.id);
  const refused = await refusal(interaction, ctx);
  if (refused || !ctx.editor || !draft) {
    await interaction.reply(privately(refused ?? 'This preview has expired: run /source-admin add again. Nothing was added.'));
    return;
  }
  const field = (id: string) => interaction.fields.getTextInputValue(id).trim();
  const published = field('published');
  const changes: IngestOptions = {
    title: field('title') || undefined,
    outlet: field('outlet') || undefined,
    authors: field('authors').split(',').map((a) => a.trim()).filter((a) => a !== ''),
    ...(published ? { published, publishedBasis: 'stated' as const, evidence: field('evidence') || 'given by the moderator who added it from Discord' } : {}),
  };
  let revised: SourcePreview;
  try {
    revised = ctx.editor.revise(draft.prepared, changes);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    await interaction.reply(privately(`Those details were not accepted: ${error.message.replace(/\.?$/, '.')} The preview is unchanged.`));
    return;
  }
  ctx.drafts.update(key, revised);
  if (interaction.isFromMessage()) await interaction.update(previewMessage(revised, key));
  else await interaction.reply({ ...previewMessage(revised, key), flags: MessageFlags.Ephemeral });
}
