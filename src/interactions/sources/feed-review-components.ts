/**
 * Add, Edit details and Reject under a followed feed's review message, and its details form. The item waits in the
 * feed store (not in memory), so the buttons work after a restart and on any process sharing the database; each item
 * is decided once — a second click, or another moderator's, is told who decided first. Add and Reject are lines in
 * the corpus change log with the feed and the article's address; Add reloads the corpus so the article can be asked
 * about at once.
 */
import { IngestError } from '../../ingest/ingest-error.ts';
import { asSentence } from '../../errors/user-error.ts';
import type { FeedItemRecord, FeedStore } from '../../feeds/feed-store.ts';
import type { CorpusEditor, SourcePreview } from '../../serving/corpus-editor.ts';
import type { Call } from '../../commands/declare.ts';
import { type Button, button, type Form, form } from '../components.ts';
import { authorOf, editorOf, feedsOf, reloadLine, SOURCE_ADMIN_GATES } from './source-admin-gates.ts';
import { feedItemButtonId, feedItemFormId } from './source-ids.ts';
import { decidedMessage, reviewMessage } from './feed-review-message.ts';
import { detailsChanges, detailsForm } from './source-details-form.ts';

/** What a moderator is told about an item no longer waiting. */
function alreadyDecided(item: FeedItemRecord | null): string {
  if (!item) return 'This item is no longer in the review queue.';
  const by = item.decidedBy && /^\d+$/.test(item.decidedBy) ? ` by <@${item.decidedBy}>` : '';
  if (item.state === 'added') return `This item was already added${item.sourceId ? ` as \`${item.sourceId}\`` : ''}${by}.`;
  if (item.state === 'rejected') return `This item was already rejected${by}.`;
  if (item.state === 'adding') return `This item is being added${by} right now.`;
  return `This item is no longer waiting for review (${item.state}).`;
}

/** The waiting item and its article prepared again, or null when it no longer waits (the message then says why). */
async function waiting(
  call: Call,
  id: number,
): Promise<{ feeds: FeedStore; editor: CorpusEditor; item: FeedItemRecord; preview: SourcePreview } | null> {
  const editor = editorOf(call);
  const feeds = feedsOf(call);
  const guild = call.guildId ?? '';
  const item = await feeds.item(guild, id);
  const draft = item?.state === 'queued' ? await feeds.draft(guild, id) : null;
  if (!item || !draft) {
    await call.reply.update(decidedMessage(item ?? placeholder(id), null, { state: 'gone', why: alreadyDecided(item) }));
    return null;
  }
  try {
    return { feeds, editor, item, preview: editor.preview(draft.raw, draft.rawName, draft.options) };
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    // the corpus changed since: the article is in it now (added by hand, or from another feed)
    await feeds.decide(
      guild,
      id,
      { state: /already in the corpus/.test(error.message) ? 'duplicate' : 'rejected', by: call.user.id, reason: error.message },
      new Date(),
    );
    await call.reply.update(decidedMessage(item, null, { state: 'gone', why: `Nothing was added: ${asSentence(error.message)}` }));
    return null;
  }
}

const placeholder = (id: number): FeedItemRecord => ({
  id,
  guildId: '',
  feedUrl: '',
  key: '',
  link: '',
  title: null,
  published: null,
  state: 'rejected',
  reason: '',
  sourceId: null,
  reviewMessageId: null,
  seenAt: '',
  decidedBy: null,
  decidedAt: null,
});

export const FEED_REVIEW_COMPONENTS: ReadonlyArray<Button<unknown> | Form<unknown>> = [
  button({
    id: feedItemButtonId,
    gates: SOURCE_ADMIN_GATES,
    async handle({ action, id }, _message, call) {
      if (action === 'edit') {
        const found = await waiting(call, id);
        if (found) await call.reply.showForm(detailsForm(feedItemFormId.encode({ id }), found.preview));
        return;
      }
      await call.reply.deferUpdate();
      const found = await waiting(call, id);
      if (!found) return;
      const { feeds, editor, item, preview } = found;
      const guild = call.guildId ?? '';
      const from = { feed: item.feedUrl, link: item.link };
      if (action === 'reject') {
        if (!(await feeds.decide(guild, id, { state: 'rejected', by: call.user.id }, new Date()))) {
          await call.reply.update(decidedMessage(item, preview, { state: 'gone', why: alreadyDecided(await feeds.item(guild, id)) }));
          return;
        }
        await editor.recordRejection(preview, authorOf(call), from);
        await call.reply.update(decidedMessage(item, preview, { state: 'rejected', by: call.user.id }));
        return;
      }
      // claimed first, so that an Add and a Reject (or two Adds) at once decide the item once
      if (!(await feeds.claim(guild, id, call.user.id, new Date()))) {
        await call.reply.update(decidedMessage(item, preview, { state: 'gone', why: alreadyDecided(await feeds.item(guild, id)) }));
        return;
      }
      try {
        const added = await editor.add(preview, authorOf(call), from);
        await feeds.finish(guild, id, call.user.id, { state: 'added', sourceId: added.id }, new Date());
        await call.reply.update(
          decidedMessage(item, preview, { state: 'added', by: call.user.id, sourceId: added.id, reloadLine: reloadLine(added.reload) }),
        );
      } catch (error) {
        if (!(error instanceof IngestError)) {
          await feeds.release(guild, id, call.user.id);
          throw error;
        }
        if (/already in the corpus/.test(error.message)) {
          // the corpus has it now (added by hand, or from another feed): nothing is left to review
          await feeds.finish(guild, id, call.user.id, { state: 'duplicate', sourceId: null, reason: error.message }, new Date());
          await call.reply.update(decidedMessage(item, preview, { state: 'gone', why: `Nothing was added: ${asSentence(error.message)}` }));
          return;
        }
        await feeds.release(guild, id, call.user.id);
        // the message stays as it was, buttons and all: Edit details can fix what was refused (a taken id)
        await call.reply.update({ ...reviewMessage(item, preview), content: `Nothing was added: ${asSentence(error.message)}` });
      }
    },
  }),
  form({
    id: feedItemFormId,
    gates: SOURCE_ADMIN_GATES,
    async handle({ id }, typed, call) {
      const found = await waiting(call, id);
      if (!found) return;
      const { feeds, editor, item, preview } = found;
      let revised: SourcePreview;
      try {
        revised = editor.revise(preview, detailsChanges(typed));
      } catch (error) {
        if (error instanceof IngestError)
          throw error.restated(`Those details were not accepted: ${asSentence(error.message)} The item is unchanged.`);
        throw error;
      }
      if (!(await feeds.updateDraft(call.guildId ?? '', id, { raw: revised.raw, rawName: revised.rawName, options: revised.options }))) {
        await call.reply.update(
          decidedMessage(item, null, { state: 'gone', why: alreadyDecided(await feeds.item(call.guildId ?? '', id)) }),
        );
        return;
      }
      await call.reply.update(reviewMessage(item, revised));
    },
  }),
];
