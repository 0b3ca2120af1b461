/**
 * The secrets a log line or a message must never carry: the bot token and the FAQ database's URL (and the password in
 * it, alone, since a driver's error may quote only that). `DISCORD_PUBLIC_KEY` is public and stays. Every occurrence
 * in a text is replaced, as written and as it reads inside a JSON string, so it does not matter whether the secret
 * sits in a message, an error's message or stack, or a nested field.
 */

/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/** Shorter than this, a "secret" would blank out ordinary words: such a password is not searched for on its own. */
const SHORTEST_SECRET = 3;

/**
 * The secret values in the settings: DISCORD_TOKEN, DATABASE_URL, and the URL's password as written and decoded.
 *
 * @example
 * secretsOf({ DISCORD_TOKEN: 'abc.def.ghi', DATABASE_URL: 'postgres://bot:s%40cret@db/talks' })
 * // → ['abc.def.ghi', 'postgres://bot:s%40cret@db/talks', 's%40cret', 's@cret']
 */
export function secretsOf(env: { DISCORD_TOKEN?: string | undefined; DATABASE_URL?: string | undefined }): string[] {
  const secrets: string[] = [];
  const token = env.DISCORD_TOKEN?.trim();
  if (token) secrets.push(token);
  const url = env.DATABASE_URL?.trim();
  if (url) {
    secrets.push(url);
    try {
      const { password } = new URL(url);
      if (password) secrets.push(password, safeDecode(password));
    } catch {
      // not a URL: the text as a whole is the secret
    }
  }
  return [...new Set(secrets.filter((s) => s.length >= SHORTEST_SECRET))];
}

/**
 * A function that replaces every secret in a text with `[redacted]`, longest first (so the URL goes before the
 * password inside it), also where the text is JSON and the secret appears escaped.
 *
 * @example
 * const scrub = secretScrubberFor(['s3cret']);
 * scrub('password authentication failed: s3cret') // → 'password authentication failed: [redacted]'
 */
export function secretScrubberFor(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < SHORTEST_SECRET) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const longestFirst = [...forms].sort((a, b) => b.length - a.length);
  if (longestFirst.length === 0) return (text) => text;
  return (text) => longestFirst.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text);
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A password this short could be an everyday word in a quote; in replies only longer ones are searched for alone. */
const SHORTEST_PASSWORD_IN_REPLIES = 8;

let cached: { key: string; scrub: (text: string) => string } | null = null;

/**
 * Every string in a message for a member (content, embeds, choices — any depth) with the secrets of the settings
 * replaced: the last guard before an error message that quotes the token or the database URL reaches a channel.
 * Read from `env` (default `process.env`); with no secret set, the message is returned as it is.
 *
 * @example
 * withoutSecrets({ content: 'Nothing was imported: cannot reach postgres://bot:pw-long-enough@db/talks' }, { DATABASE_URL: 'postgres://bot:pw-long-enough@db/talks' })
 * // → { content: 'Nothing was imported: cannot reach [redacted]' }
 */
export function withoutSecrets<T>(message: T, env: { DISCORD_TOKEN?: string | undefined; DATABASE_URL?: string | undefined } = process.env): T {
  const key = `${env.DISCORD_TOKEN ?? ''}\n${env.DATABASE_URL ?? ''}`;
  if (key === '\n') return message;
  if (cached?.key !== key) {
    const secrets = secretsOf(env).filter((s) => s === env.DISCORD_TOKEN?.trim() || s === env.DATABASE_URL?.trim() || s.length >= SHORTEST_PASSWORD_IN_REPLIES);
    cached = { key, scrub: secretScrubberFor(secrets) };
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
