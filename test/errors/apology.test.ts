/**
 * The one apology for a failure on the bot's side, as both the interaction layer and the HTTP endpoint's fallback
 * first response say it.
 */
import { InteractionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { apology, newErrorId, TOOK_TOO_LONG } from '../../src/errors/apology.ts';
import { fallbackResponse } from '../../src/delivery/http/first-response.ts';
import type { APIInteraction } from 'discord-api-types/v10';

describe('the apology', () => {
  it('names the error id the failure was logged under', () => {
    expect(apology('1a2b3c4d')).toBe('Sorry — something went wrong on our side (error id `1a2b3c4d`). Please try again.');
    expect(apology('1a2b3c4d', TOOK_TOO_LONG)).toBe('Sorry — that took too long to answer (error id `1a2b3c4d`). Please try again.');
  });

  it('gets an id of 8 hex digits, a new one each time', () => {
    const ids = new Set(Array.from({ length: 20 }, newErrorId));
    expect([...ids].every((id) => /^[0-9a-f]{8}$/.test(id))).toBe(true);
    expect(ids.size).toBe(20);
  });

  it('is what the HTTP endpoint sends when the handler could not answer', () => {
    const interaction = { id: '1', application_id: '2', token: 't', type: InteractionType.ApplicationCommand } as APIInteraction;
    expect(fallbackResponse(interaction, 'threw', '1a2b3c4d')).toMatchObject({ data: { content: apology('1a2b3c4d') } });
    expect(fallbackResponse(interaction, 'deadline', '1a2b3c4d')).toMatchObject({ data: { content: apology('1a2b3c4d', TOOK_TOO_LONG) } });
  });
});
