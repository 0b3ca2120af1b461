/**
 * What an operator reads in the logs never holds a secret: the bot token, the FAQ database URL or its password are
 * `[redacted]` wherever they turn up — a message, an error's message or stack, a nested field — and an interaction
 * token is cut out of the routes Discord's errors quote. Errors from Discord read as one object without a stack.
 */
import { Writable } from 'node:stream';
import { DiscordAPIError, HTTPError } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { secretScrubberFor, secretsOf, withoutInteractionTokens } from '../../src/logging/redact-secrets.ts';

const TOKEN = 'MTExMTExMTExMTExMTExMTEx.GhIjKl.s3cr3t-b0t-t0k3n-abcdefghijklmnopqrstuvwxyz012345';
const DATABASE_URL = 'postgres://talks:pa%24%24word-42@db.internal:5432/talks';
const PASSWORD = 'pa$$word-42';

function capture(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  return captureWith(secretsOf({ DISCORD_TOKEN: TOKEN, DATABASE_URL }));
}

function captureWith(secrets: readonly string[]): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  return { logger: createLogger('debug', stream, { secrets }), lines };
}

const leaks = (text: string) => [TOKEN, DATABASE_URL, PASSWORD, 'pa%24%24word-42'].filter((s) => text.includes(s));

describe('the secrets of the settings', () => {
  it('are the token, the database URL, its user name and password together and the password alone, as written and decoded', () => {
    expect(secretsOf({ DISCORD_TOKEN: TOKEN, DATABASE_URL })).toEqual([
      TOKEN,
      DATABASE_URL,
      'talks:pa%24%24word-42',
      'talks:pa$$word-42',
      'pa%24%24word-42',
      PASSWORD,
    ]);
  });

  it('are none when neither is set, and the text passes unchanged', () => {
    expect(secretsOf({})).toEqual([]);
    expect(secretScrubberFor([])('nothing to hide')).toBe('nothing to hide');
  });

  it('are replaced inside the URL first, so no fragment of the URL is left around the password', () => {
    const scrub = secretScrubberFor(secretsOf({ DATABASE_URL }));
    expect(scrub(`connecting to ${DATABASE_URL} failed`)).toBe('connecting to [redacted] failed');
  });
});

describe('a DATABASE_URL of any shape', () => {
  it('has its whole user name and password redacted when the password is not percent-encoded', () => {
    const url = 'postgres://user:p@ss:w/rd@host/db';
    expect(secretsOf({ DATABASE_URL: url })).toEqual([url, 'user:p@ss:w/rd', 'p@ss:w/rd']);
    const { logger, lines } = captureWith(secretsOf({ DATABASE_URL: url }));
    logger.fatal(`cannot log in as user:p@ss:w/rd; password p@ss:w/rd refused; also tried ${url}`);
    expect((JSON.parse(lines.join('')) as { msg: string }).msg).toBe(
      'cannot log in as [redacted]; password [redacted] refused; also tried [redacted]',
    );
  });

  it('does not throw on a broken percent-escape, and the password is still redacted as written', () => {
    const url = 'postgres://talks:pa%zz-word@db/talks';
    expect(secretsOf({ DATABASE_URL: url })).toEqual([url, 'talks:pa%zz-word', 'pa%zz-word']);
    expect(secretScrubberFor(secretsOf({ DATABASE_URL: url }))('auth failed (pa%zz-word)')).toBe('auth failed ([redacted])');
  });

  it('has user and password redacted even when the text is not a URL at all', () => {
    expect(secretsOf({ DATABASE_URL: 'talks:s3cr@t@db' })).toEqual(['talks:s3cr@t@db', 'talks:s3cr@t', 's3cr@t']);
  });

  it('leaves a user name without a password alone, as it is often an ordinary word', () => {
    expect(secretsOf({ DATABASE_URL: 'postgres://talks@db/talks' })).toEqual(['postgres://talks@db/talks']);
  });
});

