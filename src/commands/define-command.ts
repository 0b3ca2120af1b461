/**
 * A slash command as a small typed object: its options are declared once, and that declaration gives both the zod
 * schema that checks user input and the handler's parameter type, so a handler never casts. The Discord
 * registration payload is derived from the same declaration at the edge.
 */
import { z } from 'zod';
import type { Answer } from '../answers/answer.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';

export interface OptionSpec<T> {
  type: 'string' | 'boolean';
  description: string;
  required: boolean;
  maxLength?: number;
  autocomplete?: boolean;
  schema: z.ZodType<T>;
}

/**
 * The longest free text an option takes: Discord's own cap on a string option (6,000 characters), so a pasted
 * message (up to 2,000 characters, 4,000 with Nitro) is searched whole. Short options (names, ids) set their own.
 */
export const QUERY_MAX_LENGTH = 6000;

/** What the user is told when a required text option is empty, unless the option says otherwise. */
const DEFAULT_EMPTY = 'Type a few words to look up.';

/**
 * Trims, folds runs of white space, drops control characters: what every text option goes through. Markdown stays
 * as typed (it is escaped when shown); the index reads past it (`normaliseQuery`). The messages are the bot's own words.
 */
const cleanText = (max: number) =>
  z
    .string()
    // control characters (a pasted NUL, a bell) become spaces
    .transform((s) => s.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, `That is too long: at most ${max.toLocaleString('en-US')} characters, please.`));

interface StringSpec {
  description: string;
  maxLength?: number;
  autocomplete?: boolean;
  /** What to tell a user who leaves a required option empty ("Type a few words to search for."). */
  emptyMessage?: string;
}

export function stringOption(spec: StringSpec & { required: true }): OptionSpec<string>;
export function stringOption(spec: StringSpec & { required?: false }): OptionSpec<string | undefined>;
export function stringOption(spec: StringSpec & { required?: boolean }): OptionSpec<string> | OptionSpec<string | undefined> {
  const max = spec.maxLength ?? QUERY_MAX_LENGTH;
  const base = cleanText(max);
  const common = { type: 'string' as const, description: spec.description, maxLength: max, ...(spec.autocomplete ? { autocomplete: true } : {}) };
  return spec.required
    ? { ...common, required: true, schema: base.pipe(z.string().min(1, spec.emptyMessage ?? DEFAULT_EMPTY)) }
    : { ...common, required: false, schema: base.optional() };
}

export function booleanOption(spec: { description: string }): OptionSpec<boolean | undefined> {
  return { type: 'boolean', description: spec.description, required: false, schema: z.boolean().optional() };
}

type Options = Record<string, OptionSpec<unknown>>;
export type OptionValues<O extends Options> = { [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never };

export interface CommandContext {
  knowledge: Knowledge;
  /** Which page of results to return. */
  page: { limit: number; offset: number };
  /** Every command, for `/help`. */
  commands: ReadonlyArray<AnyCommand>;
}

export interface Command<O extends Options> {
  name: string;
  description: string;
  options: O;
  /** The option that takes the rest of a console line ("/who McGurk" → name = "McGurk"). */
  primary?: keyof O & string;
  handle(input: OptionValues<O>, ctx: CommandContext): Answer;
  /** Suggestions for an option as the user types; at most 25, each at most 100 characters. */
  autocomplete?(option: keyof O & string, typed: string, ctx: Pick<CommandContext, 'knowledge'>): string[];
}

export interface AnyCommand {
  name: string;
  description: string;
  options: Options;
  primary?: string;
  schema: z.ZodType<Record<string, unknown>>;
  handle(input: Record<string, unknown>, ctx: CommandContext): Answer;
  autocomplete?(option: string, typed: string, ctx: Pick<CommandContext, 'knowledge'>): string[];
}

/** Thrown for input that breaks a command's option rules; its message is a sentence in the bot's words, shown as is. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/**
 * @example
 * export default defineCommand({
 *   name: 'who', description: 'Who is someone in the talks?',
 *   options: { name: stringOption({ description: 'A name or a role', required: true }) },
 *   handle: ({ name }, ctx) => answerWho(ctx.knowledge, name), // name: string, no cast
 * });
 */
export function defineCommand<O extends Options>(command: Command<O>): AnyCommand {
  const shape = Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, o.schema]));
  const schema = z.object(shape) as unknown as z.ZodType<OptionValues<O>>;
  return {
    name: command.name,
    description: command.description,
    options: command.options,
    ...(command.primary ? { primary: command.primary } : {}),
    schema,
    handle(input, ctx) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // a missing required option reads like an empty one; anything else says which option is wrong
        const option = command.options[String(issue?.path[0] ?? '')];
        if (option && (issue?.code === 'invalid_type' || issue?.code === 'too_small') && option.type === 'string' && option.required) {
          throw new InvalidInputError(issue.code === 'too_small' ? issue.message : option.schema.safeParse('').error?.issues[0]?.message ?? DEFAULT_EMPTY);
        }
        throw new InvalidInputError(issue?.code === 'too_big' ? issue.message : `The ${issue?.path.join('.') || 'input'} is not valid: ${issue?.message ?? 'please check it'}.`);
      }
      return command.handle(parsed.data, ctx);
    },
    ...(command.autocomplete
      ? { autocomplete: (option: string, typed: string, ctx: Pick<CommandContext, 'knowledge'>) => command.autocomplete?.(option, typed, ctx) ?? [] }
      : {}),
  };
}
