/**
 * The transport-neutral interaction layer: an interaction as Discord's JSON in, responses out through one
 * `InteractionReply`. It finds what the interaction is for in the catalog (a command, a subcommand, a button or a
 * form by its custom_id), applies the gates (who may, cooldown), checks the options against the declaration, and
 * calls the handler. Every path answers the user: an unknown or stale button says to run the command again; a
 * refusal — any `UserError` a gate or handler throws (`Refusal`, `FaqError`, `IngestError`, `FetchPageError`,
 * `InvalidInputError`…) — is told privately with its message, here and nowhere else; any other error gives a short
 * private apology with an error id while the detail goes to the log; and nothing throws to the transport. When
 * Discord says the interaction expired or the message is gone, that is logged in one line and no apology is
 * attempted (there is no one to send it to).
 *
 * Before any of that, the interaction's shape is checked (`checkInteraction`, zod): the fields the layer reads must
 * be there with the types it reads them as, so a malformed interaction — a command without `data`, `options` that is
 * not a list, a type Discord does not have — is refused up front instead of throwing inside a handler. An HTTP
 * endpoint answers it 400 before calling the layer; on the gateway it is ignored with a warning. Shapes the layer
 * already answers in words (no user, permissions that are not a number, an option value of the wrong type, a command
 * it does not have) are let through.
 */
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { type AnyLeaf, type Call, isAnswering, Refusal, type SlashCommand, type Gates } from '../commands/declare.ts';
import { booleanOption, InvalidInputError, parseOptions } from '../commands/options.ts';
import { answerOf, errorAnswer } from '../commands/run-command.ts';
import { apology, newErrorId } from '../errors/apology.ts';
import { UserError } from '../errors/user-error.ts';
import type { Logger } from '../logging/logger.ts';
import type { Cooldowns } from './cooldowns.ts';
import { customIdKindOf } from './custom-id.ts';
import { goneOnDiscord } from './gone-on-discord.ts';
import type { Button, Catalog, Form } from './components.ts';
import { InteractionReply, type SendFirst, type WebhookRest } from './interaction-reply.ts';
import { privately } from './messages/private-reply.ts';
import { DISCORD_PAGE_SIZE } from './quote-replies/render-answer-message.ts';
import { replyWithAnswer } from './quote-replies/answer-replies.ts';
import { readOptions } from './read-options.ts';

export interface InteractionContext {
  catalog: Catalog;
  cooldowns: Cooldowns;
  logger: Logger;
}

/** The option every shareable command gets: post the answer in the channel. */
export const PUBLIC_OPTION = 'public';
export const publicOption = booleanOption({ description: 'Post the answer in the channel for everyone (default: only you see it)' });

/** What a transport calls for each interaction: the JSON Discord sent, and how to send the first response. */
export type InteractionHandler = (interaction: APIInteraction, sendFirst: SendFirst) => Promise<void>;

/**
 * The handler a transport calls: the gateway adapter with a callback POST as `sendFirst`, an HTTP endpoint with its
 * response body. Follow-ups and edits go through `rest` (webhook routes; no bot token needed for them).
 *
 * @example
 * const handle = createInteractionHandler(ctx, client.rest);
 * await handle(interactionJson, (response) => client.rest.post(Routes.interactionCallback(id, token), { body: response, auth: false }).then(() => undefined));
 */
export function createInteractionHandler(ctx: InteractionContext, rest: WebhookRest): InteractionHandler {
  return (interaction, sendFirst) => dispatchInteraction(interaction, new InteractionReply(interaction, sendFirst, rest), ctx);
}

/** Enum members as the plain numbers zod reads from the JSON. */
const ACTION_ROW: number = ComponentType.ActionRow;
const MESSAGE_COMMAND: number = ApplicationCommandType.Message;
const snowflake = z.string().regex(/^\d{1,20}$/, 'expected a snowflake (a decimal id)');
const user = z.looseObject({ id: snowflake });

