/**
 * A secret is redacted before markdown is escaped: escaping puts a backslash before `_`, `*`, `~`, `|`… in a token,
 * and a `…Gab\_cd…` that no longer matches the token would still render as the token on Discord. So escaped text
 * never carries a secret, and the last guard in front of Discord finds a secret even in text escaped elsewhere.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InteractionReply, type WebhookRequest } from '../../src/interactions/interaction-reply.ts';
import { escapeText } from '../../src/interactions/messages/escape-markdown.ts';
import { withoutSecrets } from '../../src/logging/redact-secrets.ts';

/** A bot token with the characters markdown escaping touches: `_`, and `-` and `.` as in real tokens. */
const TOKEN = 'MTExMTExMTExMTExMTExMTEx.Gab_cd.s3cr3t_b0t__t0k3n-abcdefghijklmnopqrstuvwxyz*012345';
const DATABASE_URL = 'postgres://talks:pass_word__42@db.internal:5432/talks';

describe('a secret in escaped text', () => {
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
    const later: WebhookRequest[] = [];
    const rest = {
      post: (_route: string, request: WebhookRequest) => Promise.resolve(later.push(request)),
      patch: (_route: string, request: WebhookRequest) => Promise.resolve(later.push(request)),
      delete: (_route: string, request: WebhookRequest) => Promise.resolve(later.push(request)),
    };
    const r = new InteractionReply(
      { id: '1', token: 'interaction-token', application_id: '2' },
      (response) => Promise.resolve(void first.push(response)),
      rest,
    );
    return { r, first, later };
  }

  it('is redacted by escapeText before it is escaped', () => {
    expect(escapeText(`login failed with ${TOKEN}`)).toBe('login failed with [redacted]');
    expect(escapeText('password pass_word__42 refused')).toBe('password [redacted] refused');
  });

  it('never reaches a member, escaped here or elsewhere, in a reply or a follow-up', async () => {
    const { r, first, later } = reply();
    await r.send({ content: `Nothing was imported: ${escapeMarkdown(`login failed with ${TOKEN}`)}` });
    await r.send({ embeds: [{ description: escapeMarkdown(`cannot reach ${DATABASE_URL}`) }] });
    const sent = JSON.stringify([first, later]);
    expect(sent).not.toContain('Gab');
    expect(sent).not.toContain('pass');
    expect(JSON.stringify(first)).toContain('Nothing was imported: login failed with [redacted]');
    expect(later[0]?.body).toEqual({ embeds: [{ description: 'cannot reach [redacted]' }] });
  });

  it('is found whichever characters were escaped, a backslash in the secret included', () => {
    const secret = 'ab\\cd_ef*gh~~ij||kl`mn';
    const env = { DISCORD_TOKEN: secret };
    expect(withoutSecrets({ content: `x ${escapeMarkdown(secret)} y` }, env)).toEqual({ content: 'x [redacted] y' });
    expect(withoutSecrets({ content: `x ${secret} y` }, env)).toEqual({ content: 'x [redacted] y' });
  });

  it('keeps text that only looks like an escaped secret with letters changed', () => {
    expect(withoutSecrets({ content: 'Gab\\_cx' }, { DISCORD_TOKEN: 'Gab_cd' })).toEqual({ content: 'Gab\\_cx' });
  });
});
