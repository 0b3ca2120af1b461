/**
 * `/source-admin` on Discord: a moderator attaches a saved page or gives a link and sees a private preview (title,
 * outlet, authors, date and its evidence, what was kept and dropped, the first paragraphs) with Add, Edit details
 * and Cancel (source-admin-components.ts); `remove` takes a source out. It is separate from the public `/source`
 * because Discord's `default_member_permissions` applies to a whole command.
 */
import { choicesMatching } from '../src/answers/choices.ts';
import { defineCommand, leaf, type Services, textChoices } from '../src/commands/declare.ts';
import { type Attachment, attachmentOption, stringOption } from '../src/commands/options.ts';
import { CorpusChangeError } from '../src/corpus/corpus-changes.ts';
import { asSentence } from '../src/errors/user-error.ts';
import { FetchPageError, fetchPage } from '../src/ingest/fetch/fetch-page.ts';
import { IngestError } from '../src/ingest/ingest-error.ts';
import { authorOf, editorOf, plain, reloadLine, SOURCE_ADMIN_GATES } from '../src/interactions/sources/source-admin-gates.ts';
import { previewMessage } from '../src/interactions/sources/source-preview-message.ts';
import type { SourcePreview } from '../src/serving/corpus-editor.ts';
const MAX_FILE_BYTES = 2_000_000;

/** The page behind a file or a link, as text. Throws FetchPageError or IngestError with a message for the moderator. */
async function downloadPage(
  { fetch }: Pick<Services, 'fetch'>,
  file: Attachment | undefined,
  link: string | undefined,
): Promise<{ raw: string; name: string; url?: string }> {
  if (file && link) throw new IngestError('give either a file or a link, not both');
  if (file) {
    if (file.size > MAX_FILE_BYTES) throw new IngestError(`the file is over ${MAX_FILE_BYTES / 1_000_000} MB`);
    if (!/\.(?:txt|text|html?|xhtml)$/i.test(file.filename) && !/^(?:text\/|application\/xhtml)/.test(file.content_type ?? '')) {
      throw new IngestError('attach the page as text (.txt) or HTML (.html), as a browser saves it');
    }
    const page = await fetchPage(file.url, { ...fetch, maxBytes: MAX_FILE_BYTES });
    return { raw: page.body, name: file.filename };
  }
  if (link) {
    const page = await fetchPage(link, fetch);
    return { raw: page.body, name: new URL(page.url).hostname, url: page.url };
  }
  throw new IngestError('attach the saved page (file) or give its link');
}

export default defineCommand({
  name: 'source-admin',
  description: 'Add or remove corpus articles (moderators of the corpus editors’ servers).',
  gates: SOURCE_ADMIN_GATES,
  subcommands: {
    add: leaf({
      description: 'Preview an article from a saved page (text or HTML) or a link, then add it',
      options: {
        file: attachmentOption({ description: 'The page saved from a browser (.txt or .html)' }),
        link: stringOption({ description: 'Or: the article’s address (http or https)', maxLength: 2000 }),
      },
      async handle({ file, link }, call) {
        const editor = editorOf(call);
        await call.reply.defer({ private: true });
        let preview: SourcePreview;
        try {
          const page = await downloadPage(call.services, file, link);
          preview = editor.preview(page.raw, page.name, page.url ? { url: page.url } : {});
        } catch (error) {
          // the refusal in this command's words; the dispatcher tells it (as the deferred reply's edit)
          if (error instanceof FetchPageError || error instanceof IngestError)
            throw error.restated(`Nothing was added: ${asSentence(error.message)}`);
          throw error;
        }
        const key = call.services.drafts.put({ prepared: preview, owner: call.user.id, guild: call.guildId ?? '' });
        await call.reply.send(previewMessage(preview, key));
      },
    }),
    remove: leaf({
      description: 'Take an article out of the corpus (its file is kept in removed/)',
      options: {
        id: stringOption({ description: 'The source id (type to search)', required: true, autocomplete: true, maxLength: 100 }),
      },
      autocomplete: (_option, typed, { call }) => {
        const editor = call?.services.editor;
        return textChoices(choicesMatching(editor ? [...editor.live.current().sourceById.keys()] : [], typed));
      },
      async handle({ id }, call) {
        const editor = editorOf(call);
        await call.reply.defer({ private: true });
        try {
          const { movedTo, reload } = await editor.remove(id, authorOf(call));
          const kept = movedTo.split(/[\\/]/).slice(-2).join('/');
          await call.reply.send(plain(`Removed \`${id}\` from the corpus (its file is kept as \`${kept}\`). ${reloadLine(reload)}`));
        } catch (error) {
          if (!(error instanceof CorpusChangeError)) throw error;
          await call.reply.send(plain(`Nothing was removed: ${error.message}`));
        }
      },
    }),
  },
});
