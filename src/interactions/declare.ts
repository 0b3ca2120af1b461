/**
 * How every command, button and form the bot offers is declared: once, with its options and its gates, so the
 * dispatcher, the registration payload and the handler's parameter types all come from the same object. A handler
 * receives typed, validated options (attachments and roles already resolved) and a `Call`: who is asking, where,
 * and the one `reply` to answer through.
 */
import type { APIInteraction, APIMessage, APIUser } from 'discord-api-types/v10';
import type { Options, OptionValues } from '../commands/define-command.ts';
import { UserError } from '../errors/user-error.ts';
import type { CustomIdKind } from './custom-id.ts';
import type { InteractionReply } from './interaction-reply.ts';

/** One interaction being answered: who, where, and how to answer. */
export interface Call {
  interaction: APIInteraction;
  reply: InteractionReply;
  user: APIUser;
  /** The server it came from, or null in a direct message. */
  guildId: string | null;
  /** The member's permissions in that channel (0 outside a server). */
  permissions: bigint;
  /** The member's role ids (none outside a server). */
  roles: readonly string[];
}

/** An autocomplete suggestion: what the user sees, and the value the option gets. */
export interface Choice {
  name: string;
  value: string | number;
}

/**
 * A check made before a handler runs (a precondition, in Sapphire's words): null lets the user through; a UserError
 * (a `Refusal`) refuses them, and the dispatcher tells them its message privately, as it tells every UserError. A
 * check may also throw one.
 */
export interface Gate {
  /** The permission Discord is told the command needs by default (`default_member_permissions`). */
  permission?: bigint;
  check(call: Call): Promise<UserError | null> | UserError | null;
}

export interface Gates {
  /** Each use counts against the user's cooldown (one answer every few seconds). */
  cooldown: boolean;
  /** Who may use it, checked in order on every use whatever Discord's command permissions say; empty: everyone. */
  allowed: readonly Gate[];
}

/** A command, or one subcommand, with its options and handler. */
export interface Leaf<O extends Options> {
  description: string;
  options: O;
  /**
   * Private by default; with `shareable` the command gets a `public` option that posts the answer in the channel.
   * Without it, every answer is private.
   */
  shareable?: boolean;
  handle(input: OptionValues<O>, call: Call & { private: boolean }): Promise<void>;
  /** Suggestions for the focused option as the user types: at most 25. */
  autocomplete?(option: keyof O & string, typed: string, call: Call): Promise<Choice[]> | Choice[];
  /** How an invalid option is answered; unless set, it is an InvalidInputError, told privately like any UserError. */
  invalid?(message: string, call: Call & { private: boolean }): Promise<void>;
}

export interface AnyLeaf {
  description: string;
  options: Options;
  shareable?: boolean;
  handle(input: Record<string, unknown>, call: Call & { private: boolean }): Promise<void>;
  autocomplete?(option: string, typed: string, call: Call): Promise<Choice[]> | Choice[];
  invalid?(message: string, call: Call & { private: boolean }): Promise<void>;
}

/**
 * Erases a leaf's option types once they have checked its handler.
 *
 * @example
 * leaf({ description: 'Find FAQ entries', options: { text: stringOption({ description: 'Words', required: true }) }, handle: ({ text }, call) => … }) // text: string
 */
export function leaf<O extends Options>(l: Leaf<O>): AnyLeaf {
  return l;
}

/** A slash command: one leaf, or subcommands (and groups of them). */
export interface SlashCommand {
  type: 'slash';
  name: string;
  description: string;
  gates: Gates;
  run:
    | AnyLeaf
    | { subcommands: Record<string, AnyLeaf>; groups?: Record<string, { description: string; subcommands: Record<string, AnyLeaf> }> };
}

/** A command on a message's context menu ("Find sources"). */
export interface MessageCommand {
  type: 'message';
  name: string;
  gates: Gates;
  handle(target: APIMessage, call: Call): Promise<void>;
}

/** A button: its custom_id kind, gates and handler; it gets the decoded id and the message it is on. */
export interface Button<T> {
  type: 'button';
  id: CustomIdKind<T>;
  gates: Gates;
  handle(value: T, message: APIMessage, call: Call): Promise<void>;
}

/** A form (modal): its custom_id kind, gates and handler; it gets the decoded id and the text typed in each field. */
export interface Form<T> {
  type: 'form';
  id: CustomIdKind<T>;
  gates: Gates;
  handle(value: T, fields: Readonly<Record<string, string>>, call: Call & { message: APIMessage | null }): Promise<void>;
}

/**
 * Erases a button's value type once it has checked its handler.
 *
 * @example
 * button({ id: deleteId, gates: OPEN, handle: ({ ownerId }, message, call) => … }) // ownerId: string
 */
export const button = <T>(b: Omit<Button<T>, 'type'>): Button<unknown> => ({ type: 'button', ...b }) as unknown as Button<unknown>;
/**
 * Erases a form's value type once it has checked its handler.
 *
 * @example
 * form({ id: faqEditId, gates, handle: ({ entry, revision }, fields, call) => … }) // fields.question: the typed text
 */
export const form = <T>(f: Omit<Form<T>, 'type'>): Form<unknown> => ({ type: 'form', ...f }) as unknown as Form<unknown>;

/** Everything the bot answers. */
export interface Catalog {
  commands: ReadonlyArray<SlashCommand | MessageCommand>;
  components: ReadonlyArray<Button<unknown> | Form<unknown>>;
}

/** Gates of a command anyone may use as often as they like. */
export const OPEN: Gates = { cooldown: false, allowed: [] };

/**
 * The interaction layer's own refusal, a UserError: returned by a gate, or thrown by a handler, with a sentence for
 * the user (shown privately, as it is): "The FAQ belongs to a server: use it there." The dispatcher answers it as it
 * answers every UserError.
 */
export class Refusal extends UserError {
  override name = 'Refusal';
}
