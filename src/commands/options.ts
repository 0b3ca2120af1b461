/**
 * A command's options, each declared once: the declaration gives the zod schema that checks what a member sent, the
 * handler's parameter type (so a handler never casts) and, at the edge, the registration payload. What a member is
 * told when a value breaks an option's rules is the option's own sentence (`parseOptions`).
 */
import { z } from 'zod';
import { UserError } from '../errors/user-error.ts';

export interface OptionSpec<T> {
  /** What Discord shows and sends: text, a yes/no, a whole number, an uploaded file, a server role or a text channel. */
  type: 'string' | 'boolean' | 'integer' | 'attachment' | 'role' | 'channel';
  description: string;
  required: boolean;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  autocomplete?: boolean;
  /** Checks the value as sent (a resolved attachment or role object for those types) and gives the handler's value. */
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
    .transform((s) =>
      s
        .replace(/\p{Cc}+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
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
  const common = {
    type: 'string' as const,
    description: spec.description,
    maxLength: max,
    ...(spec.autocomplete ? { autocomplete: true } : {}),
  };
  return spec.required
    ? { ...common, required: true, schema: base.pipe(z.string().min(1, spec.emptyMessage ?? DEFAULT_EMPTY)) }
    : { ...common, required: false, schema: base.optional() };
}

export function booleanOption(spec: { description: string }): OptionSpec<boolean | undefined> {
  return {
    type: 'boolean',
    description: spec.description,
    required: false,
    schema: z.boolean({ error: 'Choose true or false, please.' }).optional(),
  };
}

interface IntegerSpec {
  description: string;
  min?: number;
  max?: number;
  autocomplete?: boolean;
}

/** A whole number from `min` up (and up to `max` when given), e.g. an FAQ entry, a revision, minutes between polls. */
export function integerOption(spec: IntegerSpec & { required: true }): OptionSpec<number>;
export function integerOption(spec: IntegerSpec & { required?: false }): OptionSpec<number | undefined>;
export function integerOption(spec: IntegerSpec & { required?: boolean }): OptionSpec<number> | OptionSpec<number | undefined> {
  const min = spec.min ?? 1;
  let number = z
    .number({ error: 'Pick a number from the list, please.' })
    .int('Pick a whole number, please.')
    .min(min, `The number must be ${min} or more.`);
  if (spec.max !== undefined) number = number.max(spec.max, `The number must be ${spec.max} or less.`);
  const common = {
    type: 'integer' as const,
    description: spec.description,
    minValue: min,
    ...(spec.max !== undefined ? { maxValue: spec.max } : {}),
    ...(spec.autocomplete ? { autocomplete: true } : {}),
  };
  return spec.required ? { ...common, required: true, schema: number } : { ...common, required: false, schema: number.optional() };
}

/** An uploaded file as Discord describes it in an interaction's `resolved` data. */
export interface Attachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  content_type?: string | undefined;
}

const AttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int().nonnegative(),
  url: z.string().url(),
  content_type: z.string().optional(),
});

export function attachmentOption(spec: { description: string; required: true }): OptionSpec<Attachment>;
export function attachmentOption(spec: { description: string; required?: false }): OptionSpec<Attachment | undefined>;
export function attachmentOption(spec: {
  description: string;
  required?: boolean;
}): OptionSpec<Attachment> | OptionSpec<Attachment | undefined> {
  const schema = AttachmentSchema.transform(({ id, filename, size, url, content_type }): Attachment => ({
    id,
    filename,
    size,
    url,
    content_type,
  }));
  return spec.required
    ? { type: 'attachment', description: spec.description, required: true, schema }
    : { type: 'attachment', description: spec.description, required: false, schema: schema.optional() };
}

/** A server role, as resolved by Discord. */
export interface Role {
  id: string;
  name: string;
}

export function roleOption(spec: { description: string }): OptionSpec<Role | undefined> {
  return {
    type: 'role',
    description: spec.description,
    required: false,
    schema: z
      .object({ id: z.string(), name: z.string() }, { error: 'Pick a role from the list, please.' })
      .transform(({ id, name }): Role => ({ id, name }))
      .optional(),
  };
}

/** A server channel, as resolved by Discord. */
export interface Channel {
  id: string;
  name: string;
}

/** A text or announcement channel of the server (Discord offers only those in the list). */
export function channelOption(spec: { description: string }): OptionSpec<Channel | undefined> {
  return {
    type: 'channel',
    description: spec.description,
    required: false,
    schema: z
      .object(
        { id: z.string(), name: z.string().optional(), type: z.union([z.literal(0), z.literal(5)]) },
        { error: 'Pick a text channel from the list, please.' },
      )
      .transform(({ id, name }): Channel => ({ id, name: name ?? id }))
      .optional(),
  };
}

export type Options = Record<string, OptionSpec<unknown>>;
export type OptionValues<O extends Options> = { [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never };

/**
 * Thrown for input that breaks a command's option rules; its message is a sentence in the bot's words, shown as is
 * (a UserError).
 */
export class InvalidInputError extends UserError {
  override name = 'InvalidInputError';
}

/**
 * Checks raw option values against their declarations: the typed values, or a sentence in the bot's words saying
 * what is wrong (a missing required text reads like an empty one). Every transport's input goes through here.
 *
 * @example
 * parseOptions({ name: stringOption({ description: 'A name', required: true }) }, { name: '  McGurk ' })
 * // → { ok: true, data: { name: 'McGurk' } }
 */
export function parseOptions<O extends Options>(
  options: O,
  input: Record<string, unknown>,
): { ok: true; data: OptionValues<O> } | { ok: false; message: string } {
  const shape = Object.fromEntries(Object.entries(options).map(([k, o]) => [k, o.schema]));
  const parsed = z.object(shape).safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data as OptionValues<O> };
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? '');
  const option = options[name];
  return {
    ok: false,
    message:
      option && issue
        ? refusalFor(name, option, issue)
        : 'That command is not one this bot knows in that form: please pick it again from the list.',
  };
}

/**
 * What a member is told when an option's value breaks its rules: the option's own sentence. Only the sentences the
 * declarations wrote are shown; a value of the wrong type (a number where text goes, a role without its name, a
 * file with a negative size) gets the option's plain request, never the validator's wording.
 */
function refusalFor(name: string, option: OptionSpec<unknown>, issue: z.core.$ZodIssue): string {
  if (option.type === 'string') {
    if (issue.code === 'too_big' || (issue.code === 'too_small' && option.required)) return issue.message;
    return option.required ? (option.schema.safeParse('').error?.issues[0]?.message ?? DEFAULT_EMPTY) : `Type the ${name} as text, please.`;
  }
  if (option.type === 'attachment') return 'Attach the file, please.';
  if (option.type === 'role') return 'Pick a role from the list, please.';
  if (option.type === 'channel') return 'Pick a text channel from the list, please.';
  if (option.type === 'boolean') return 'Choose true or false, please.';
  // an integer option's schema words every way it can fail (a number from the list, a whole number, the minimum)
  return issue.path.length === 1 ? issue.message : 'Pick a number from the list, please.';
}
