/**
 * The private preview a moderator sees before an article joins the corpus: what the bot read (headline, outlet,
 * authors, date and the line it rests on), what it kept and dropped and why, the first paragraphs as they will be
 * quoted — and the Add, Edit details and Cancel buttons. Everything from the page is markdown-escaped and nothing
 * can ping.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { SourcePreview } from '../../serving/corpus-editor.ts';
import { LIMITS, truncate } from '../messages/discord-limits.ts';
import { quiet } from '../messages/private-reply.ts';
import { sourceButtonId } from './source-ids.ts';

const field = (name: string, value: string, inline = false) => ({ name, value: truncate(value || '—', LIMITS.fieldValue), inline });
/** A page's text as it shows: markdown, and masked links (`[text](https://…)`, which could hide where they lead), escaped. */
const esc = (text: string) => escapeMarkdown(text, { maskedLink: true });

/**
 * What the bot read from an article, as an embed: the headline, the first paragraphs, outlet, authors, date and its
 * evidence, the id, what was kept and dropped, and the source it nearly repeats. `extra` fields come after; the
 * footer says what happens next. Shared by the `/source-admin add` preview and a followed feed's review message.
 *
 * @example
 * previewEmbed(preview, 'Not added yet.', [{ name: 'Why it was queued', value: 'relevance 9 …' }]).fields?.length // → 6
 */
export function previewEmbed(preview: SourcePreview, footer: string, extra: ReadonlyArray<{ name: string; value: string }> = []): APIEmbed {
  const { meta, cleaned } = preview.prepared;
  const basis = meta.published_basis;
  const dropped = cleaned.dropped.map((d) => `• ${esc(d.reason)}: ${esc(truncate(d.text, 60))}`);
  const firstParagraphs = cleaned.paragraphs
    .slice(0, 3)
    .map((p) => `> ${esc(truncate(p, 300))}`)
    .join('\n');
  const fields = [
    field('Outlet', esc(meta.outlet ?? 'unknown') + (meta.reports_on ? ` (republishing ${esc(meta.reports_on)})` : ''), true),
    field('Authors', esc(meta.authors.join(', ') || 'none named'), true),
    field(
      'Published',
      meta.published
        ? `${meta.published} (${basis.kind}) — ${esc(truncate(basis.evidence, 200))}`
        : `unknown — ${esc(truncate(basis.evidence, 200))}`,
    ),
    field('Source id', `\`${meta.id}\``, true),
    field(
      'Kept and dropped',
      `kept ${cleaned.paragraphs.length} paragraph${cleaned.paragraphs.length === 1 ? '' : 's'}, dropped ${cleaned.dropped.length} line${cleaned.dropped.length === 1 ? '' : 's'}${cleaned.truncated ? ' (and a last paragraph that stops mid-sentence)' : ''}`,
      true,
    ),
    ...(dropped.length > 0
      ? [field('Dropped', `${dropped.slice(0, 10).join('\n')}${dropped.length > 10 ? `\n… and ${dropped.length - 10} more` : ''}`)]
      : []),
    ...(preview.nearDuplicateOf
      ? [
          field(
            'Near-duplicate',
            `Mostly the same text as \`${preview.nearDuplicateOf.id}\` (${esc(preview.nearDuplicateOf.outlet ?? 'unknown outlet')}): it will be recorded as a republished copy, and answers show shared sentences once.`,
          ),
        ]
      : []),
  ];
  return {
    title: truncate(`Preview: ${esc(meta.title ?? '(no headline found)')}`, LIMITS.embedTitle),
    description: truncate(firstParagraphs, 1500),
    fields: [...fields, ...extra.map((f) => field(f.name, f.value))].slice(0, 25),
    footer: { text: footer },
    color: 0x2f855a,
  };
}

/**
 * The preview message for a draft kept under `key`, as API JSON.
 *
 * @example
 * await call.reply.send(previewMessage(preview, drafts.put({ prepared: preview, owner, guild })));
 */
export function previewMessage(preview: SourcePreview, key: string) {
  const embed = previewEmbed(preview, 'Not added yet. Check the details, then Add — or Edit details first.');
  return withDecisionButtons(embed, {
    add: sourceButtonId.encode({ action: 'add', key }),
    edit: sourceButtonId.encode({ action: 'edit', key }),
    drop: { label: 'Cancel', id: sourceButtonId.encode({ action: 'cancel', key }) },
  });
}

/**
 * A message of one embed with Add, Edit details and a third button that leaves the article out (Cancel on a
 * preview, Reject on a followed feed's review message), then any `extra` buttons (a link to the article). Nothing
 * in it can ping.
 *
 * @example
 * withDecisionButtons(embed, { add: 'v1|src|add|0a1b2c3d', edit: 'v1|src|edit|0a1b2c3d', drop: { label: 'Cancel', id: 'v1|src|cancel|0a1b2c3d' } })
 */
export function withDecisionButtons(
  embed: APIEmbed,
  ids: { add: string; edit: string; drop: { label: string; id: string } },
  extra: readonly APIButtonComponent[] = [],
) {
  const button = (label: string, style: ButtonStyle.Success | ButtonStyle.Secondary | ButtonStyle.Danger, custom_id: string) => ({
    type: ComponentType.Button as const,
    style,
    label,
    custom_id,
  });
  return {
    content: '',
    embeds: [embed],
    components: [
      {
        type: ComponentType.ActionRow as const,
        components: [
          button('Add', ButtonStyle.Success, ids.add),
          button('Edit details', ButtonStyle.Secondary, ids.edit),
          button(ids.drop.label, ButtonStyle.Danger, ids.drop.id),
          ...extra,
        ],
      },
    ],
    ...quiet,
  };
}
