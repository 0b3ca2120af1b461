/**
 * The FAQ's custom_ids: list pages (`v1|faqlist|<offset>`), the add form (`v1|faqadd`) and the edit form
 * (`v1|faqedit|<entry>|<revision it was opened on>`, so an edit on a stale revision is refused, not lost).
 *
 * @example
 * faqEditId.encode({ entry: 7, revision: 2 }) // → 'v1|faqedit|7|2'
 */
import { z } from 'zod';
import { countField, customIdKind } from '../custom-id.ts';

export const faqListId = customIdKind(
  'faqlist',
  z.tuple([countField(100_000)]).transform(([offset]) => ({ offset })),
  (v) => [v.offset],
);

export const faqAddId = customIdKind(
  'faqadd',
  z.tuple([]).transform(() => ({})),
  () => [],
);

export const faqEditId = customIdKind(
  'faqedit',
  z.tuple([countField(1_000_000), countField(1_000_000)]).transform(([entry, revision]) => ({ entry, revision })),
  (v) => [v.entry, v.revision],
);
