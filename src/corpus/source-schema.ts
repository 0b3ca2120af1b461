/**
 * The front matter of one corpus source (`corpus/sources/<id>.md`), as a zod schema.
 *
 * Every field records what the text itself shows: an unknown outlet is `null`, an inferred date says it is inferred
 * and gives the evidence line, and a URL is never invented.
 */
import { z } from 'zod';

/** Source ids are file names too: lower-case words joined by hyphens or underscores. */
export const SOURCE_ID = /^[a-z0-9][a-z0-9_-]{1,79}$/;

/**
 * True when `text` is YYYY-MM-DD and names a day the calendar has: the month is 01–12 and the day exists in that
 * month (29 February only in a leap year). A date that does not exist can only be a typo, and would be resolved
 * silently to another day by `Date`.
 *
 * @example
 * isCalendarDate('2024-02-29') // → true
 * isCalendarDate('2023-02-29') // → false
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isCalendarDate(text), 'must be a real calendar date (YYYY-MM-DD)');

export const PublishedBasisSchema = z.strictObject({
  /** `stated`: the text gives its date; `inferred`: reasoned from the text; `unknown`: no evidence at all. */
  kind: z.enum(['stated', 'inferred', 'unknown']),
  /** The line of the text (or the reasoning over it) that the date rests on. */
  evidence: z.string().min(1),
});

export const SourceMetaSchema = z
  .strictObject({
    id: z.string().regex(SOURCE_ID, 'must be lower-case letters, digits, "-" or "_"'),
    /** The headline, or null when the text carries none. */
    title: z.string().min(1).nullable(),
    outlet: z.string().min(1).nullable(),
    authors: z.array(z.string().min(1)),
    published: isoDay.nullable(),
    published_basis: PublishedBasisSchema,
    /** Where the article can be read: http or https only (it becomes a link under quotes). */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** The outlet whose reporting this text retells ("The New York Times"), when it retells someone else's. */
    reports_on: z.string().min(1).nullable().optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as "en"'),
    notes: z.string().default(''),
    /** Where the raw text came from and its SHA-256, so a quote can be traced back to what was received. */
    origin: z.strictObject({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
    /**
     * The id of a source that carries the same story, republished with small edits (a changed headline, a sentence
     * reworded, a paragraph added or dropped). Answers show a sentence the two share once, with "also in".
     */
    near_duplicate_of: z.string().regex(SOURCE_ID, 'must be a source id (lower-case letters, digits, "-" or "_")').optional(),
  })
  .superRefine((meta, ctx) => {
    if (meta.published === null && meta.published_basis.kind !== 'unknown') {
      ctx.addIssue({ code: 'custom', path: ['published_basis', 'kind'], message: 'must be "unknown" when published is null' });
    }
    if (meta.published !== null && meta.published_basis.kind === 'unknown') {
      ctx.addIssue({ code: 'custom', path: ['published_basis', 'kind'], message: 'must be "stated" or "inferred" when a date is given' });
    }
  });

export type SourceMeta = z.infer<typeof SourceMetaSchema>;

/** A loaded source: its front matter plus its body as paragraphs, exactly as they stand in the file. */
export interface Source extends SourceMeta {
  paragraphs: string[];
  /** The file it was read from, relative to the corpus directory, for error messages. */
  file: string;
}
