/**
 * The secrets a log line or a message must never carry: the bot token and the FAQ database's URL (and its user name
 * and password together, and the password alone, since a driver's error may quote only that). `DISCORD_PUBLIC_KEY`
 * is public and stays. Every occurrence in a text is replaced, as written and as it reads inside a JSON string, so it
 * does not matter whether the secret sits in a message, an error's message or stack, or a nested field. In messages
 * for members a secret is also found with markdown escaping in it (`Gab\_cd`), which Discord shows as the secret.
 *
 * The user name and password are found by position, not by a URL parser: operators paste passwords that are not
 * percent-encoded (`postgres://user:p@ss:w/rd@host/db`), which a parser rejects or splits in the wrong place, and a
 * broken escape (`%zz`) makes decoding throw. Everything between `scheme://` and the last `@` is secret.
 */

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/** Shorter than this, a "secret" would blank out ordinary words: such a password is not searched for on its own. */
const SHORTEST_SECRET = 3;

/** The user-information part of a URL's authority, as written, and the user name and password in it. */
export interface UrlCredentials {
  /** Everything between `scheme://` and the last `@`: `user:password`. */
  userinfo: string;
  /** Before the first `:` of `userinfo`. */
  user: string;
  /** After the first `:` of `userinfo` ('' when there is none). */
  password: string;
}

/**
 * The user name and password in a URL, whatever their shape: `userinfo` is everything after `scheme://` (or from the
 * start, when there is none) up to the last `@` in the text, so a password with an unencoded `@`, `:`, `/`, `?` or
 * `#` is found whole. Null when there is no `@`. Never throws; nothing is decoded.
 *
 * @example
 * urlCredentials('postgres://user:p@ss:w/rd@host/db') // → { userinfo: 'user:p@ss:w/rd', user: 'user', password: 'p@ss:w/rd' }
 * urlCredentials('postgres://db.internal/talks') // → null
 */
export function urlCredentials(url: string): UrlCredentials | null {
  const start = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0].length ?? 0;
  const at = url.lastIndexOf('@');
  if (at < start) return null;
  const userinfo = url.slice(start, at);
  const colon = userinfo.indexOf(':');
  return { userinfo, user: colon < 0 ? userinfo : userinfo.slice(0, colon), password: colon < 0 ? '' : userinfo.slice(colon + 1) };
}

/**
 * `decodeURIComponent(text)`, or the text as written when it holds a broken escape such as `%zz`.
 *
 * @example
 * safeDecode('s%40cret') // → 's@cret'
 * safeDecode('pa%zz') // → 'pa%zz'
 */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The secret values in the settings: DISCORD_TOKEN, DATABASE_URL, and the URL's user name and password together and
 * its password alone, each as written and decoded. The user name alone is left out (also a URL with a user and no
 * password): it is often a word ("postgres", "talks") that log lines use for other things.
 *
 * @example
 * secretsOf({ DISCORD_TOKEN: 'abc.def.ghi', DATABASE_URL: 'postgres://bot:s%40cret@db/talks' })
 * // → ['abc.def.ghi', 'postgres://bot:s%40cret@db/talks', 'bot:s%40cret', 'bot:s@cret', 's%40cret', 's@cret']
 */
export function secretsOf(env: { DISCORD_TOKEN?: string | undefined; DATABASE_URL?: string | undefined }): string[] {
  const secrets: string[] = [];
  const token = env.DISCORD_TOKEN?.trim();
  if (token) secrets.push(token);
  const url = env.DATABASE_URL?.trim();
  if (url) {
    secrets.push(url);
    const credentials = urlCredentials(url);
    // without a password, the userinfo is the user name alone
    if (credentials?.password)
      secrets.push(credentials.userinfo, safeDecode(credentials.userinfo), credentials.password, safeDecode(credentials.password));
  }
  return [...new Set(secrets.filter((s) => s.length >= SHORTEST_SECRET))];
}

