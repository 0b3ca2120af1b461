/**
 * The front matter of one corpus source (`corpus/sources/<id>.md`), as a zod schema.
 *
 * Every field records what the text itself shows: an unknown outlet is `null`, an inferred date says it is inferred
 * and gives the evidence line, and a URL is never invented.
 */
import { z } from 'zod';

/** Source ids are file names too: lower-case words joined by hyphens or underscores. */
export const SOURCE_ID = /^[a-z0-9][a-z0-9_-]{1,79}$/;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

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
    url: z.url().optional(),
    /** The outlet whose reporting this text retells ("The New York Times"), when it retells someone else's. */
    reports_on: z.string().min(1).nullable().optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag such as "en"'),
    notes: z.string().default(''),
    /** Where the raw text came from and its SHA-256, so a quote can be traced back to what was received. */
    origin: z.strictObject({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
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
