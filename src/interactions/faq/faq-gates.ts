/**
 * What every FAQ command, button and form shares: the store and the corpus behind it, the starter FAQ, and the gates
 * (the FAQ is available; inside a server; moderators — Manage Messages or the server's moderator role — for
 * changes). A FaqError the store throws (no such entry, a bad date…) is a UserError: the dispatcher shows it to the
 * user privately, as it is. Every FaqStore call of the interaction layer goes through `faqScope` in the FAQ handlers.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { FaqStore } from '../../faq/faq-store.ts';
import type { KnowledgeProvider } from '../../serving/live-knowledge.ts';
import { type Call, type Gate, Refusal } from '../declare.ts';
import { inServerGate, permissionOrRoleGate } from '../gates.ts';

/**
 * The starter FAQ `/faq-admin seed` imports, as an FAQ export's JSON (or a promise of it), read when a moderator
 * seeds. The transport gives it at start (`faqSeedIn` in src/delivery/bot-state.ts: the corpus's faq-seed.json); it
 * throws with a message for the moderator when it cannot be read.
 */
export type FaqSeed = () => unknown;

export interface FaqDeps {
  /** The FAQ store; without one, every FAQ command says the FAQ is unavailable. */
  faq?: FaqStore;
  knowledge: KnowledgeProvider;
  /** PUBLIC_URL: an entry's cited quotes link to their context on the bot's pages. */
  publicUrl?: string;
  /** The starter FAQ for `/faq-admin seed`; without one, seeding says this bot has none. */
  faqSeed?: FaqSeed;
}

const UNAVAILABLE = 'The FAQ is not available on this bot right now.';

/** The FAQ is there to use. */
export const faqAvailable = (deps: FaqDeps): Gate => ({ check: () => (deps.faq ? null : new Refusal(UNAVAILABLE)) });

/** The FAQ belongs to a server. */
export const inServer = inServerGate('The FAQ belongs to a server: use it there.');

/**
 * Members with Manage Messages, or with the role the server chose (`/faq-admin config moderator-role`).
 *
 * @example
 * moderators(deps, 'Sorry — only moderators can change the FAQ.')
 */
export const moderators = (deps: FaqDeps, refusal: string): Gate =>
  permissionOrRoleGate(PermissionFlagsBits.ManageMessages, (guildId) => deps.faq?.moderatorRole(guildId) ?? null, refusal);

/**
 * The store and the server a call is about (the gates made sure both exist).
 *
 * @example
 * const { store, guildId } = faqScope(deps, call);
 * store.list(guildId);
 */
export function faqScope(deps: FaqDeps, call: Call): { store: FaqStore; guildId: string } {
  if (!deps.faq) throw new Refusal(UNAVAILABLE);
  if (!call.guildId) throw new Refusal('The FAQ belongs to a server: use it there.');
  return { store: deps.faq, guildId: call.guildId };
}
