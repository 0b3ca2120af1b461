/**
 * The settings as an operator writes them: HTTP mode needs the application's public key (and no bot token), the
 * gateway mode still needs its token, and a wrong value is named in one readable message.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, readDiscordEnv, readHttpEnv } from '../../src/config/env.ts';

const APP = '123456789012345678';
const KEY = 'c0ffee'.repeat(10) + 'beef';

describe('HTTP mode settings', () => {
  it('needs only the application id and its public key; the port, address and path have defaults', () => {
    expect(readHttpEnv({ DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY })).toMatchObject({
      DISCORD_PUBLIC_KEY: KEY,
      PORT: 8080,
      HTTP_HOST: '0.0.0.0',
      INTERACTIONS_PATH: '/interactions',
    });
    expect(readHttpEnv({ DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: ` ${KEY.toUpperCase()}\n`, PORT: '3000' })).toMatchObject({
      DISCORD_PUBLIC_KEY: KEY.toUpperCase(),
      PORT: 3000,
    });
  });

  it.each([
    [{ DISCORD_APPLICATION_ID: APP }, 'invalid settings: DISCORD_PUBLIC_KEY is missing'],
    [{ DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: '' }, 'invalid settings: DISCORD_PUBLIC_KEY is missing'],
    [
      { DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY.slice(2) },
      "invalid settings: DISCORD_PUBLIC_KEY must be the application's public key: 64 hex characters (Developer Portal → General Information → Public Key)",
    ],
    [
      { DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: `${KEY.slice(1)}g` },
      "invalid settings: DISCORD_PUBLIC_KEY must be the application's public key: 64 hex characters (Developer Portal → General Information → Public Key)",
    ],
    [{ DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY, PORT: 'http' }, 'invalid settings: PORT must be a port number (1–65535)'],
    [{ DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY, PORT: '70000' }, 'invalid settings: PORT must be a port number (1–65535)'],
    [
      { DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY, INTERACTIONS_PATH: 'interactions' },
      'invalid settings: INTERACTIONS_PATH must be a path starting with / (e.g. /interactions)',
    ],
    [
      { DISCORD_PUBLIC_KEY: KEY, DISCORD_TOKEN: 'short' },
      'invalid settings: DISCORD_TOKEN must be a bot token (Developer Portal → Bot → Reset Token); DISCORD_APPLICATION_ID is missing',
    ],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => readHttpEnv(env)).toThrow(new ConfigError(message));
  });
});

describe('gateway mode settings, unchanged', () => {
  it('still need the bot token, and do not ask for the public key', () => {
    expect(() => readDiscordEnv({ DISCORD_APPLICATION_ID: APP })).toThrow(new ConfigError('invalid settings: DISCORD_TOKEN is missing'));
    expect(readDiscordEnv({ DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: 'x'.repeat(60) })).not.toHaveProperty('DISCORD_PUBLIC_KEY');
  });
});
