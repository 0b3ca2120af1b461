/** FAQ entries and their limits, shared by the store, the answers and the import format. */
import { z } from 'zod';
import { isCalendarDate } from '../corpus/source-schema.ts';

export const FAQ_LIMITS = { question: 200, alias: 100, answer: 2000, citations: 10 } as const;

export interface FaqEntry {
  id: number;
  guildId: string;
  question: string;
  answer: string;
  aliases: string[];
  citations: string[];
  reviewBy: string | null;
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface FaqRevision {
  revision: number;
  action: string;
  actor: string;
  at: string;
  snapshot: FaqSnapshot;
}

const text = (max: number, what: string) =>
  z
    .string()
    .transform((s) => s.replace(/\p{Cc}+/gu, (c) => (c.includes('\n') ? '\n' : ' ')).trim())
    .pipe(z.string().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`));

/** What a revision records: the whole entry as it stood after the change. */
export const FaqSnapshotSchema = z.strictObject({
  question: text(FAQ_LIMITS.question, 'the question'),
  answer: text(FAQ_LIMITS.answer, 'the answer'),
  aliases: z.array(text(FAQ_LIMITS.alias, 'an alias')).default([]),
  citations: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9_-]*#\d+$/, 'a citation must be a passage id such as "source-id#3"'))
    .max(FAQ_LIMITS.citations)
    .default([]),
  review_by: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'review_by must be YYYY-MM-DD')
    .refine(isCalendarDate, 'review_by must be a real calendar date (YYYY-MM-DD)')
    .nullable()
    .default(null),
  deleted: z.boolean().default(false),
});
export type FaqSnapshot = z.infer<typeof FaqSnapshotSchema>;

/** The export/import file: one guild's FAQ. */
export const FaqExportSchema = z.strictObject({
  format: z.literal('talks-bot-faq/1'),
  exported_at: z.string().optional(),
  entries: z.array(FaqSnapshotSchema.omit({ deleted: true })).max(1000),
});
export type FaqExport = z.infer<typeof FaqExportSchema>;

/** "What did Qatar offer?" and "what did qatar  offer" are the same question. */
export function questionKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[?!.\s]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What importing a server's FAQ did: entries added, updated and left as they were, and the questions in conflict. */
export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: string[];
}
