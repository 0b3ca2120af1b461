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
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  return { logger: createLogger('debug', stream, { secrets: secretsOf({ DISCORD_TOKEN: TOKEN, DATABASE_URL }) }), lines };
}

const leaks = (text: string) => [TOKEN, DATABASE_URL, PASSWORD, 'pa%24%24word-42'].filter((s) => text.includes(s));

describe('the secrets of the settings', () => {
  it('are the token, the database URL, and its password as written and decoded', () => {
    expect(secretsOf({ DISCORD_TOKEN: TOKEN, DATABASE_URL })).toEqual([TOKEN, DATABASE_URL, 'pa%24%24word-42', PASSWORD]);
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

describe('a log line', () => {
  it('never holds the token, whether in the message, an error message, its stack or a nested field', () => {
    const { logger, lines } = capture();
    const error = new Error(`login refused for token ${TOKEN}`);
    logger.error({ err: error, attempt: { with: { token: TOKEN, note: `Bot ${TOKEN}` } } }, `could not log in with ${TOKEN}`);
    const line = lines.join('');
    expect(leaks(line)).toEqual([]);
    const parsed = JSON.parse(line) as { msg: string; err: { message: string; stack: string }; attempt: { with: { token: string; note: string } } };
    expect(parsed.msg).toBe('could not log in with [redacted]');
    expect(parsed.err.message).toBe('login refused for token [redacted]');
    expect(parsed.err.stack).toContain('login refused for token [redacted]');
    expect(parsed.attempt.with).toEqual({ token: '[redacted]', note: 'Bot [redacted]' });
  });

  it('never holds the database URL or its password, as a PostgreSQL connection error quotes them', () => {
    const { logger, lines } = capture();
    const pgError = Object.assign(new Error(`password authentication failed for user "talks" (${PASSWORD})`), { code: '28P01', connection: DATABASE_URL });
    logger.fatal({ err: pgError, DATABASE_URL }, `cannot open ${DATABASE_URL}`);
    const parsed = JSON.parse(lines.join('')) as { msg: string; DATABASE_URL: string; err: { message: string; connection: string; code: string } };
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
    expect((JSON.parse(line) as { err: unknown }).err).toEqual({ type: 'DiscordAPIError[10062]', message: 'Unknown interaction', status: 404, code: 10062, method: 'POST', url: 'http://127.0.0.1:9/api/v10/interactions/123456789012345678/:token/callback' });
  });

  it('reads the same for a 5xx', () => {
    const { logger, lines } = capture();
    logger.error({ err: new HTTPError(502, 'Bad Gateway', 'PATCH', url.replace('interactions', 'webhooks'), requestData) }, 'edit failed');
    expect((JSON.parse(lines.join('')) as { err: unknown }).err).toMatchObject({ type: 'HTTPError', status: 502, method: 'PATCH', url: 'http://127.0.0.1:9/api/v10/webhooks/123456789012345678/:token/callback' });
  });

  it('loses the token from any webhook route quoted in text', () => {
    expect(withoutInteractionTokens('PATCH /webhooks/111/abc.DEF-ghi_jkl/messages/@original failed')).toBe('PATCH /webhooks/111/:token/messages/@original failed');
  });
});
