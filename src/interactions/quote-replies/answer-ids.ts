/**
 * The custom_ids of an answer's buttons: a page (`v1|pg|<command>|<offset>|<query key>`), "Post in channel"
 * (`v1|share`: it re-posts the message it is on) and "Delete" on a shared post (`v1|delete|<owner>`). The query
 * never rides in the custom_id (see page-queries.ts), so paging works for a query of any length.
 *
 * @example
 * pageId.encode({ command: 'who', offset: 5, key: 'Xq3aB-9_kLm' }) // → 'v1|pg|who|5|Xq3aB-9_kLm'
 */
import { z } from 'zod';
import { countField, customIdKind, snowflakeField } from '../custom-id.ts';
import { isQueryKey } from './page-queries.ts';

export const pageId = customIdKind(
  'pg',
  z
    .tuple([z.string().regex(/^[a-z]{1,32}$/), countField(10_000), z.string().refine(isQueryKey)])
    .transform(([command, offset, key]) => ({ command, offset, key })),
  (v) => [v.command, v.offset, v.key],
);

export const shareId = customIdKind(
  'share',
  z.tuple([]).transform(() => ({})),
  () => [],
);

export const deleteId = customIdKind(
  'delete',
  z.tuple([snowflakeField]).transform(([ownerId]) => ({ ownerId })),
  (v) => [v.ownerId],
);
