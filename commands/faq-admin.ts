/**
 * `/faq-admin` for moderators (Manage Messages, or the server's moderator role — checked on every use, whatever
 * Discord's command permissions say): add and edit through forms, remove, alias, cite, revert, export, import,
 * seed, check, and the moderator role. A separate command from `/faq` because Discord applies
 * `default_member_permissions` to a whole command. Refusals are polite and private.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { MessageFlags } from 'discord-api-types/v10';
import { MIN_COVERAGE } from '../src/answers/search.ts';
import { type Call, defineCommand, leaf, Refusal } from '../src/commands/declare.ts';
import { attachmentOption, booleanOption, integerOption, roleOption, stringOption } from '../src/commands/options.ts';
import { UserError } from '../src/errors/user-error.ts';
import { faqEntryAnswer, missingCitations } from '../src/faq/faq-answer.ts';
import { downloadFaqExport } from '../src/faq/faq-import-file.ts';
import { faqAvailable, faqScope, inServer, moderators } from '../src/interactions/faq/faq-gates.ts';
import { faqAddId, faqEditId } from '../src/interactions/faq/faq-ids.ts';
import { entryForm } from '../src/interactions/faq/faq-messages.ts';
import { LIMITS, truncate } from '../src/interactions/messages/discord-limits.ts';
import { privately } from '../src/interactions/messages/private-reply.ts';
import { linksOf } from '../src/interactions/quote-replies/answer-replies.ts';
import { renderAnswerMessage } from '../src/interactions/quote-replies/render-answer-message.ts';
import { entryChoices, entryOption } from './faq.ts';
/**
 * Imports an export (a file, or the starter FAQ) all or nothing, and says what happened. Whatever stopped the file
 * being read is the moderator's to know: it is refused as "Nothing was imported: …", and the store's own refusals
 * (FaqError) say so themselves.
 */
async function importFrom(call: Call, read: () => unknown, overwrite: boolean): Promise<void> {
  const { store, guildId } = faqScope(call);
  let data: unknown;
  try {
    data = await read();
  } catch (error) {
    const reason = `Nothing was imported: ${(error as Error).message}`;
    throw error instanceof UserError ? error.restated(reason) : new UserError(reason, { cause: error });
  }
  const report = await store.importGuild(guildId, data, call.user.id, { overwrite });
  await call.reply.send(privately(`Imported: ${report.added} added, ${report.updated} replaced, ${report.unchanged} already the same.`));
}

