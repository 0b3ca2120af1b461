/**
 * How every command is declared — `/who` and `/faq`, `/source-admin` and "Find sources" alike: one object with its
 * name, description, gates and options (or subcommands, each with its options), made by `defineCommand`. The
 * dispatcher answers from these objects, the registration payload is derived from them, and each handler's parameter
 * types come from its options, so a handler never casts. The declarations themselves live in `commands/`.
 *
 * A command, or one of its subcommands, is a `Leaf` of one of two kinds:
 * - an **answering** leaf (`answer`) decides an `Answer` from the knowledge alone — the same quotes on every face: the
 *   console, Discord, the JSON and the pages. On Discord the dispatcher replies with it, privately unless `public`.
 * - an **acting** leaf (`handle`) does something on Discord through the `Call`: replies with the FAQ, opens a form,
 *   previews an article for a moderator.
 * Options are checked once, against the leaf's declaration, by whoever takes the input (the dispatcher, the console,
 * a page button): a handler receives them typed and valid.
 */
import type { APIInteraction, APIMessage, APIUser } from 'discord-api-types/v10';
import type { Answer } from '../answers/answer.ts';
import type { SourceDrafts } from '../corpus/source-drafts.ts';
import { UserError } from '../errors/user-error.ts';
import type { FaqStore } from '../faq/faq-store.ts';
import type { FetchPageOptions } from '../ingest/fetch/fetch-page.ts';
import type { FeedStore } from '../feeds/feed-store.ts';
import type { InteractionReply } from '../interactions/interaction-reply.ts';
import type { PageQueries } from '../interactions/quote-replies/page-queries.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { CorpusEditor, SourcePreview } from '../serving/corpus-editor.ts';
import type { KnowledgeProvider } from '../serving/live-knowledge.ts';
import type { Options, OptionValues } from './options.ts';

/**
 * The starter FAQ `/faq-admin seed` imports, as an FAQ export's JSON (or a promise of it), read when a moderator
 * seeds. The transport gives it at start (`faqSeedIn` in src/delivery/bot-state.ts: the corpus's faq-seed.json); it
 * throws with a message for the moderator when it cannot be read.
 */
export type FaqSeed = () => unknown;

/**
 * What a running bot gives every command, button and form (Sapphire's "container"): the knowledge to answer from,
 * the FAQ store, corpus editing, and the settings that shape replies. One object per bot, made by `botCatalog`.
 */
export interface Services {
  /** Every command, for `/help` and for the page buttons that run a command again. */
  commands: readonly Command[];
  /** The knowledge to answer from; interactions that arrive before the first load are deferred, then answered. */
  knowledge: KnowledgeProvider;
  /** The queries of paged answers, by the key their page buttons carry. */
  pageQueries: PageQueries;
  /** From this many passages on, answers are deferred first (LONG_ANSWER_PASSAGES unless set). */
  deferFromPassages?: number;
  /** PUBLIC_URL: each quote links to its context on the bot's pages; unset, no links. */
  publicUrl?: string;
  /** The FAQ store; without one, every FAQ command says the FAQ is unavailable. */
  faq?: FaqStore;
  /** The starter FAQ for `/faq-admin seed`; without one, seeding says this bot has none. */
  faqSeed?: FaqSeed;
  /** Adding and removing articles from Discord: null when it is off (no `CORPUS_EDITOR_GUILDS`). */
  editor: CorpusEditor | null;
  /** The servers whose moderators may change the corpus. */
  editorGuilds: readonly string[];
  /** Previews waiting for a moderator's Add, Edit details or Cancel. */
  drafts: SourceDrafts<SourcePreview>;
  /** How links and attachments are fetched (size cap, timeout; tests allow loopback). */
  fetch: FetchPageOptions;
  /** The feeds servers follow and their review queue: null when corpus editing or the bot's database is off. */
  feeds: FeedStore | null;
}

/** One interaction being answered: who, where, how to answer, and the bot's services. */
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
  services: Services;
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

/** Gates of a command anyone may use as often as they like. */
export const OPEN: Gates = { cooldown: false, allowed: [] };

/** Gates of a quote command: anyone, one answer every few seconds. */
export const ANSWERING: Gates = { cooldown: true, allowed: [] };

/** What an answering leaf decides from: the knowledge, which page, and every command (for `/help`). */
export interface AnswerContext {
  knowledge: Knowledge;
  /** Which page of results to return. */
  page: { limit: number; offset: number };
  commands: readonly Command[];
}

/**
 * What a leaf's suggestions are worked out from as the member types: the knowledge when it is loaded, and on Discord
 * the call (whose server's FAQ, whose corpus editor). A quote command's suggestions need only the knowledge.
 */
export interface SuggestContext {
  knowledge: Knowledge | null;
  call?: Call;
}

interface LeafBase<O extends Options> {
  description: string;
  options: O;
  /**
   * With `shareable` the command gets a `public` option that posts the answer in the channel; without it, every
   * answer is private. An answering leaf is always shareable.
   */
  shareable?: boolean;
  /** Suggestions for the focused option as the member types: at most 25. */
  autocomplete?(option: keyof O & string, typed: string, ctx: SuggestContext): Promise<Choice[]> | Choice[];
}

/** A leaf that decides an Answer: the same quotes on every face (console, Discord, JSON, pages). */
export interface AnsweringLeaf<O extends Options> extends LeafBase<O> {
  answer(input: OptionValues<O>, ctx: AnswerContext): Answer;
  /** The option that takes the rest of a console line ("/who McGurk" → name = "McGurk"), and a page's query. */
  primary?: keyof O & string;
  /** What `/help` shows as an example of the primary option ("Qatari prime minister" for `/who`). */
  example?: string;
}

