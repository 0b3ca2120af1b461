/**
 * DATABASE_URL holds a password, so it is never written anywhere: logs and error messages name the database by
 * server and name only, and any text that reaches a message is scrubbed of the URL, the password and the user.
 *
 * Operators paste passwords as they are, without percent-encoding: in `postgres://user:p@ss:5/rd@host/db` a URL
 * parser takes `ss:5` for the server and `rd@host/db` for the database, and naming "where the database is" would
 * print two thirds of the password. So the user name and password are found by position (everything between
 * `postgres://` and the last `@`, see `urlCredentials`), a URL that a parser would read differently is refused as
 * unreadable, and nothing here throws on a broken escape such as `%zz`.
 */
import { safeDecode, urlCredentials } from '../../logging/redact-secrets.ts';

/**
 * Where a PostgreSQL URL points, without user, password or options; null when it is not a PostgreSQL URL, or when
 * its user name or password holds an unencoded `@`, `/`, `?` or `#` (the server and database cannot then be told
 * from the password: they must be percent-encoded, `%40` for `@`).
 *
 * @example
 * databaseLocation('postgres://bot:s3cret@db.internal:5432/talks') // → 'PostgreSQL database "talks" on db.internal:5432'
 * databaseLocation('postgres://bot:p@ss:5/rd@db/talks') // → null
 */
export function databaseLocation(url: string): string | null {
  if (!/^postgres(?:ql)?:\/\//i.test(url)) return null;
  // a parser ends the authority at the first / ? or #: before the last @, the password would spill into host and path
  if (/[/?#]/.test(urlCredentials(url)?.userinfo ?? '')) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.searchParams.get('host') ?? (parsed.hostname || 'localhost');
  const name = safeDecode(parsed.pathname.replace(/^\//, '')) || 'postgres';
  return `PostgreSQL database "${name}" on ${host}${parsed.port ? `:${parsed.port}` : ''}`;
}

/** Shorter than this, a user name or password would blank out ordinary words in a driver's message. */
const SHORTEST_PART = 3;

/**
 * A function that blanks out of a text every secret part of `url`: the whole URL, its user name and password
 * together, the password and the user name, each as written and as decoded (a broken escape is taken as written).
 *
 * @example
 * secretScrubber('postgres://bot:s3cret@h/db')('auth failed for s3cret') // → 'auth failed for [redacted]'
 * secretScrubber('postgres://user:p@ss:w/rd@h/db')('bad password p@ss:w/rd') // → 'bad password [redacted]'
 */
export function secretScrubber(url: string): (text: string) => string {
  const secrets = new Set<string>([url]);
  const credentials = urlCredentials(url);
  for (const part of credentials ? [credentials.userinfo, credentials.password, credentials.user] : []) {
    if (part.length >= SHORTEST_PART) secrets.add(part).add(safeDecode(part));
  }
  const longestFirst = [...secrets].filter((s) => s !== '').sort((a, b) => b.length - a.length);
  return (text) => longestFirst.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
