/**
 * No message to a member carries a secret of the settings: an error text that quotes the bot token or the FAQ
 * database URL (a driver's message, a refusal built from an exception) reaches the channel as `[redacted]`, whether
 * it is the first response, an edit or a follow-up.
 */
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InteractionReply, type WebhookRequest } from '../../src/interactions/interaction-reply.ts';
import { withoutSecrets } from '../../src/logging/redact-secrets.ts';

const TOKEN = `MTExMTExMTExMTExMTExMTEx.fake.${'s3cr3t'.repeat(10)}`;
const DATABASE_URL = 'postgres://talks:a-long-password-42@db.internal:5432/talks';

describe('what a member is sent', () => {
  const saved = { DISCORD_TOKEN: process.env.DISCORD_TOKEN, DATABASE_URL: process.env.DATABASE_URL };
  beforeEach(() => {
    process.env.DISCORD_TOKEN = TOKEN;
    process.env.DATABASE_URL = DATABASE_URL;
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  function reply() {
    const first: APIInteractionResponse[] = [];
    const later: Array<{ method: string; request: WebhookRequest }> = [];
    const rest = {
      post: (_route: string, request: WebhookRequest) => Promise.resolve(later.push({ method: 'POST', request })),
      patch: (_route: string, request: WebhookRequest) => Promise.resolve(later.push({ method: 'PATCH', request })),
      delete: (_route: string, request: WebhookRequest) => Promise.resolve(later.push({ method: 'DELETE', request })),
    };
    const r = new InteractionReply(
      { id: '1', token: 'interaction-token', application_id: '2' },
      (response) => Promise.resolve(void first.push(response)),
      rest,
    );
    return { r, first, later };
  }

  it('has the database URL and the token redacted in a reply and in a follow-up', async () => {
    const { r, first, later } = reply();
    await r.send({ content: `Nothing was imported: cannot connect to ${DATABASE_URL}` });
    await r.send({ embeds: [{ description: `login failed with ${TOKEN}` }] });
    expect(JSON.stringify(first)).toContain('Nothing was imported: cannot connect to [redacted]');
    expect(later[0]?.request.body).toEqual({ embeds: [{ description: 'login failed with [redacted]' }] });
  });

  it('has the password alone redacted in a deferred answer’s edit', async () => {
    const { r, later } = reply();
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
