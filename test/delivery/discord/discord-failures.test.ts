/**
 * Which failures to reach Discord are worth another attempt, and what the operator is told: a network failure or a
 * 5xx passes, a refused token or disallowed intents never will.
 */
import { DiscordAPIError, HTTPError } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import { describeCause, startFailure } from '../../../src/delivery/discord/discord-failures.ts';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });

describe('a failed attempt to reach Discord', () => {
  it('is retried when Discord cannot be reached, naming the network error', () => {
    expect(startFailure(refused)).toEqual({ retry: true, reason: 'Discord cannot be reached (connect ECONNREFUSED 127.0.0.1:443)' });
    expect(startFailure(Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND' }))).toEqual({
      retry: true,
      reason: 'Discord cannot be reached (getaddrinfo ENOTFOUND discord.com)',
    });
  });

  it('is retried when Discord answers with a 5xx', () => {
    expect(
      startFailure(
        new HTTPError(503, 'Service Unavailable', 'GET', 'https://discord.com/api/v10/gateway/bot', { body: undefined, files: undefined }),
      ),
    ).toEqual({ retry: true, reason: 'Discord answered 503 (Service Unavailable)' });
  });

  it('is a configuration error when the token is refused: 401, or gateway close 4004', () => {
    const unauthorized = new DiscordAPIError(
      { message: '401: Unauthorized', code: 0 },
      0,
      401,
      'GET',
      'https://discord.com/api/v10/gateway/bot',
      { body: undefined, files: undefined },
    );
    expect(startFailure(unauthorized)).toMatchObject({
      retry: false,
      reason: expect.stringMatching(/^Discord refused DISCORD_TOKEN.*\(401 Unauthorized\)$/) as unknown,
    });
    expect(startFailure(Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }))).toMatchObject({
      retry: false,
    });
    expect(startFailure(new Error('Authentication failed'), 4004)).toMatchObject({
      retry: false,
      reason: expect.stringContaining('(gateway close 4004)') as unknown,
    });
    expect(startFailure(new Error('Authentication failed'))).toMatchObject({
      retry: false,
      reason: expect.stringContaining('(gateway close 4004)') as unknown,
    });
  });

  it('is a configuration error when the intents are not allowed (4014) or sharding is required (4011)', () => {
    expect(startFailure(new Error('Used disallowed intents'), 4014)).toMatchObject({
      retry: false,
      reason: expect.stringContaining('Privileged Gateway Intents') as unknown,
    });
    expect(startFailure(new Error('Sharding is required'))).toMatchObject({
      retry: false,
      reason: expect.stringContaining('npm run start:sharded') as unknown,
    });
  });
});

describe('the cause of a connection error', () => {
  it('is the first inner error when Node gives an AggregateError without a message', () => {
    expect(
      describeCause(new AggregateError([new Error('connect ECONNREFUSED ::1:443'), new Error('connect ECONNREFUSED 127.0.0.1:443')], '')),
    ).toBe('connect ECONNREFUSED ::1:443');
  });

  it('is the cause behind "fetch failed"', () => {
    expect(describeCause(new TypeError('fetch failed', { cause: new Error('getaddrinfo EAI_AGAIN discord.com') }))).toBe(
      'getaddrinfo EAI_AGAIN discord.com',
    );
  });
});