/**
 * A function that replaces every secret in a text with `[redacted]`, longest first (so the URL goes before the
 * password inside it), also where the text is JSON and the secret appears escaped. With `markdown`, also where
 * markdown escaping has put a backslash before a character of the secret (for messages to members).
 *
 * @example
 * const scrub = secretScrubberFor(['s3cret']);
 * scrub('password authentication failed: s3cret') // → 'password authentication failed: [redacted]'
 * secretScrubberFor(['ab_cd'], { markdown: true })('token ab\\_cd') // → 'token [redacted]'
 */
export function secretScrubberFor(secrets: readonly string[], options: { markdown?: boolean } = {}): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < SHORTEST_SECRET) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const longestFirst = [...forms].sort((a, b) => b.length - a.length);
  if (longestFirst.length === 0) return (text) => text;
  const plain = (text: string) =>
    longestFirst.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text);
  if (options.markdown !== true) return plain;
  const escaped = longestFirst.filter((secret) => ESCAPABLE.test(secret)).map(markdownEscapedPattern);
  if (escaped.length === 0) return plain;
  const anyEscaped = new RegExp(escaped.join('|'), 'g');
  return (text) => {
    const out = plain(text);
    return out.includes('\\') ? out.replace(anyEscaped, REDACTED) : out;
  };
}

/** ASCII punctuation: what markdown escaping may put a backslash before (discord.js escapes only some of it). */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/**
 * A regular expression source that matches `secret` as written and with a backslash before any of its punctuation
 * (a backslash in the secret may be doubled), which is what markdown escaping does to it.
 */
function markdownEscapedPattern(secret: string): string {
  return [...secret]
    .map((c) => {
      if (c === '\\') return '\\\\{1,2}';
      const literal = c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      return ESCAPABLE.test(c) ? `\\\\?${literal}` : literal;
    })
    .join('');
}

/**
 * A webhook or interaction-callback route with the interaction token taken out: the token answers for the
 * interaction for 15 minutes, so it has no place in a log.
 *
 * @example
 * withoutInteractionTokens('/api/v10/interactions/123/aW50ZXJhY3Rpb24/callback') // → '/api/v10/interactions/123/:token/callback'
 */
export function withoutInteractionTokens(text: string): string {
  return text.replace(/(\/(?:interactions|webhooks)\/\d+\/)[^/\s?"'\\]+/g, '$1:token');
}

/** A password this short could be an everyday word in a quote; in replies only longer ones are searched for alone. */
const SHORTEST_PASSWORD_IN_REPLIES = 8;

let cached: { key: string; scrub: (text: string) => string } | null = null;

/**
 * Every string in a message for a member (content, embeds, choices — any depth) with the secrets of the settings
 * replaced, markdown-escaped or not: the last guard before an error message that quotes the token or the database
 * URL reaches a channel. Read from `env` (default `process.env`); with no secret set, the message is returned as it is.
 *
 * @example
 * withoutSecrets({ content: 'Nothing was imported: cannot reach postgres://bot:pw-long-enough@db/talks' }, { DATABASE_URL: 'postgres://bot:pw-long-enough@db/talks' })
 * // → { content: 'Nothing was imported: cannot reach [redacted]' }
 */
export function withoutSecrets<T>(
  message: T,
  env: { DISCORD_TOKEN?: string | undefined; DATABASE_URL?: string | undefined } = process.env,
): T {
  const key = `${env.DISCORD_TOKEN ?? ''}\n${env.DATABASE_URL ?? ''}`;
  if (key === '\n') return message;
  if (cached?.key !== key) {
    const secrets = secretsOf(env).filter(
      (s) => s === env.DISCORD_TOKEN?.trim() || s === env.DATABASE_URL?.trim() || s.length >= SHORTEST_PASSWORD_IN_REPLIES,
    );
    cached = { key, scrub: secretScrubberFor(secrets, { markdown: true }) };
  }
  return mapStrings(message, cached.scrub);
}

function mapStrings<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, scrub)) as T;
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v as unknown, scrub)])) as T;
  }
  return value;
}
