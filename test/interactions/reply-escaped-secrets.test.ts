/**
 * A secret is redacted before markdown is escaped: escaping puts a backslash before `_`, `*`, `~`, `|`… in a token,
 * and a `…Gab\_cd…` that no longer matches the token would still render as the token on Discord. So escaped text
 * never carries a secret, and the last guard in front of Discord finds a secret even in text escaped elsewhere.
 */
import { escapeMarkdown } from '@discordjs/formatters';
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../src/interactions/messages/escape-markdown.ts';
import { withoutSecrets } from '../../src/logging/redact-secrets.ts';
import { recordingReply, withSecretSettings } from './recording-reply.ts';

/** A bot token with the characters markdown escaping touches: `_`, and `-` and `.` as in real tokens. */
const TOKEN = 'MTExMTExMTExMTExMTExMTEx.Gab_cd.s3cr3t_b0t__t0k3n-abcdefghijklmnopqrstuvwxyz*012345';
const DATABASE_URL = 'postgres://talks:pass_word__42@db.internal:5432/talks';

describe('a secret in escaped text', () => {
  withSecretSettings({ DISCORD_TOKEN: TOKEN, DATABASE_URL });

  it('is redacted by escapeText before it is escaped', () => {
    expect(escapeText(`login failed with ${TOKEN}`)).toBe('login failed with [redacted]');
    expect(escapeText('password pass_word__42 refused')).toBe('password [redacted] refused');
  });

  it('never reaches a member, escaped here or elsewhere, in a reply or a follow-up', async () => {
    const { reply: r, first, later } = recordingReply();
    await r.send({ content: `Nothing was imported: ${escapeMarkdown(`login failed with ${TOKEN}`)}` });
    await r.send({ embeds: [{ description: escapeMarkdown(`cannot reach ${DATABASE_URL}`) }] });
    const sent = JSON.stringify([first, later]);
    expect(sent).not.toContain('Gab');
    expect(sent).not.toContain('pass');
    expect(JSON.stringify(first)).toContain('Nothing was imported: login failed with [redacted]');
    expect(later[0]?.request.body).toEqual({ embeds: [{ description: 'cannot reach [redacted]' }] });
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
