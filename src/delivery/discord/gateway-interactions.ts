/**
 * The gateway transport of the interaction layer: discord.js receives INTERACTION_CREATE as raw JSON and hands it
 * to the layer's handler; the first response is the interaction callback POST through the webhook client the layer
 * edits with (`createWebhookClient`: interaction routes are not held to Discord's global 50 requests a second, which
 * discord.js's own REST client would apply to them). Nothing here reads a discord.js Interaction object.
 *
 * @example
 * listenForInteractions(client, createInteractionHandler(ctx, webhooks), webhooks);
 */
import { type APIInteraction, GatewayDispatchEvents, Routes } from 'discord-api-types/v10';
import type { Client } from 'discord.js';
import type { InteractionHandler } from '../../interactions/dispatch.ts';
import type { WebhookRest } from '../../interactions/interaction-reply.ts';

export function listenForInteractions(client: Client, handle: InteractionHandler, webhooks: WebhookRest): void {
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
    void handle(interaction, async (response) => {
      await webhooks.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
    });
  });
}
