/**
 * No message to a member carries a secret of the settings: an error text that quotes the bot token or the FAQ
 * database URL (a driver's message, a refusal built from an exception) reaches the channel as `[redacted]`, whether
 * it is the first response, an edit or a follow-up.
 */
import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../src/logging/redact-secrets.ts';
import { recordingReply, withSecretSettings } from './recording-reply.ts';

const TOKEN = `MTExMTExMTExMTExMTExMTEx.fake.${'s3cr3t'.repeat(10)}`;
const DATABASE_URL = 'postgres://talks:a-long-password-42@db.internal:5432/talks';

describe('what a member is sent', () => {
  withSecretSettings({ DISCORD_TOKEN: TOKEN, DATABASE_URL });

  it('has the database URL and the token redacted in a reply and in a follow-up', async () => {
    const { reply: r, first, later } = recordingReply();
    await r.send({ content: `Nothing was imported: cannot connect to ${DATABASE_URL}` });
    await r.send({ embeds: [{ description: `login failed with ${TOKEN}` }] });
    expect(JSON.stringify(first)).toContain('Nothing was imported: cannot connect to [redacted]');
    expect(later[0]?.request.body).toEqual({ embeds: [{ description: 'login failed with [redacted]' }] });
  });

  it('has the password alone redacted in a deferred answer’s edit', async () => {
    const { reply: r, later } = recordingReply();
    await r.defer({ private: true });
    await r.send({ content: 'password authentication failed (a-long-password-42)' });
    expect(later[0]).toMatchObject({ method: 'PATCH', request: { body: { content: 'password authentication failed ([redacted])' } } });
  });

  it('keeps ordinary words that happen to be a short password', () => {
    expect(withoutSecrets({ content: 'the deal' }, { DATABASE_URL: 'postgres://bot:deal@db/talks' })).toEqual({ content: 'the deal' });
    expect(withoutSecrets({ content: 'from postgres://bot:deal@db/talks' }, { DATABASE_URL: 'postgres://bot:deal@db/talks' })).toEqual({
      content: 'from [redacted]',
    });
  });
});