/**
 * A command's options, nested as Discord nests them: a subcommand group holds subcommands, a subcommand holds the
 * values — three levels, the deepest with nothing under it. A value may be of any type: `parseOptions` answers a
 * wrong one in the member's words.
 */
function optionList(depth: number): z.ZodType {
  return z.array(
    z.looseObject({
      name: z.string(),
      type: z.number().int(),
      focused: z.boolean().optional(),
      options: depth > 1 ? optionList(depth - 1).optional() : z.tuple([]).optional(),
    }),
  );
}

const embed = z.looseObject({ description: z.string().optional(), footer: z.looseObject({ text: z.string() }).optional() });
const topLevelComponent = z
  .looseObject({ type: z.number().int(), components: z.array(z.looseObject({ type: z.number().int() })).optional() })
  .refine((row) => row.type !== ACTION_ROW || row.components !== undefined, 'an action row has components');
/** A message as a button click or a message command carries it: what the handlers read of it. */
const message = z.looseObject({
  content: z.string().optional(),
  embeds: z.array(embed),
  components: z.array(topLevelComponent).optional(),
  attachments: z.array(z.looseObject({ id: z.string(), filename: z.string() })).optional(),
  flags: z.number().int().optional(),
});
const commandData = z
  .looseObject({
    name: z.string(),
    type: z.number().int(),
    options: optionList(3).optional(),
    target_id: z.string().optional(),
    resolved: z.looseObject({ messages: z.record(z.string(), message).optional() }).optional(),
  })
  .refine(
    (data) => data.type !== MESSAGE_COMMAND || (data.target_id !== undefined && data.resolved?.messages !== undefined),
    'a message command names its target and resolves it',
  );
const formData = z.looseObject({
  custom_id: z.string(),
  // rows of inputs as Discord sent them for years, or labels each around one input
  components: z.array(z.looseObject({ components: z.array(z.looseObject({})).optional(), component: z.looseObject({}).optional() })),
});

const envelope = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1),
  guild_id: snowflake.optional(),
  member: z.looseObject({ user: user.optional() }).optional(),
  user: user.optional(),
};

/** What the layer reads of each kind of interaction; anything else in it is kept as Discord sent it. */
const InteractionSchema = z.discriminatedUnion('type', [
  z.looseObject({ ...envelope, type: z.literal(InteractionType.Ping) }),
  z.looseObject({ ...envelope, type: z.literal(InteractionType.ApplicationCommand), data: commandData }),
  z.looseObject({
    ...envelope,
    type: z.literal(InteractionType.MessageComponent),
    data: z.looseObject({ custom_id: z.string(), component_type: z.number().int() }),
    message,
  }),
  z.looseObject({ ...envelope, type: z.literal(InteractionType.ApplicationCommandAutocomplete), data: commandData }),
  z.looseObject({ ...envelope, type: z.literal(InteractionType.ModalSubmit), data: formData, message: message.optional() }),
]);

/** An interaction the layer can take (as it was sent, not a copy), or what is wrong with it. */
export type InteractionCheck = { ok: true; interaction: APIInteraction } | { ok: false; problem: string };

/**
 * Whether a value has the shape of an interaction the layer can take: an id, an application id and a token; a type
 * Discord has; and for that type the `data` (and `message`) the layer reads, with the types it reads them as.
 *
 * @example
 * checkInteraction({ id: '1', application_id: '2', token: 't', type: 2 }) // → { ok: false, problem: 'data: Invalid input: expected object, received undefined' }
 * checkInteraction(JSON.parse(body)) // → { ok: true, interaction } for what Discord sends
 */
export function checkInteraction(value: unknown): InteractionCheck {
  const parsed = InteractionSchema.safeParse(value);
  if (parsed.success) return { ok: true, interaction: value as APIInteraction };
  const problem = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');
  return { ok: false, problem };
}

