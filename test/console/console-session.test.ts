/**
 * The console shows a refusal as the bot's words, as Discord does: any UserError a command throws — invalid input
 * above all — becomes the answer's note ("Sorry" and the message), while any other error is not dressed up as one.
 */
import { describe, expect, it } from 'vitest';
import { defineCommand, InvalidInputError, stringOption } from '../../src/commands/define-command.ts';
import { ConsoleSession } from '../../src/console/console-session.ts';
import type { UserError } from '../../src/errors/user-error.ts';
import { FaqError } from '../../src/faq/faq-errors.ts';
import { FetchPageError } from '../../src/ingest/fetch/fetch-page.ts';
import { IngestError } from '../../src/ingest/ingest-error.ts';
import { Refusal } from '../../src/interactions/declare.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

const REFUSALS: Record<string, UserError> = {
  faq: new FaqError('There is no FAQ entry #12 in this server.'),
  ingest: new IngestError('page.txt: no article text found after cleaning'),
  fetch: new FetchPageError('timeout', 'the site took too long to answer'),
  invalid: new InvalidInputError('Type a few words to look up.'),
  refusal: new Refusal('Only moderators can change the FAQ.'),
};

const refuse = defineCommand({
  name: 'refuse',
  description: 'Throws the refusal it is told to',
  options: { family: stringOption({ description: 'Which', required: true }) },
  primary: 'family',
  handle: ({ family }) => {
    throw REFUSALS[family] ?? new Error(`a bug: ${family}`);
  },
});

describe('a refusal in the console', () => {
  const session = new ConsoleSession(bundledKnowledge(), [refuse]);

  it.each(Object.keys(REFUSALS))('%s: the answer says the message', (family) => {
    expect(session.respond(`/refuse ${family}`)).toBe(`Sorry\n\n${REFUSALS[family]?.message}`);
  });

  it('invalid input, as the command’s own option rules refuse it', () => {
    expect(session.respond('/refuse')).toBe('Sorry\n\nType a few words to look up.');
  });

  it('anything else is not a refusal: it is thrown, not shown as the bot’s words', () => {
    expect(() => session.respond('/refuse other')).toThrow('a bug: other');
  });
});
