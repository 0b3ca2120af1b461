/**
 * What every FAQ command, button and form shares: the store and the corpus behind it, the gates (the FAQ is
 * available; inside a server; moderators — Manage Messages or the server's moderator role — for changes), and
 * FaqError messages shown to the user as they are. Every FaqStore call of the interaction layer goes through
 * `faqScope` in the FAQ handlers.
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Options } from '../../commands/define-command.ts';
import { FaqError, type FaqStore } from '../../faq/faq-store.ts';
import type { KnowledgeProvider } from '../../serving/live-knowledge.ts';
import { type AnyLeaf, type Call, type Gate, type Leaf, leaf, Refusal } from '../declare.ts';
import { inServerGate, permissionOrRoleGate } from '../gates.ts';

export interface FaqDeps {
  /** The FAQ store; without one, every FAQ command says the FAQ is unavailable. */
  faq?: FaqStore;
  knowledge: KnowledgeProvider;
  /** PUBLIC_URL: an entry's cited quotes link to their context on the bot's pages. */
  publicUrl?: string;
}

const UNAVAILABLE = 'The FAQ is not available on this bot right now.';

/** The FAQ is there to use. */
export const faqAvailable = (deps: FaqDeps): Gate => ({ check: () => (deps.faq ? null : UNAVAILABLE) });

/** The FAQ belongs to a server. */
export const inServer = inServerGate('The FAQ belongs to a server: use it there.');

/**
 * Members with Manage Messages, or with the role the server chose (`/faq-admin config moderator-role`).
 *
 * @example
 * moderators(deps, 'Sorry — only moderators can change the FAQ.')
 */
export const moderators = (deps: FaqDeps, refusal: string): Gate => permissionOrRoleGate(PermissionFlagsBits.ManageMessages, (guildId) => deps.faq?.moderatorRole(guildId) ?? null, refusal);

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

/**
 * A FAQ subcommand: a FaqError (no such entry, a bad date…) is a message for the user, shown privately as it is.
 *
 * @example
 * faqLeaf({ description: 'Remove an entry', options: { entry }, handle: async ({ entry }, call) => … })
 */
export function faqLeaf<O extends Options>(l: Leaf<O>): AnyLeaf {
  return leaf<O>({
    ...l,
    async handle(input, call) {
      try {
        await l.handle(input, call);
      } catch (error) {
        if (error instanceof FaqError) throw new Refusal(error.message);
        throw error;
      }
    },
  });
}
