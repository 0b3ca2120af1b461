/**
 * A DATABASE_URL as operators really write it: a password that is not percent-encoded (`@`, `:`, `/` in it) or a
 * broken escape (`%zz`). Whatever its shape, no part of the user name and password reaches a log line or a message,
 * the server and database are never guessed from a URL that can be read two ways, and nothing throws.
 */
import { describe, expect, it } from 'vitest';
import { FaqDatabaseError } from '../../src/faq/faq-errors.ts';
import { PostgresFaqStore } from '../../src/faq/postgres-faq-store.ts';
import { databaseLocation, secretScrubber } from '../../src/faq/sql/database-url.ts';

/** A password with `@`, `:` and `/` left as typed: a URL parser reads "ss:5" as the server and "rd@host/db" as the database. */
const UNENCODED = 'postgres://user:p@ss:5/rd@host/db';

describe('databaseLocation', () => {
  it('names the server and database of a well-formed URL', () => {
    expect(databaseLocation('postgres://bot:s3cret@db.internal:5432/talks')).toBe('PostgreSQL database "talks" on db.internal:5432');
    expect(databaseLocation('postgresql://bot:s%40cret@db.internal/talks')).toBe('PostgreSQL database "talks" on db.internal');
  });

  it('refuses a URL whose user name or password holds an unencoded @, /, ? or #, rather than name part of the password', () => {
    expect(databaseLocation(UNENCODED)).toBeNull();
    expect(databaseLocation('postgres://user:hunter2@2024/secret@127.0.0.1/db')).toBeNull();
    expect(databaseLocation('postgres://user:1?ss@host/db')).toBeNull();
    expect(databaseLocation('postgres://user:p#ss@host/db')).toBeNull();
  });

  it('never throws on a broken percent-escape', () => {
    expect(databaseLocation('postgres://u:pw@h/db%zz')).toBe('PostgreSQL database "db%zz" on h');
    expect(databaseLocation('postgres://u%zz:pw%zz@h/db')).toBe('PostgreSQL database "db" on h');
  });
});

describe('secretScrubber', () => {
  it('blanks the whole user name and password of an unencoded URL, and each part of it', () => {
    const scrub = secretScrubber(UNENCODED);
    expect(scrub('login as user:p@ss:5/rd failed')).toBe('login as [redacted] failed');
    expect(scrub('password "p@ss:5/rd" refused')).toBe('password "[redacted]" refused');
  });

  it('still blanks the user name when the password holds a broken escape', () => {
    const scrub = secretScrubber('postgres://bot-user:pa%zzword@h/db');
    expect(scrub('role "bot-user" with password pa%zzword')).toBe('role "[redacted]" with password [redacted]');
  });
});

describe('PostgresFaqStore.open', () => {
  it('refuses an unencoded URL in words, naming no part of it', async () => {
    const error = await PostgresFaqStore.open(UNENCODED).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FaqDatabaseError);
    const message = (error as Error).message;
    for (const part of ['p@ss', 'ss:5', 'rd@host/db', '5/rd']) expect(message).not.toContain(part);
  });

  it('reports a broken escape in the database name as a database failure, not a URIError', async () => {
    const error = await PostgresFaqStore.open('postgres://u:pw@127.0.0.1:1/db%zz').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FaqDatabaseError);
    expect((error as Error).message).toMatch(/^The FAQ database \(PostgreSQL database "db%zz" on 127\.0\.0\.1:1\) failed/);
  });
});
