/**
 * The registration payload for Discord's bulk overwrite (`PUT /applications/{app}/commands`): the interaction
 * layer's declarations (src/interactions/command-payloads.ts), with `/source-admin` before the "Find sources" menu.
 */
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { AnyCommand } from '../../commands/define-command.ts';
import { registrationCatalog } from '../../interactions/catalog.ts';
import { type CommandPayload, payloadsOf } from '../../interactions/command-payloads.ts';
import { sourceAdminPayload } from './sources/source-admin-payload.ts';

export function commandPayloads(commands: readonly AnyCommand[]): CommandPayload[] {
  const declared = payloadsOf(registrationCatalog(commands));
  const menu = declared.filter((c) => c.type !== ApplicationCommandType.ChatInput);
  return [...declared.filter((c) => c.type === ApplicationCommandType.ChatInput), sourceAdminPayload(), ...menu];
}
