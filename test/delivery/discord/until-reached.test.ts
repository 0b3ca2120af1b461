/**
 * The start-up attempts: a passing failure is logged in one line naming the attempt and the wait, and tried again
 * until it succeeds; a configuration error ends the attempts at once; a shutdown ends the waiting.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DiscordConfigError } from '../../../src/delivery/discord/discord-failures.ts';
import { untilReached } from '../../../src/delivery/discord/until-reached.ts';
import { createLogger } from '../../../src/logging/logger.ts';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });

function capture() {
  const lines: Array<{ level: number; msg: string; attempt?: number; retryInMs?: number; stack?: string }> = [];
  const logger = createLogger(
    'info',
    new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]), done()) }),
    { secrets: [] },
  );
  return { logger, lines };
}

describe('reaching Discord at start-up', () => {
  it('tries again after each passing failure, one warning line each, and returns what the attempt gave', async () => {
    const { logger, lines } = capture();
    let calls = 0;
    const result = await untilReached('log in', () => (++calls <= 3 ? Promise.reject(refused()) : Promise.resolve('ready')), {
      logger,
      schedule: { initialMs: 1, maxMs: 2 },
      random: () => 0.5,
    });
    expect(result).toBe('ready');
    expect(calls).toBe(4);
    expect(lines.map((l) => [l.level, l.attempt, l.msg])).toEqual([
      [40, 1, 'log in: Discord cannot be reached (connect ECONNREFUSED 127.0.0.1:443); trying again in 0.0 s'],
      [40, 2, 'log in: Discord cannot be reached (connect ECONNREFUSED 127.0.0.1:443); trying again in 0.0 s'],
      [40, 3, 'log in: Discord cannot be reached (connect ECONNREFUSED 127.0.0.1:443); trying again in 0.0 s'],
      [30, undefined, 'log in: Discord reached after 3 failed attempts'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('"stack"');
  });

  it('stops at the first configuration error, without a retry line', async () => {
    const { logger, lines } = capture();
    let calls = 0;
    const attempt = untilReached('log in', () => (calls++, Promise.reject(new Error('Authentication failed'))), {
      logger,
      schedule: { initialMs: 1, maxMs: 1 },
    });
    await expect(attempt).rejects.toThrow(DiscordConfigError);
    await expect(attempt).rejects.toThrow(/Discord refused DISCORD_TOKEN/);
    expect(calls).toBe(1);
    expect(lines).toEqual([]);
  });

  it('stops waiting when the process is shutting down', async () => {
    const { logger } = capture();
    const shutdown = new AbortController();
    let calls = 0;
    const attempt = untilReached('log in', () => (calls++, shutdown.abort(new Error('shutting down')), Promise.reject(refused())), {
      logger,
      schedule: { initialMs: 3_600_000, maxMs: 3_600_000 },
      signal: shutdown.signal,
    });
    await expect(attempt).rejects.toThrow('shutting down');
    expect(calls).toBe(1);
  });
});
