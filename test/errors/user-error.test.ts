/**
 * UserError, the one base of every refusal a member reads: its message is what they are told, its identifier and
 * context are for code, and every domain's refusal is one — keeping its own name and fields — while a failure for
 * the operator (FaqDatabaseError) is not.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/commands/options.ts';
import { asSentence, UserError } from '../../src/errors/user-error.ts';
import { FaqBusyError, FaqDatabaseError, FaqError, FaqImportConflict } from '../../src/faq/faq-errors.ts';
import { FetchPageError } from '../../src/ingest/fetch/fetch-page.ts';
import { IngestError } from '../../src/ingest/ingest-error.ts';
import { Refusal } from '../../src/commands/declare.ts';

describe('UserError', () => {
  it('carries the sentence for the member, and an identifier and context for code', () => {
    const plain = new UserError('The FAQ belongs to a server: use it there.');
    expect(plain).toBeInstanceOf(Error);
    expect(plain.name).toBe('UserError');
    expect(plain.message).toBe('The FAQ belongs to a server: use it there.');
    expect(plain.identifier).toBeUndefined();
    expect(plain.context).toBeUndefined();
    const cooldown = new UserError("You're asking quickly — try again in 2 s.", { identifier: 'cooldown', context: { seconds: 2 } });
    expect(cooldown.identifier).toBe('cooldown');
    expect(cooldown.context).toEqual({ seconds: 2 });
  });

  it('is restated in other words with its identifier and context kept, and itself as the cause', () => {
    const fetchError = new FetchPageError('http-status', 'the site answered 404 Not Found');
    const restated = fetchError.restated(`Nothing was added: ${asSentence(fetchError.message)}`);
    expect(restated).toBeInstanceOf(UserError);
    expect(restated.message).toBe('Nothing was added: the site answered 404 Not Found.');
    expect(restated.identifier).toBe('http-status');
    expect(restated.cause).toBe(fetchError);
    const withContext = new UserError('Wait.', { identifier: 'cooldown', context: { seconds: 3 } }).restated('Wait a little.');
    expect([withContext.identifier, withContext.context]).toEqual(['cooldown', { seconds: 3 }]);
  });

  it('ends a message with one full stop for words after it', () => {
    expect(asSentence('the file is over 2 MB')).toBe('the file is over 2 MB.');
    expect(asSentence('review_by must be YYYY-MM-DD.')).toBe('review_by must be YYYY-MM-DD.');
  });
});

describe('every family of refusal is a UserError', () => {
  const report = { added: 0, updated: 0, unchanged: 0, conflicts: ['#3 "Q?" differs from the file'] };
  const families: Array<[string, UserError]> = [
    ['FaqError', new FaqError('There is no FAQ entry #12 in this server.')],
    ['FaqBusyError', new FaqBusyError()],
    ['FaqImportConflict', new FaqImportConflict(report)],
    ['IngestError', new IngestError('page.txt: no article text found after cleaning')],
    ['FetchPageError', new FetchPageError('timeout', 'the site took too long to answer')],
    ['InvalidInputError', new InvalidInputError('Type a few words to look up.')],
    ['Refusal', new Refusal('Only server managers can announce.')],
  ];

  it.each(families)('%s, keeping its own name', (name, error) => {
    expect(error).toBeInstanceOf(UserError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
  });

  it('keeps each family’s own fields and lineage', () => {
    const conflict = new FaqImportConflict(report);
    expect(conflict).toBeInstanceOf(FaqError);
    expect(conflict.report).toBe(report);
    expect(new FaqBusyError()).toBeInstanceOf(FaqError);
    expect(new FaqBusyError().identifier).toBe('faq-busy');
    expect(new FaqBusyError().message).toBe('The FAQ is busy, try again in a moment.');
    const fetchError = new FetchPageError('address', 'the link points to a private address');
    expect([fetchError.reason, fetchError.identifier]).toEqual(['address', 'address']);
  });

  it('but not a database the bot cannot use: that is the operator’s, and a member gets the apology', () => {
    expect(new FaqDatabaseError('data/faq.sqlite3 is damaged')).not.toBeInstanceOf(UserError);
  });
});