export default defineCommand({
  name: 'faq-admin',
  description: 'Curate this server’s FAQ (moderators).',
  gates: {
    cooldown: false,
    allowed: [
      faqAvailable,
      inServer,
      moderators('Sorry — only moderators (Manage Messages, or the FAQ moderator role) can change the FAQ.'),
    ],
  },
  subcommands: {
    add: leaf({
      description: 'Add an entry (opens a form)',
      options: {},
      handle: (_input, call) => call.reply.showForm(entryForm(faqAddId.encode({}), 'New FAQ entry')),
    }),
    edit: leaf({
      description: 'Edit an entry (opens a form)',
      options: { entry: entryOption },
      autocomplete: entryChoices,
      async handle({ entry }, call) {
        const { store, guildId } = faqScope(call);
        const current = await store.get(guildId, entry);
        await call.reply.showForm(
          entryForm(faqEditId.encode({ entry: current.id, revision: current.revision }), `Edit FAQ #${current.id}`, current),
        );
      },
    }),
    remove: leaf({
      description: 'Remove an entry (history is kept; revert restores it)',
      options: { entry: entryOption },
      autocomplete: entryChoices,
      async handle({ entry }, call) {
        const { store, guildId } = faqScope(call);
        await store.remove(guildId, entry, call.user.id);
        await call.reply.send(privately(`Removed FAQ #${entry}. Its history is kept: /faq-admin revert brings it back.`));
      },
    }),
    alias: leaf({
      description: 'Add another way of asking an entry’s question',
      options: { entry: entryOption, alias: stringOption({ description: 'The other wording', required: true, maxLength: 100 }) },
      autocomplete: entryChoices,
      async handle({ entry, alias }, call) {
        const { store, guildId } = faqScope(call);
        const changed = await store.addAlias(guildId, entry, alias, call.user.id);
        await call.reply.send(
          privately(`FAQ #${changed.id} is also found as: ${changed.aliases.map((a) => `“${escapeMarkdown(a)}”`).join(', ')}.`),
        );
      },
    }),
    cite: leaf({
      description: 'Set the passages an entry cites: by id, or the best quotes for a search',
      options: {
        entry: entryOption,
        passages: stringOption({
          description: 'Passage ids, e.g. "ap-how-the-hostage-deal-came-about#12 raanans-freed-2023-10-20#2"',
          maxLength: 1000,
        }),
        search: stringOption({ description: 'Cite the top quotes for these words instead', maxLength: 200 }),
      },
      autocomplete: entryChoices,
      async handle({ entry, passages, search }, call) {
        const { store, guildId } = faqScope(call);
        const knowledge = await call.services.knowledge.get();
        const ids = passages
          ? passages.split(/[\s,]+/).filter((p) => p !== '')
          : search
            ? knowledge.index
                .find(search)
                .filter((h) => h.coverage >= MIN_COVERAGE)
                .slice(0, 3)
                .map((h) => h.id)
            : [];
        const unknown = ids.filter((p) => !knowledge.passageById.has(p));
        if (ids.length === 0 || unknown.length > 0) {
          await call.reply.send(
            privately(
              ids.length === 0
                ? 'Give passage ids (as shown under quotes) or search words that find quotes.'
                : `Not in the corpus: ${unknown.join(', ')}. Nothing was changed.`,
            ),
          );
          return;
        }
        const changed = await store.cite(guildId, entry, ids, call.user.id);
        const message = renderAnswerMessage(faqEntryAnswer(knowledge, changed), { private: true, offset: 0, ...linksOf(call.services) });
        await call.reply.send({
          ...message,
          content: `FAQ #${changed.id} now cites ${ids.length} passage(s).`,
          flags: MessageFlags.Ephemeral,
        });
      },
    }),
    revert: leaf({
      description: 'Restore an entry as it was at a revision',
      options: {
        entry: entryOption,
        revision: integerOption({ description: 'Revision number (see /faq history)', required: true, min: 1 }),
      },
      autocomplete: entryChoices,
      async handle({ entry, revision }, call) {
        const { store, guildId } = faqScope(call);
        const restored = await store.revert(guildId, entry, revision, call.user.id);
        await call.reply.send(privately(`FAQ #${restored.id} restored to revision ${revision} (now revision ${restored.revision}).`));
      },
    }),
    export: leaf({
      description: 'Download this server’s FAQ as a JSON file',
      options: {},
      async handle(_input, call) {
        const { store, guildId } = faqScope(call);
        const data = await store.exportGuild(guildId);
        await call.reply.send({ ...privately(`${data.entries.length} entries.`) }, [
          { name: `faq-${guildId}.json`, data: Buffer.from(`${JSON.stringify(data, null, 2)}\n`) },
        ]);
      },
    }),
    import: leaf({
      description: 'Import an FAQ export file (all or nothing)',
      options: {
        file: attachmentOption({ description: 'A talks-bot FAQ export (.json)', required: true }),
        overwrite: booleanOption({
          description: 'Replace entries that differ from the file (default: report them and import nothing)',
        }),
      },
      handle: ({ file, overwrite }, call) => importFrom(call, () => downloadFaqExport(file), overwrite === true),
    }),
    seed: leaf({
      description: 'Import the starter FAQ shipped with the bot (all or nothing)',
      options: {},
      async handle(_input, call) {
        const { faqSeed } = call.services;
        if (!faqSeed) throw new Refusal('Nothing was imported: this bot has no starter FAQ.', { identifier: 'no-faq-seed' });
        await importFrom(call, faqSeed, false);
      },
    }),
    check: leaf({
      description: 'List entries citing passages the corpus no longer has',
      options: {},
      async handle(_input, call) {
        const { store, guildId } = faqScope(call);
        const knowledge = await call.services.knowledge.get();
        const stale = (await store.list(guildId)).flatMap((e) => missingCitations(knowledge, e).map((p) => `#${e.id} cites ${p}`));
        await call.reply.send(
          privately(
            stale.length === 0
              ? 'Every cited passage is in the corpus.'
              : truncate(`Citations the corpus no longer has:\n${stale.join('\n')}`, LIMITS.content),
          ),
        );
      },
    }),
  },
  groups: {
    config: {
      description: 'FAQ settings for this server',
      subcommands: {
        'moderator-role': leaf({
          description: 'Set (or clear) the role whose members may edit the FAQ',
          options: { role: roleOption({ description: 'Leave empty to clear' }) },
          async handle({ role }, call) {
            const { store, guildId } = faqScope(call);
            await store.setModeratorRole(guildId, role?.id ?? null);
            await call.reply.send(
              privately(
                role
                  ? `Members with <@&${role.id}> may now edit the FAQ.`
                  : 'The FAQ moderator role is cleared: Manage Messages is needed to edit.',
              ),
            );
          },
        }),
      },
    },
  },
});
