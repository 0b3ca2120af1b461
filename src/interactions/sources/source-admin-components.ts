/**
 * Add, Edit details and Cancel under a source preview, and the details form. Add writes the source and reloads
 * the corpus, so the moderator can ask about it at once; the form prepares the preview again with the
 * moderator's corrections and shows it in place. A preview that expired (30 minutes) or is someone else's says
 * to start again; nothing has been written by then.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { MessageFlags } from 'discord-api-types/v10';
import type { SourcePreview } from '../../serving/corpus-editor.ts';
import { asSentence } from '../../errors/user-error.ts';
import { IngestError } from '../../ingest/ingest-error.ts';
import { type Button, button, type Form, form } from '../components.ts';
import { truncate } from '../messages/discord-limits.ts';
import { privately } from '../messages/private-reply.ts';
import { authorOf, editorOf, plain, reloadLine, SOURCE_ADMIN_GATES } from './source-admin-gates.ts';
import { sourceButtonId, sourceFormId } from './source-ids.ts';
import { previewMessage } from './source-preview-message.ts';
import { detailsChanges, detailsForm } from './source-details-form.ts';

const EXPIRED = 'This preview has expired (or is someone else’s): run /source-admin add again. Nothing was added.';

/** The Add, Edit details and Cancel buttons under a preview, and the details form. */
export const SOURCE_ADMIN_COMPONENTS: ReadonlyArray<Button<unknown> | Form<unknown>> = [
  button({
    id: sourceButtonId,
    gates: SOURCE_ADMIN_GATES,
    async handle({ action, key }, _message, call) {
      const editor = editorOf(call);
      const draft = await call.services.drafts.get(key, call.user.id);
      if (!draft) {
        await call.reply.update(plain(EXPIRED));
        return;
      }
      if (action === 'cancel') {
        await call.services.drafts.delete(key);
        await call.reply.update(plain('Cancelled: nothing was added.'));
        return;
      }
      if (action === 'edit') {
        await call.reply.showForm(detailsForm(sourceFormId.encode({ key }), draft.prepared));
        return;
      }
      await call.reply.deferUpdate();
      try {
        const { id, reload } = await editor.add(draft.prepared, authorOf(call));
        await call.services.drafts.delete(key);
        const title = draft.prepared.prepared.meta.title;
        const ask = title ? ` Ask about it now, e.g. \`/search ${escapeMarkdown(truncate(title, 80))}\`.` : '';
        await call.reply.update(plain(`Added \`${id}\` to the corpus. ${reloadLine(reload)}${reload.ok ? ask : ''}`));
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        // not left to the dispatcher, which would tell it in a new message: the preview gives way to the refusal,
        // its Add button with it
        await call.reply.update(plain(`Nothing was added: ${asSentence(error.message)}`));
      }
    },
  }),
  form({
    id: sourceFormId,
    gates: SOURCE_ADMIN_GATES,
    async handle({ key }, typed, call) {
      const editor = editorOf(call);
      const draft = await call.services.drafts.get(key, call.user.id);
      if (!draft) {
        await call.reply.send(privately('This preview has expired: run /source-admin add again. Nothing was added.'));
        return;
      }
      const changes = detailsChanges(typed);
      let revised: SourcePreview;
      try {
        revised = editor.revise(draft.prepared, changes);
      } catch (error) {
        // the refusal in this form's words; the dispatcher tells it
        if (error instanceof IngestError)
          throw error.restated(`Those details were not accepted: ${asSentence(error.message)} The preview is unchanged.`);
        throw error;
      }
      await call.services.drafts.update(key, revised);
      if (call.message) await call.reply.update(previewMessage(revised, key));
      else await call.reply.send({ ...previewMessage(revised, key), flags: MessageFlags.Ephemeral });
    },
  }),
];