describe('a log line', () => {
  it('never holds the token, whether in the message, an error message, its stack or a nested field', () => {
    const { logger, lines } = capture();
    const error = new Error(`login refused for token ${TOKEN}`);
    logger.error({ err: error, attempt: { with: { token: TOKEN, note: `Bot ${TOKEN}` } } }, `could not log in with ${TOKEN}`);
    const line = lines.join('');
    expect(leaks(line)).toEqual([]);
    const parsed = JSON.parse(line) as {
      msg: string;
      err: { message: string; stack: string };
      attempt: { with: { token: string; note: string } };
    };
    expect(parsed.msg).toBe('could not log in with [redacted]');
    expect(parsed.err.message).toBe('login refused for token [redacted]');
    expect(parsed.err.stack).toContain('login refused for token [redacted]');
    expect(parsed.attempt.with).toEqual({ token: '[redacted]', note: 'Bot [redacted]' });
  });

  it('never holds the database URL or its password, as a PostgreSQL connection error quotes them', () => {
    const { logger, lines } = capture();
    const pgError = Object.assign(new Error(`password authentication failed for user "talks" (${PASSWORD})`), {
      code: '28P01',
      connection: DATABASE_URL,
    });
    logger.fatal({ err: pgError, DATABASE_URL }, `cannot open ${DATABASE_URL}`);
    const parsed = JSON.parse(lines.join('')) as {
      msg: string;
      DATABASE_URL: string;
      err: { message: string; connection: string; code: string };
    };
    expect(leaks(lines.join(''))).toEqual([]);
    expect(parsed.msg).toBe('cannot open [redacted]');
    expect(parsed.err.message).toBe('password authentication failed for user "talks" ([redacted])');
    expect(parsed.err.connection).toBe('[redacted]');
    expect(parsed.err.code).toBe('28P01');
  });

  it('keeps the public key and everything else as written', () => {
    const { logger, lines } = capture();
    logger.info({ publicKey: 'ab'.repeat(32), user: 'talks' }, 'ready');
    expect(JSON.parse(lines.join(''))).toMatchObject({ publicKey: 'ab'.repeat(32), user: 'talks', msg: 'ready' });
  });

  it('reads secrets from the environment when none are given', () => {
    const lines: string[] = [];
    const before = process.env.DISCORD_TOKEN;
    process.env.DISCORD_TOKEN = TOKEN;
    try {
      const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
      logger.info(`token is ${TOKEN}`);
    } finally {
      if (before === undefined) delete process.env.DISCORD_TOKEN;
      else process.env.DISCORD_TOKEN = before;
    }
    expect((JSON.parse(lines.join('')) as { msg: string }).msg).toBe('token is [redacted]');
  });
});

describe('a failed request to Discord in a log line', () => {
  const url = 'http://127.0.0.1:9/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246MTIzOnNlY3JldA/callback';
  const requestData = { body: { type: 4, data: { content: 'what a member typed' } }, files: undefined };

  it('is one object naming the request and Discord’s answer, without stack, body or interaction token', () => {
    const { logger, lines } = capture();
    const error = new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', url, requestData);
    logger.warn({ err: error }, 'the interaction expired before it was answered');
    const line = lines.join('');
    expect(line).not.toContain('aW50ZXJhY3Rpb246MTIzOnNlY3JldA');
    expect(line).not.toContain('what a member typed');
    expect((JSON.parse(line) as { err: unknown }).err).toEqual({
      type: 'DiscordAPIError[10062]',
      message: 'Unknown interaction',
      status: 404,
      code: 10062,
      method: 'POST',
      url: 'http://127.0.0.1:9/api/v10/interactions/123456789012345678/:token/callback',
    });
  });

  it('reads the same for a 5xx', () => {
    const { logger, lines } = capture();
    logger.error({ err: new HTTPError(502, 'Bad Gateway', 'PATCH', url.replace('interactions', 'webhooks'), requestData) }, 'edit failed');
    expect((JSON.parse(lines.join('')) as { err: unknown }).err).toMatchObject({
      type: 'HTTPError',
      status: 502,
      method: 'PATCH',
      url: 'http://127.0.0.1:9/api/v10/webhooks/123456789012345678/:token/callback',
    });
  });

  it('loses the token from any webhook route quoted in text', () => {
    expect(withoutInteractionTokens('PATCH /webhooks/111/abc.DEF-ghi_jkl/messages/@original failed')).toBe(
      'PATCH /webhooks/111/:token/messages/@original failed',
    );
  });
});
