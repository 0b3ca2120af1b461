/**
 * Markdown escaping for text from sources and members, remembered per text. @discordjs/formatters' `escapeMarkdown`
 * runs a dozen regular expressions with look-behinds that scan back over the text; on quotes of a few hundred
 * characters that was the largest single cost of answering under load (about 0.6 ms an answer). Answers quote the
 * same passages again and again, so the escaped text is kept for the last KEPT_TEXTS texts.
 *
 * Secrets are redacted before the text is escaped: escaping puts a backslash into a token (`Gab_cd` becomes
 * `Gab\_cd`), which Discord still shows as the token but which no longer matches it, and a message cut to length
 * after escaping could keep half a token.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { withoutSecrets } from '../../logging/redact-secrets.ts';
import { truncate } from './discord-limits.ts';

const KEPT_TEXTS = 5000;
const escaped = new Map<string, string>();

/**
 * `escapeMarkdown(text)` of the text with the settings' secrets redacted, worked out once per text while it is among
 * the last KEPT_TEXTS asked for.
 *
 * @example
 * escapeText('a *bold* claim') // → 'a \\*bold\\* claim'
 * escapeText(`failed with ${process.env.DISCORD_TOKEN}`) // → 'failed with [redacted]'
 */
export function escapeText(text: string): string {
  const clean = withoutSecrets(text);
  const known = escaped.get(clean);
  if (known !== undefined) return known;
  const result = escapeMarkdown(clean);
  // the oldest first out: a Map keeps insertion order
  if (escaped.size >= KEPT_TEXTS) escaped.delete(escaped.keys().next().value as string);
  escaped.set(clean, result);
  return result;
}

/**
 * A web address as a link that shows no preview (`<https://…>`), when it is a plain http(s) address of at most
 * `max` characters — the addresses the bot keeps are normalised (`URL.href`), so they hold no spaces or angle
 * brackets; anything else is shown as escaped text, cut to `max`.
 *
 * @example
 * linkText('https://news.example.org/world_news/rss') // → '<https://news.example.org/world_news/rss>'
 * linkText('not a link *bold*') // → 'not a link \\*bold\\*'
 */
export function linkText(address: string, max = 300): string {
  return address.length <= max && /^https?:\/\/[^\s<>]+$/.test(address) ? `<${address}>` : escapeText(truncate(address, max));
}
