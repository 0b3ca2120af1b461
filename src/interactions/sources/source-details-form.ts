/**
 * The "Article details" form a moderator corrects a previewed article with (headline, outlet, authors, date and how
 * it is known), and what its answers change. The `/source-admin add` preview and a followed feed's review message
 * open the same form; only its custom_id differs.
 *
 * @example
 * await call.reply.showForm(detailsForm(sourceFormId.encode({ key }), preview));
 * const revised = editor.revise(preview, detailsChanges(typed));
 */
import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { IngestOptions } from '../../ingest/ingest-source.ts';
import type { SourcePreview } from '../../serving/corpus-editor.ts';
import { textInputRow } from '../messages/text-input.ts';

/** The details form under `customId`, filled with what the preview read. */
export function detailsForm(customId: string, preview: SourcePreview): APIModalInteractionResponseCallbackData {
  const meta = preview.prepared.meta;
  const input = (id: string, label: string, style: 'short' | 'paragraph', max: number, value: string | null, placeholder: string) =>
    textInputRow({ id, label, placeholder, style, max, required: false, value });
  return {
    custom_id: customId,
    title: 'Article details',
    components: [
      input('title', 'Headline', 'short', 300, meta.title, 'As the page shows it'),
      input('outlet', 'Outlet', 'short', 100, meta.outlet, 'Who published it (empty: unknown)'),
      input('authors', 'Authors', 'short', 300, meta.authors.join(', '), 'Names, separated by commas'),
      input('published', 'Published (YYYY-MM-DD)', 'short', 10, meta.published, 'Empty: unknown'),
      input(
        'evidence',
        'How the date is known',
        'paragraph',
        300,
        meta.published_basis.evidence,
        'The line of the page that gives the date',
      ),
    ],
  };
}

/**
 * The corrections typed in the form, as ingest options: an empty headline or outlet keeps what the page gave, a date
 * given is stated by the moderator.
 */
export function detailsChanges(typed: Readonly<Record<string, string>>): IngestOptions {
  const field = (id: string) => (typed[id] ?? '').trim();
  const published = field('published');
  return {
    title: field('title') || undefined,
    outlet: field('outlet') || undefined,
    authors: field('authors')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    ...(published
      ? {
          published,
          publishedBasis: 'stated' as const,
          evidence: field('evidence') || 'given by the moderator who added it from Discord',
        }
      : {}),
  };
}
