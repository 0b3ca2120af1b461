/**
 * The one way a handler answers an interaction, whatever carried it (the gateway, or an HTTP endpoint): the first
 * response goes through the transport's `sendFirst` (a reply, a deferral, an update of the message clicked, a form,
 * autocomplete choices), everything after through Discord's webhook routes with the interaction token — editing the
 * original response, follow-ups, deleting. It remembers what was sent, so `send` after a deferral edits the
 * original and `send` after a reply posts a follow-up, and the handler never has to know. Whatever it sends passes
 * through `withoutSecrets`, so an error message quoting the bot token or the database URL never reaches a member.
 * Handlers escape markdown before this point, so the secret may arrive escaped (`Gab\_cd`): redaction happens first
 * where text is escaped (`escapeText`), and this last guard finds a secret with escaping backslashes in it too.
 *
 * @example
 * const reply = new InteractionReply(interaction, sendFirst, createWebhookClient({ api: env.DISCORD_API_URL }));
 * await reply.defer({ private: true });
 * await reply.send({ content: 'Done.' }); // → PATCH /webhooks/{app}/{token}/messages/@original
 */
import {
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
  Routes,
} from 'discord-api-types/v10';
import { withoutSecrets } from '../logging/redact-secrets.ts';

/** How a transport sends an interaction's first response: a callback POST on the gateway, the HTTP response body on an endpoint. */
export type SendFirst = (response: APIInteractionResponse) => Promise<void>;

/** A request on a webhook route: the JSON body, files to upload with it, and no bot token (the interaction token is in the route). */
export interface WebhookRequest {
  body?: unknown;
  files?: Array<{ name: string; data: Buffer }>;
  auth?: boolean;
}

/**
 * The REST client's methods the webhook routes need: `createWebhookClient()` (bot-context.ts), a @discordjs/rest
 * client for these routes alone, which Discord's global rate limit does not hold back — or discord.js's
 * `client.rest`, which holds every request it sends to 50 a second.
 */
export interface WebhookRest {
  post(route: `/${string}`, request: WebhookRequest): Promise<unknown>;
  patch(route: `/${string}`, request: WebhookRequest): Promise<unknown>;
  delete(route: `/${string}`, request: WebhookRequest): Promise<unknown>;
}

/** A message as the API takes it. */
export type MessageData = APIInteractionResponseCallbackData;

/** A file sent with a message (an FAQ export). */
export interface MessageFile {
  name: string;
  data: Buffer;
}

type State = 'none' | 'replied' | 'deferred-reply' | 'deferred-update' | 'updated';

export class InteractionReply {
  private state: State = 'none';

  constructor(
    private readonly interaction: { id: string; token: string; application_id: string },
    private readonly sendFirst: SendFirst,
    private readonly rest: WebhookRest,
  ) {}

  /** Whether the first response has gone out (so anything more is an edit or a follow-up). */
  get answered(): boolean {
    return this.state !== 'none';
  }

  /** A message for the user: the reply, or the deferred reply's edit, or a follow-up after a reply. */
  async send(message: MessageData, files: readonly MessageFile[] = []): Promise<void> {
    if (this.state === 'none' && files.length === 0)
      await this.first({ type: InteractionResponseType.ChannelMessageWithSource, data: message }, 'replied');
    else if (this.state === 'none') {
      await this.defer({ private: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0 });
      await this.editOriginal(message, files);
    } else if (this.state === 'deferred-reply') await this.editOriginal(message, files);
    else await this.followUp(message);
  }

  /** "talks-bot is thinking…": the answer follows with `send` (an edit of the original) within 15 minutes. */
  async defer(options: { private: boolean }): Promise<void> {
    await this.first(
      { type: InteractionResponseType.DeferredChannelMessageWithSource, data: options.private ? { flags: MessageFlags.Ephemeral } : {} },
      'deferred-reply',
    );
  }

  /** Replaces the message whose button was clicked (or form submitted); after `deferUpdate`, edits it. */
  async update(message: MessageData): Promise<void> {
    if (this.state === 'none') await this.first({ type: InteractionResponseType.UpdateMessage, data: withoutFlags(message) }, 'updated');
    else await this.editOriginal(message);
  }

  /** Acknowledges a click now; the message is changed later with `update` or removed with `deleteOriginal`. */
  async deferUpdate(): Promise<void> {
    await this.first({ type: InteractionResponseType.DeferredMessageUpdate }, 'deferred-update');
  }

  /** Opens a form (only as the first response). */
  async showForm(form: APIModalInteractionResponseCallbackData): Promise<void> {
    await this.first({ type: InteractionResponseType.Modal, data: form }, 'replied');
  }

  /** Autocomplete suggestions. */
  async choices(choices: APIApplicationCommandOptionChoice[]): Promise<void> {
    await this.first({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, 'replied');
  }

  /** PING from an HTTP endpoint check. */
  async pong(): Promise<void> {
    await this.first({ type: InteractionResponseType.Pong }, 'replied');
  }

  /** PATCH /webhooks/{app}/{token}/messages/@original. */
  async editOriginal(message: MessageData, files: readonly MessageFile[] = []): Promise<void> {
    const body = {
      ...withoutFlags(message),
      ...(files.length > 0 ? { attachments: files.map((f, id) => ({ id: String(id), filename: f.name })) } : {}),
    };
    await this.rest.patch(Routes.webhookMessage(this.interaction.application_id, this.interaction.token, '@original'), {
      body: withoutSecrets(body),
      auth: false,
      ...(files.length > 0 ? { files: files.map((f) => ({ name: f.name, data: f.data })) } : {}),
    });
  }

  /** POST /webhooks/{app}/{token}: another message after the first. */
  async followUp(message: MessageData): Promise<void> {
    await this.rest.post(Routes.webhook(this.interaction.application_id, this.interaction.token), {
      body: withoutSecrets(message),
      auth: false,
    });
  }

  /** DELETE /webhooks/{app}/{token}/messages/@original: removes the message (after `deferUpdate`, the one clicked). */
  async deleteOriginal(): Promise<void> {
    await this.rest.delete(Routes.webhookMessage(this.interaction.application_id, this.interaction.token, '@original'), { auth: false });
  }

  private async first(response: APIInteractionResponse, next: State): Promise<void> {
    if (this.state !== 'none') throw new Error(`interaction ${this.interaction.id} already has its first response`);
    await this.sendFirst(withoutSecrets(response));
    this.state = next;
  }
}

/** An edit cannot change whether a message is private: Discord keeps the original's flags. */
function withoutFlags(message: MessageData): MessageData {
  const { flags: _flags, ...rest } = message;
  return rest;
}
