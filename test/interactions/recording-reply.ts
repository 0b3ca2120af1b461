/**
 * For tests of what an InteractionReply sends: a reply whose first response and webhook calls are recorded instead of
 * sent, and the bot's secret settings set for the tests of a `describe` (and put back after each).
 */
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { afterEach, beforeEach } from 'vitest';
import { InteractionReply, type WebhookRequest } from '../../src/interactions/interaction-reply.ts';

/**
 * An InteractionReply that records: `first` holds the first responses, `later` each webhook call with its method.
 *
 * @example
 * const { reply, first, later } = recordingReply();
 * await reply.send({ content: 'hello' }); // first[0] is the response; a second send is later[0], a POST
 */
export function recordingReply(): {
  reply: InteractionReply;
  first: APIInteractionResponse[];
  later: Array<{ method: string; request: WebhookRequest }>;
} {
  const first: APIInteractionResponse[] = [];
  const later: Array<{ method: string; request: WebhookRequest }> = [];
  const record = (method: string) => (_route: string, request: WebhookRequest) => Promise.resolve(later.push({ method, request }));
  const reply = new InteractionReply(
    { id: '1', token: 'interaction-token', application_id: '2' },
    (response) => Promise.resolve(void first.push(response)),
    { post: record('POST'), patch: record('PATCH'), delete: record('DELETE') },
  );
  return { reply, first, later };
}

/** Sets DISCORD_TOKEN and DATABASE_URL before each test of the calling `describe`, and restores them after. */
export function withSecretSettings(settings: { DISCORD_TOKEN: string; DATABASE_URL: string }): void {
  const saved = { DISCORD_TOKEN: process.env.DISCORD_TOKEN, DATABASE_URL: process.env.DATABASE_URL };
  beforeEach(() => Object.assign(process.env, settings));
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}
