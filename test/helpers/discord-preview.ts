/**
 * A Discord message as Discord's dark client lays it out — an embed with its colour bar, title, description, fields,
 * footer, and the buttons below — drawn as HTML from the message's own API JSON, so a browser test can take a
 * screenshot of what a member sees in Discord without Discord. Only the markdown the bot writes is read (quote lines,
 * bold, italics, links, escapes); everything else is shown as text.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import type { AnswerMessage } from '../../src/interactions/quote-replies/render-answer-message.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The bot's markdown as Discord shows it: "> " lines as a quote block, **bold**, *italics*, [links](url), \escapes. */
function markdown(text: string): string {
  const inline = (line: string) =>
    escapeHtml(line)
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*\\])\*([^*]+)\*/g, '$1<em>$2</em>')
      .replace(/\\([\\*_`~|>#[\]()-])/g, '$1');
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('> ')) quote.push(inline(line.slice(2)));
    else {
      flush();
      out.push(`<div>${inline(line)}</div>`);
    }
  }
  flush();
  return out.join('');
}

function embedHtml(embed: APIEmbed): string {
  const color = `#${(embed.color ?? 0x5865f2).toString(16).padStart(6, '0')}`;
  const title = embed.title ? markdown(embed.title) : '';
  return `<article class="embed" style="border-left-color:${color}">
${title ? `<h2>${embed.url ? `<a href="${escapeHtml(embed.url)}">${title}</a>` : title}</h2>` : ''}
${embed.description ? `<div class="description">${markdown(embed.description)}</div>` : ''}
${(embed.fields ?? []).map((f) => `<section class="field"><h3>${markdown(f.name)}</h3>${markdown(f.value)}</section>`).join('\n')}
${embed.footer ? `<footer>${escapeHtml(embed.footer.text).replace(/\n/g, '<br>')}</footer>` : ''}
</article>`;
}

/**
 * @example
 * await page.setContent(discordPreview(renderAnswerMessage(answer, { offset: 0, private: true }))); await page.screenshot(…)
 */
export function discordPreview(message: AnswerMessage): string {
  const buttons = message.components
    .map(
      (row) =>
        `<div class="row">${row.components
          .map((b) => `<span class="button${'url' in b ? ' link' : ''}">${escapeHtml(b.label ?? '')}${'url' in b ? ' ↗' : ''}</span>`)
          .join('')}</div>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{margin:0;padding:12px;background:#313338;color:#dbdee1;font:16px/1.375 "Noto Sans",system-ui,sans-serif}
.author{font-weight:600;color:#f2f3f5;margin-bottom:4px}.author span{font-size:12px;background:#5865f2;color:#fff;border-radius:3px;padding:0 4px;margin-left:4px}
.embed{background:#2b2d31;border-left:4px solid;border-radius:4px;padding:8px 16px 16px 12px;max-width:520px}
.embed h2{font-size:16px;margin:8px 0}.embed a{color:#00a8fc;text-decoration:none}
.description{font-size:14px;margin-bottom:8px}.field{margin-top:8px;font-size:14px}.field h3{font-size:14px;margin:0 0 2px;color:#f2f3f5}
blockquote{margin:0;padding-left:12px;border-left:4px solid #4e5058}
footer{font-size:12px;color:#b5bac1;margin-top:8px}
.row{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}.button{background:#4e5058;color:#fff;border-radius:3px;padding:2px 16px;font-size:14px;line-height:32px}
.button.link{background:#4e5058}
</style></head><body><div class="author">talks-bot<span>APP</span></div>
${message.content ? `<div>${markdown(message.content)}</div>` : ''}
${message.embeds.map(embedHtml).join('\n')}
${buttons}
</body></html>`;
}
