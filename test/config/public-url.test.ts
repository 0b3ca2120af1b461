/** PUBLIC_URL and WEB_PORT: the pages' settings, checked at start-up with a message that names what is wrong. */
import { describe, expect, it } from 'vitest';
import { isPublicBaseUrl, readDiscordEnv, readHttpEnv } from '../../src/config/env.ts';

const TOKEN = `fake.${'x'.repeat(64)}`;
const APP = '123456789012345678';
const KEY = 'a'.repeat(64);

describe('PUBLIC_URL', () => {
  it('takes an absolute http(s) URL, with or without a path, and drops a trailing slash', () => {
    expect(
      readDiscordEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, PUBLIC_URL: 'https://talks.example.org/', WEB_PORT: '8081' }),
    ).toMatchObject({ PUBLIC_URL: 'https://talks.example.org', WEB_PORT: 8081, WEB_HOST: '0.0.0.0' });
    expect(readHttpEnv({ DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY, PUBLIC_URL: 'http://localhost:8080/bot' }).PUBLIC_URL).toBe(
      'http://localhost:8080/bot',
    );
  });

  it.each([
    'talks.example.org',
    '/sources',
    'ftp://example.org',
    'javascript:alert(1)',
    'https://example.org/?a=1',
    'https://example.org/#x',
    'https://user:pw@example.org',
  ])('refuses %s, naming the variable', (url) => {
    expect(isPublicBaseUrl(url)).toBe(false);
    expect(() => readHttpEnv({ DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: KEY, PUBLIC_URL: url })).toThrow(
      /PUBLIC_URL must be an absolute http\(s\) URL/,
    );
  });

  it('needs WEB_PORT in gateway mode (HTTP mode serves the pages on PORT), and a real port', () => {
    expect(() => readDiscordEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, PUBLIC_URL: 'https://talks.example.org' })).toThrow(
      'WEB_PORT is missing: with PUBLIC_URL set, the quote pages need a port to be served on',
    );
    expect(() =>
      readDiscordEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, PUBLIC_URL: 'https://talks.example.org', WEB_PORT: '99999' }),
    ).toThrow('WEB_PORT must be a port number (1–65535)');
  });

  it('is optional: without it nothing about pages is needed', () => {
    expect(readDiscordEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP }).PUBLIC_URL).toBeUndefined();
  });
});