/** The id and type of something sent as an interaction, for a log line, whatever it holds. */
function aboutValue(value: unknown): { interactionId?: string; type?: unknown } {
  if (typeof value !== 'object' || value === null) return {};
  const { id, type } = value as { id?: unknown; type?: unknown };
  return { ...(typeof id === 'string' ? { interactionId: id.slice(0, 30) } : {}), ...(typeof type === 'number' ? { type } : {}) };
}

const STALE_BUTTON = 'This button is from an older version of the bot and no longer works: please run the command again.';
const STALE_FORM = 'This form is from an older version of the bot and no longer works: please run the command again.';

/**
 * Answers one interaction; resolves when the user has been answered (or the failure logged). A malformed one (see
 * `checkInteraction`) is logged as a warning and left unanswered.
 *
 * @example
 * await dispatchInteraction(interactionJson, new InteractionReply(interactionJson, sendFirst, rest), ctx);
 */
export async function dispatchInteraction(interaction: APIInteraction, reply: InteractionReply, ctx: InteractionContext): Promise<void> {
  const checked = checkInteraction(interaction);
  if (!checked.ok) {
    // Discord never sends these; nothing is run and nothing answered (an HTTP endpoint refused it with 400 already)
    ctx.logger.warn({ ...aboutValue(interaction), problem: checked.problem }, 'malformed interaction ignored');
    return;
  }
  if (interaction.type === InteractionType.Ping) {
    await reply.pong();
    return;
  }
  const call = callOf(interaction, reply, ctx);
  if (!call) {
    // Discord always names who sent an interaction; a forged or broken one is answered without running anything
    ctx.logger.warn({ interactionId: interaction.id, type: interaction.type }, 'interaction names no user');
    await answerNobody(interaction, reply, ctx);
    return;
  }
  try {
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) await onAutocomplete(interaction, call, ctx);
    else if (interaction.type === InteractionType.ApplicationCommand) {
      if (interaction.data.type === ApplicationCommandType.ChatInput)
        await onSlash(interaction as APIChatInputApplicationCommandInteraction, call, ctx);
      else if (interaction.data.type === ApplicationCommandType.Message)
        await onMessageCommand(interaction as APIMessageApplicationCommandInteraction, call, ctx);
      else await reply.send(privately('This command is not one this bot offers.'));
    } else if (interaction.type === InteractionType.MessageComponent) await onButton(interaction, call, ctx);
    else if (interaction.type === InteractionType.ModalSubmit) await onForm(interaction, call, ctx);
  } catch (error) {
    // the one place a refusal becomes what the member reads (autocomplete has no room for a sentence)
    if (error instanceof UserError && interaction.type !== InteractionType.ApplicationCommandAutocomplete) {
      await tell(reply, error, ctx);
      return;
    }
    const gone = goneOnDiscord(error);
    if (gone) {
      // no one to apologise to: one line says what happened
      ctx.logger.warn({ err: error, interactionId: interaction.id, type: interaction.type }, gone.message);
      return;
    }
    const errorId = newErrorId();
    ctx.logger.error(
      { err: error, errorId, interactionId: interaction.id, type: interaction.type, user: call.user.id },
      'interaction failed',
    );
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) return;
    const sorry = privately(apology(errorId));
    try {
      if (reply.answered) await reply.followUp(sorry);
      else await reply.send(sorry);
    } catch (replyError) {
      ctx.logger.error({ err: replyError, errorId }, 'could not tell the user about the failure');
    }
  }
}

/**
 * A refusal (a UserError from a gate or a handler) told privately with its message as it is: as the reply, the
 * deferred reply's edit, or a follow-up.
 */
async function tell(reply: InteractionReply, refusal: UserError, ctx: InteractionContext): Promise<void> {
  try {
    await reply.send(privately(refusal.message));
  } catch (error) {
    const gone = goneOnDiscord(error);
    if (gone) ctx.logger.warn({ err: error }, gone.message);
    else ctx.logger.error({ err: error, refusal: refusal.identifier ?? refusal.name }, 'could not tell the user why they were refused');
  }
}