/** A leaf that acts on Discord through the call: a reply, a form, a change to the FAQ or the corpus. */
export interface ActingLeaf<O extends Options> extends LeafBase<O> {
  handle(input: OptionValues<O>, call: Call & { private: boolean }): Promise<void>;
}

export type Leaf<O extends Options> = AnsweringLeaf<O> | ActingLeaf<O>;

/** A leaf with its option types erased, as the dispatcher holds it. */
export type AnyLeaf =
  | (Omit<AnsweringLeaf<Options>, 'answer' | 'autocomplete' | 'primary'> & {
      answer(input: Record<string, unknown>, ctx: AnswerContext): Answer;
      primary?: string;
      autocomplete?(option: string, typed: string, ctx: SuggestContext): Promise<Choice[]> | Choice[];
    })
  | (Omit<ActingLeaf<Options>, 'handle' | 'autocomplete'> & {
      handle(input: Record<string, unknown>, call: Call & { private: boolean }): Promise<void>;
      autocomplete?(option: string, typed: string, ctx: SuggestContext): Promise<Choice[]> | Choice[];
    });

/** An answering leaf with its option types erased. */
export type AnyAnsweringLeaf = Extract<AnyLeaf, { answer: unknown }>;

/**
 * Erases a leaf's option types once they have checked its handler.
 *
 * @example
 * leaf({ description: 'Find FAQ entries', options: { text: stringOption({ description: 'Words', required: true }) }, handle: ({ text }, call) => … }) // text: string
 */
export function leaf<O extends Options>(l: Leaf<O>): AnyLeaf {
  return l;
}

/** True for a leaf that decides an Answer (every face can show it), false for one that acts on Discord. */
export const isAnswering = (l: AnyLeaf): l is AnyAnsweringLeaf => 'answer' in l;

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

/** A command on a message's context menu ("Find sources"): it gets the message it was used on. */
export interface MessageCommand {
  type: 'message';
  name: string;
  gates: Gates;
  handle(target: APIMessage, call: Call): Promise<void>;
}

export type Command = SlashCommand | MessageCommand;

/** A slash command as `defineCommand` takes it: one leaf's fields, or its subcommands. */
type SlashDeclaration<O extends Options> = { name: string; gates?: Gates } & (
  | Leaf<O>
  | {
      description: string;
      subcommands: Record<string, AnyLeaf>;
      groups?: Record<string, { description: string; subcommands: Record<string, AnyLeaf> }>;
    }
);

/**
 * The one way a command is declared. A command without subcommands is its leaf's fields plus a name; one with
 * subcommands names them, each made with `leaf`. Gates default to the quote commands' (anyone, with the cooldown).
 * A message command ("Find sources") is declared with `type: 'message'`.
 *
 * @example
 * export default defineCommand({
 *   name: 'who', description: 'Who is someone in the talks?',
 *   options: { name: stringOption({ description: 'A name or a role', required: true }) },
 *   answer: ({ name }, ctx) => answerWho(ctx.knowledge, name), // name: string, no cast
 * });
 * export default defineCommand({ name: 'faq', description: 'The FAQ', gates, subcommands: { show: leaf({ … }) } });
 */
export function defineCommand<O extends Options>(declaration: SlashDeclaration<O>): SlashCommand;
export function defineCommand(declaration: MessageCommand): MessageCommand;
export function defineCommand<O extends Options>(declaration: SlashDeclaration<O> | MessageCommand): Command {
  if ('type' in declaration && declaration.type === 'message') return declaration;
  const { name, gates = ANSWERING, ...rest } = declaration as SlashDeclaration<O>;
  if ('subcommands' in rest) {
    const { description, subcommands, groups } = rest;
    return { type: 'slash', name, description, gates, run: { subcommands, ...(groups ? { groups } : {}) } };
  }
  return { type: 'slash', name, description: rest.description, gates, run: leaf(rest) };
}

/** The leaf of a command without subcommands, or null. */
export const singleLeaf = (command: Command): AnyLeaf | null =>
  command.type === 'slash' && !('subcommands' in command.run) ? command.run : null;

/**
 * The commands every face can answer (`/who`, `/when`, … `/help`): single answering leaves, in declaration order.
 *
 * @example
 * answeringCommands(COMMANDS).map((c) => c.name) // → ['who', 'when', 'terms', 'search', 'timeline', 'source', 'help']
 */
export function answeringCommands(commands: readonly Command[]): Array<{ name: string; leaf: AnyAnsweringLeaf }> {
  return commands.flatMap((c) => {
    const l = singleLeaf(c);
    return l && isAnswering(l) ? [{ name: c.name, leaf: l }] : [];
  });
}

/**
 * The interaction layer's own refusal, a UserError: returned by a gate, or thrown by a handler, with a sentence for
 * the user (shown privately, as it is): "The FAQ belongs to a server: use it there." The dispatcher answers it as it
 * answers every UserError.
 */
export class Refusal extends UserError {
  override name = 'Refusal';
}

/**
 * Suggestions whose value is the text shown, as the quote commands' autocomplete gives them.
 *
 * @example
 * textChoices(['Brett McGurk']) // → [{ name: 'Brett McGurk', value: 'Brett McGurk' }]
 */
export const textChoices = (values: readonly string[]): Choice[] => values.map((value) => ({ name: value, value }));
