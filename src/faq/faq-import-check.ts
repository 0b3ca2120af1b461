/**
 * Reading an FAQ export file before anything is imported: the whole file is checked first, so an import is applied
 * whole or refused whole with a message naming the entry and the field — "entry 4, field "question": must not be
 * empty" — in the bot's words, never the validator's. Two entries of the file asking the same question, or sharing
 * an alias, are refused too: applied one after the other, the second would clash with the first halfway through.
 */
import { describeIssue } from '../corpus/field-errors.ts';
import { type FaqExport, FaqExportSchema, questionKey } from './faq-entry.ts';
import { FaqError } from './faq-errors.ts';

/** "entries.3.aliases.0" → 'entry 4, field "aliases.0"'; other paths are said as they are. */
function where(field: string | null): string {
  if (field === null) return 'the file';
  const entry = /^entries\.(\d+)(?:\.(.+))?$/.exec(field);
  if (!entry) return `field "${field}"`;
  const n = Number(entry[1]) + 1;
  return entry[2] ? `entry ${n}, field "${entry[2]}"` : `entry ${n}`;
}

/**
 * The export in `data`, checked whole. Throws FaqError saying which entry and field is wrong; nothing has been
 * written by then.
 *
 * @example
 * checkFaqImport({ format: 'talks-bot-faq/1', entries: [{ question: '', answer: 'x' }] })
 * // throws FaqError: Nothing was imported: entry 1, field "question": the question must not be empty.
 */
export function checkFaqImport(data: unknown): FaqExport {
  const parsed = FaqExportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const { field, detail } = issue ? describeIssue(issue) : { field: null, detail: 'is not valid' };
    const hint = field === 'format' ? ' (this is not a talks-bot FAQ export)' : '';
    throw new FaqError(`Nothing was imported: ${where(field)}: ${detail.replace(/\.$/, '')}${hint}.`);
  }
  const asked = new Map<string, number>();
  for (const [i, entry] of parsed.data.entries.entries()) {
    const keys = [entry.question, ...entry.aliases].map(questionKey);
    for (const [k, key] of keys.entries()) {
      const first = asked.get(key);
      if (first !== undefined && first !== i) {
        const what =
          k === 0 ? 'asks the same question as' : `has the alias "${(entry.aliases[k - 1] ?? '').slice(0, 60)}", already asked by`;
        throw new FaqError(`Nothing was imported: entry ${i + 1} ${what} entry ${first + 1}.`);
      }
      asked.set(key, i);
    }
  }
  return parsed.data;
}
