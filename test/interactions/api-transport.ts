/**
 * A transport for the interaction layer with no discord.js and no network: it records the first response and
 * every webhook call (edit, follow-up, delete) a handler makes, each body checked against Discord's OpenAPI spec.
 */
import type { APIInteraction } from 'discord-api-types/v10';
import type { InteractionContext } from '../../src/interactions/dispatch.ts';
import { dispatchInteraction } from '../../src/interactions/dispatch.ts';
import { InteractionReply, type WebhookRest } from '../../src/interactions/interaction-reply.ts';
import { checkRequest } from '../delivery/discord/discord-schema.ts';

export interface Sent {
  method: string;
  route: string;
  body: Record<string, unknown> | undefined;
  problems: string[];
}

export class ApiTransport {
  readonly sent: Sent[] = [];
  /** Make the next first response fail, as a callback refused by Discord would. */
  failNextFirst = false;

  constructor(private readonly ctx: InteractionContext) {}

  private record(method: string, encodedRoute: string, body: unknown): void {
    const route = decodeURIComponent(encodedRoute); // the REST client's routes percent-encode "@original"
    this.sent.push({ method, route, body: body as Record<string, unknown> | undefined, problems: checkRequest(method, route, body) });
  }

  readonly rest = {
    post: (route: string, options?: { body?: unknown }) => Promise.resolve(this.record('POST', route, options?.body)),
    patch: (route: string, options?: { body?: unknown }) => Promise.resolve(this.record('PATCH', route, options?.body)),
    delete: (route: string) => Promise.resolve(this.record('DELETE', route, undefined)),
  } as unknown as WebhookRest;

  /** Dispatches interaction JSON (as Discord sends it) and returns what the bot sent for it. */
  async handle(json: Record<string, unknown>): Promise<Sent[]> {
    const interaction = json as unknown as APIInteraction;
    const before = this.sent.length;
    const sendFirst = (response: unknown) => {
      if (this.failNextFirst) {
        this.failNextFirst = false;
        return Promise.reject(new Error('Discord refused the callback (400)'));
      }
      return Promise.resolve(this.record('POST', `/interactions/${interaction.id}/${interaction.token}/callback`, response));
    };
    await dispatchInteraction(interaction, new InteractionReply(interaction, sendFirst, this.rest), this.ctx);
    return this.sent.slice(before);
  }

  /** The first response to an interaction. */
  async first(json: Record<string, unknown>): Promise<Response> {
    const [first] = await this.handle(json);
    return (first?.body ?? {}) as unknown as Response;
  }

  get problems(): string[] {
    return this.sent.flatMap((s) => s.problems.map((p) => `${s.method} ${s.route}: ${p}`));
  }
}

export interface Response {
  type: number;
  data?: {
    flags?: number;
    content?: string;
    embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } }>;
    components?: Array<{ components: Array<{ label?: string; custom_id?: string; disabled?: boolean }> }>;
    allowed_mentions?: { parse: string[]; replied_user?: boolean };
    choices?: Array<{ name: string; value: string | number }>;
  };
}