/** Empty suggestions, or a private sentence, for an interaction that names no user. */
async function answerNobody(interaction: APIInteraction, reply: InteractionReply, ctx: InteractionContext): Promise<void> {
  try {
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) await reply.choices([]);
    else await reply.send(privately('The bot could not tell who sent this, so it did nothing. Please try again.'));
  } catch (error) {
    ctx.logger.error({ err: error }, 'could not answer an interaction that names no user');
  }
}

/** Who is asking, where, and how to answer; null when the interaction names no user. */
function callOf(
  interaction: Exclude<APIInteraction, { type: InteractionType.Ping }>,
  reply: InteractionReply,
  ctx: InteractionContext,
): Call | null {
  const member = interaction.member;
  const user = member?.user ?? interaction.user;
  if (!user) return null;
  return {
    interaction,
    reply,
    user,
    guildId: interaction.guild_id ?? null,
    permissions: permissionsOf(member?.permissions),
    roles: Array.isArray(member?.roles) ? member.roles : [],
    services: ctx.catalog.services,
  };
}

/** The member's permission bits; none when Discord's decimal string is missing or is not one. */
function permissionsOf(permissions: unknown): bigint {
  return typeof permissions === 'string' && /^\d{1,40}$/.test(permissions) ? BigInt(permissions) : 0n;
}

/**
 * Resolves when the gates let the user through; else throws the first gate's refusal (a UserError), or the
 * cooldown's, which the one catch in `dispatchInteraction` tells the user.
 */
async function passGates(gates: Gates, call: Call, ctx: InteractionContext): Promise<void> {
  for (const gate of gates.allowed) {
    const refusal = await gate.check(call);
    if (refusal !== null) throw refusal;
  }
  if (!gates.cooldown) return;
  const wait = ctx.cooldowns.take(call.user.id);
  if (wait > 0)
    throw new Refusal(`You're asking quickly — try again in ${wait} s.`, { identifier: 'cooldown', context: { seconds: wait } });
}

/** The leaf a subcommand path names, or null. */
function leafAt(command: SlashCommand, path: readonly string[]): AnyLeaf | null {
  const { run } = command;
  if (!('subcommands' in run)) return path.length === 0 ? run : null;
  // own entries only: a subcommand named "__proto__" or "constructor" is not one the bot has
  const own = <T>(record: Record<string, T> | undefined, key: string | undefined): T | null =>
    record && key !== undefined && Object.hasOwn(record, key) ? (record[key] ?? null) : null;
  if (path.length === 1) return own(run.subcommands, path[0]);
  if (path.length === 2) return own(own(run.groups, path[0])?.subcommands, path[1]);
  return null;
}

const slashNamed = (ctx: InteractionContext, name: string) =>
  ctx.catalog.commands.find((c): c is SlashCommand => c.type === 'slash' && c.name === name);

async function onSlash(interaction: APIChatInputApplicationCommandInteraction, call: Call, ctx: InteractionContext): Promise<void> {
  const command = slashNamed(ctx, interaction.data.name);
  const read = readOptions(interaction.data);
  const target = command ? leafAt(command, read.path) : null;
  if (!command || !target) {
    await call.reply.send(
      privately(`Unknown command /${[interaction.data.name, ...read.path].join(' ')}: it may have been removed. Try /help.`),
    );
    return;
  }
  await passGates(command.gates, call, ctx);
  const { [PUBLIC_OPTION]: isPublic, ...values } = read.values;
  const leafCall = { ...call, private: !(shareable(target) && isPublic === true) };
  // the options are checked here, once: handlers and answers take them as they come out
  const parsed = parseOptions(target.options, values);
  if (isAnswering(target)) {
    // a quote command answers invalid input as it answers anything: with an answer that says what is wrong
    const options = { private: leafCall.private, offset: 0, ...(leafCall.private ? {} : { sharedBy: call.user.id }) };
    await replyWithAnswer(
      call,
      (knowledge) =>
        parsed.ok
          ? answerOf(command.name, target, parsed.data, {
              knowledge,
              page: { limit: DISCORD_PAGE_SIZE, offset: 0 },
              commands: call.services.commands,
            })
          : errorAnswer(command.name, null, parsed.message),
      parsed.ok ? options : { private: leafCall.private, offset: 0 },
    );
    return;
  }
  if (!parsed.ok) throw new InvalidInputError(parsed.message);
  await target.handle(parsed.data, leafCall);
}

