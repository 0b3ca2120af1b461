/**
 * The FAQ's buttons and forms: Previous/Next on the entry list, and the add and edit forms. An edit made on a
 * revision that changed meanwhile is refused and the moderator's text handed back to copy, so no change is lost.
 */
import { MessageFlags } from 'discord-api-types/v10';
import { faqEntryAnswer } from '../../faq/faq-answer.ts';
import type { FaqEntry } from '../../faq/faq-entry.ts';
import { asSentence, UserError } from '../../errors/user-error.ts';
import { FaqError } from '../../faq/faq-store.ts';
import { linksOf } from '../quote-replies/answer-replies.ts';
import { renderAnswerMessage } from '../quote-replies/render-answer-message.ts';
import type { Call } from '../../commands/declare.ts';
import { type Button, button, type Form, form } from '../components.ts';
import { truncate } from '../messages/discord-limits.ts';
import { faqAvailable, faqScope, moderators } from './faq-gates.ts';
import { faqAddId, faqEditId, faqListId } from './faq-ids.ts';
import { listMessage } from './faq-messages.ts';

const FORM_REFUSAL = 'Sorry — only moderators can change the FAQ.';

interface EntryFields {
  question: string;
  answer: string;
  reviewBy: string | null;
}

const fieldsOf = (typed: Readonly<Record<string, string>>): EntryFields => ({
  question: typed.question ?? '',
  answer: typed.answer ?? '',
  reviewBy: (typed.review_by ?? '').trim() || null,
});

/**
 * Saves a form's entry and shows it. `save` returns the saved entry, or throws a UserError saying why it was not
 * saved; a FaqError is restated with the moderator's text handed back, since nothing was saved. The dispatcher tells
 * either privately.
 */
async function saveEntry(call: Call, fields: EntryFields, save: () => Promise<FaqEntry> | FaqEntry): Promise<void> {
  let entry: FaqEntry;
  try {
    entry = await save();
  } catch (error) {
    if (error instanceof FaqError)
      throw error.restated(`${asSentence(error.message)} Nothing was saved — your answer, to copy:\n${truncate(fields.answer, 1500)}`);
    throw error;
  }
  const message = renderAnswerMessage(faqEntryAnswer(await call.services.knowledge.get(), entry), {
    private: true,
    offset: 0,
    ...linksOf(call.services),
  });
  await call.reply.send({ ...message, content: `Saved FAQ #${entry.id} (revision ${entry.revision}).`, flags: MessageFlags.Ephemeral });
}

const formGates = { cooldown: false, allowed: [faqAvailable, moderators(FORM_REFUSAL)] };

/** The FAQ's list page button, add form and edit form. */
export const FAQ_COMPONENTS: ReadonlyArray<Button<unknown> | Form<unknown>> = [
  button({
    id: faqListId,
    gates: { cooldown: false, allowed: [faqAvailable] },
    async handle({ offset }, _message, call) {
      const { faq } = call.services;
      const entries = faq && call.guildId ? await faq.list(call.guildId) : [];
      await call.reply.update(listMessage(entries, offset, 'FAQ'));
    },
  }),
  form({
    id: faqAddId,
    gates: formGates,
    async handle(_value, typed, call) {
      const { store, guildId } = faqScope(call);
      const fields = fieldsOf(typed);
      await saveEntry(call, fields, () => store.add(guildId, fields, call.user.id));
    },
  }),
  form({
    id: faqEditId,
    gates: formGates,
    async handle({ entry, revision }, typed, call) {
      const { store, guildId } = faqScope(call);
      const fields = fieldsOf(typed);
      await saveEntry(call, fields, async () => {
        const current = await store.get(guildId, entry);
        if (current.revision !== revision) {
          throw new UserError(
            `FAQ #${current.id} was changed by someone else while you edited it (now revision ${current.revision}). Your text was not saved — here it is to copy:\n${truncate(fields.answer, 1500)}`,
            {
              identifier: 'faq-edit-conflict',
              context: { entry: current.id, revision: current.revision },
            },
          );
        }
        return store.edit(guildId, current.id, fields, call.user.id);
      });
    },
  }),
];
