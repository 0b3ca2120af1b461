/**
 * What every FAQ command, button and form shares: the store and the corpus behind it, the starter FAQ, and the gates
 * (the FAQ is available; inside a server; moderators — Manage Messages or the server's moderator role — for
 * changes). A FaqError the store throws (no such entry, a bad date…) is a UserError: the dispatcher shows it to the
 * user privately, as it is. Every FaqStore call of the interaction layer goes through `faqScope` in the FAQ handlers.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { type Call, type Gate, Refusal } from '../../commands/declare.ts';
import type { FaqStore } from '../../faq/faq-store.ts';
import { inServerGate, permissionOrRoleGate } from '../gates.ts';

const UNAVAILABLE = 'The FAQ is not available on this bot right now.';

/** The FAQ is there to use. */
export const faqAvailable: Gate = { check: (call) => (call.services.faq ? null : new Refusal(UNAVAILABLE)) };

/** The FAQ belongs to a server. */
export const inServer = inServerGate('The FAQ belongs to a server: use it there.');

/**
 * Members with Manage Messages, or with the role the server chose (`/faq-admin config moderator-role`).
 *
 * @example
 * moderators('Sorry — only moderators can change the FAQ.')
 */
export const moderators = (refusal: string): Gate =>
  permissionOrRoleGate(PermissionFlagsBits.ManageMessages, (guildId, call) => call.services.faq?.moderatorRole(guildId) ?? null, refusal);

/**
 * The store and the server a call is about (the gates made sure both exist).
 *
 * @example
 * const { store, guildId } = faqScope(call);
 * store.list(guildId);
 */
export function faqScope(call: Call): { store: FaqStore; guildId: string } {
  const { faq } = call.services;
  if (!faq) throw new Refusal(UNAVAILABLE);
  if (!call.guildId) throw new Refusal('The FAQ belongs to a server: use it there.');
  return { store: faq, guildId: call.guildId };
}
