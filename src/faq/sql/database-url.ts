/**
 * DATABASE_URL holds a password, so it is never written anywhere: logs and error messages name the database by
 * server and name only, and any text that reaches a message is scrubbed of the URL, the password and the user.
 */

/**
 * Where a PostgreSQL URL points, without user, password or options; null when it is not a PostgreSQL URL.
 *
 * @example
 * databaseLocation('postgres://bot:s3cret@db.internal:5432/talks') // → 'PostgreSQL database "talks" on db.internal:5432'
 */
export function databaseLocation(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return null;
  const host = parsed.searchParams.get('host') ?? (parsed.hostname || 'localhost');
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  return `PostgreSQL database "${name}" on ${host}${parsed.port ? `:${parsed.port}` : ''}`;
}

/**
 * A function that blanks out of a text every secret part of `url`: the whole URL, its password and its user name,
 * as written and as decoded.
 *
 * @example
 * secretScrubber('postgres://bot:s3cret@h/db')('auth failed for s3cret') // → 'auth failed for [redacted]'
 */
export function secretScrubber(url: string): (text: string) => string {
  const secrets = new Set<string>([url]);
  try {
    const parsed = new URL(url);
    for (const part of [parsed.password, parsed.username]) {
      if (part.length >= 3) secrets.add(part).add(decodeURIComponent(part));
    }
  } catch {
    // not a URL: only the text as a whole is known to be secret
  }
  const longestFirst = [...secrets].filter((s) => s !== '').sort((a, b) => b.length - a.length);
  return (text) => longestFirst.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
