/**
 * The gateway transport of the interaction layer: discord.js receives INTERACTION_CREATE as raw JSON and hands it
 * to the layer's handler; the first response is the interaction callback POST through discord.js's REST client.
 * Nothing here reads a discord.js Interaction object.
 *
 * @example
 * listenForInteractions(client, createInteractionHandler(ctx, client.rest));
 */
import { type APIInteraction, GatewayDispatchEvents, Routes } from 'discord-api-types/v10';
import type { Client } from 'discord.js';
import type { InteractionHandler } from '../../interactions/dispatch.ts';

export function listenForInteractions(client: Client, handle: InteractionHandler): void {
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
    void handle(interaction, async (response) => {
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
    });
  });
}