/** Whether a leaf gets the `public` option: every answering leaf, and an acting one that says so. */
export const shareable = (l: AnyLeaf): boolean => isAnswering(l) || l.shareable === true;

async function onAutocomplete(
  interaction: APIApplicationCommandAutocompleteInteraction,
  call: Call,
  ctx: InteractionContext,
): Promise<void> {
  const command = slashNamed(ctx, interaction.data.name);
  const read = readOptions(interaction.data);
  const target = command ? leafAt(command, read.path) : null;
  const choices =
    target?.autocomplete && read.focused
      ? await target.autocomplete(read.focused.name, read.focused.value, { knowledge: call.services.knowledge.ready(), call })
      : [];
  await call.reply.choices(choices.slice(0, 25));
}

async function onMessageCommand(interaction: APIMessageApplicationCommandInteraction, call: Call, ctx: InteractionContext): Promise<void> {
  const command = ctx.catalog.commands.find((c) => c.type === 'message' && c.name === interaction.data.name);
  const { messages } = interaction.data.resolved;
  const target = Object.hasOwn(messages, interaction.data.target_id) ? messages[interaction.data.target_id] : undefined;
  if (!command || command.type !== 'message' || !target) {
    await call.reply.send(privately(`Unknown command "${interaction.data.name}": it may have been removed.`));
    return;
  }
  await passGates(command.gates, call, ctx);
  await command.handle(target, call);
}

/**
 * The button or form a custom_id names, with the value decoded from it, once the gates let the member through; null
 * (the member told to run the command again) for an id of another version of the bot, a forged one, or none.
 */
async function componentFor<T extends 'button' | 'form'>(
  type: T,
  customId: string | null,
  call: Call,
  ctx: InteractionContext,
): Promise<{ component: Extract<Button<unknown> | Form<unknown>, { type: T }>; value: unknown } | null> {
  const kind = customId === null ? null : customIdKindOf(customId);
  const component = ctx.catalog.components.find(
    (c): c is Extract<Button<unknown> | Form<unknown>, { type: T }> => c.type === type && c.id.kind === kind,
  );
  const value = component && customId !== null ? component.id.decode(customId) : null;
  if (!component || value === null) {
    await call.reply.send(privately(type === 'button' ? STALE_BUTTON : STALE_FORM));
    return null;
  }
  await passGates(component.gates, call, ctx);
  return { component, value };
}

async function onButton(interaction: APIMessageComponentInteraction, call: Call, ctx: InteractionContext): Promise<void> {
  const customId = interaction.data.component_type === ComponentType.Button ? interaction.data.custom_id : null;
  const found = await componentFor('button', customId, call, ctx);
  if (found) await found.component.handle(found.value, interaction.message, call);
}

async function onForm(interaction: APIModalSubmitInteraction, call: Call, ctx: InteractionContext): Promise<void> {
  const found = await componentFor('form', interaction.data.custom_id, call, ctx);
  if (found) await found.component.handle(found.value, formFields(interaction), { ...call, message: interaction.message ?? null });
}

/** The text typed in each field of a submitted form, by the field's custom_id. */
function formFields(interaction: APIModalSubmitInteraction): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const row of interaction.data.components) {
    const inputs = 'components' in row ? row.components : 'component' in row ? [row.component] : [];
    for (const input of inputs)
      if ('custom_id' in input && 'value' in input && typeof input.value === 'string') fields[input.custom_id] = input.value;
  }
  return fields;
}
