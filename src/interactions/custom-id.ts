/**
 * One codec for every custom_id the bot puts on a button or a form: `v1|<kind>|<field>|…`, at most 100 characters.
 * Each kind declares its fields with zod, so a decoded id is typed and checked. An id from another version, a kind
 * the bot no longer has, or a forged field decodes to null, and the user is told to run the command again. Ids
 * carry only short keys and numbers: what they act on is rebuilt from the message or kept under a key.
 *
 * @example
 * const shareId = customIdKind('share', z.tuple([]), () => []);
 * shareId.encode(undefined) // → 'v1|share'
 */
import { z } from 'zod';

export const CUSTOM_ID_MAX = 100;
const VERSION = 'v1';
const SEPARATOR = '|';

export interface CustomIdKind<T> {
  readonly kind: string;
  /** The custom_id for a value; throws when it cannot be one (a field with "|", or over 100 characters): a bug. */
  encode(value: T): string;
  /** The value a custom_id of this kind stands for, or null when it is not a valid one. */
  decode(customId: string): T | null;
}

/** The kind a custom_id names, or null when it is not one of this version's. */
export function customIdKindOf(customId: string): string | null {
  const [version, kind] = customId.split(SEPARATOR);
  return version === VERSION && kind ? kind : null;
}

/**
 * Declares a kind of custom_id: `fields` checks the strings after the kind and gives the value; `write` gives them
 * back for a value.
 *
 * @example
 * const faqList = customIdKind('faqlist', z.tuple([z.coerce.number().int().min(0)]).transform(([offset]) => ({ offset })), (v) => [v.offset]);
 * faqList.decode('v1|faqlist|10') // → { offset: 10 }
 */
export function customIdKind<T>(kind: string, fields: z.ZodType<T>, write: (value: T) => ReadonlyArray<string | number>): CustomIdKind<T> {
  if (!/^[a-z]+$/.test(kind)) throw new Error(`custom_id kind "${kind}" must be lower-case letters`);
  return {
    kind,
    encode(value) {
      const parts = write(value).map(String);
      if (parts.some((p) => p.includes(SEPARATOR))) throw new Error(`custom_id field with "${SEPARATOR}" for ${kind}`);
      const id = [VERSION, kind, ...parts].join(SEPARATOR);
      if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id over ${CUSTOM_ID_MAX} characters for ${kind}`);
      return id;
    },
    decode(customId) {
      const [version, name, ...parts] = customId.split(SEPARATOR);
      if (version !== VERSION || name !== kind) return null;
      const parsed = fields.safeParse(parts);
      return parsed.success ? parsed.data : null;
    },
  };
}

/** Fields that are digits only: a Discord id (snowflake). */
export const snowflakeField = z.string().regex(/^\d{1,20}$/);
/** A whole number field within bounds. */
export const countField = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));
