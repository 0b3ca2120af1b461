/**
 * custom_ids of the source preview: `v1|src|<add|edit|cancel>|<draft key>` on its buttons and `v1|srcform|<key>` on
 * the details form. The key names a draft held in memory; the article itself never rides in the custom_id.
 *
 * @example
 * sourceButtonId.encode({ action: 'add', key: '0a1b2c3d' }) // → 'v1|src|add|0a1b2c3d'
 */
import { z } from 'zod';
import { customIdKind } from '../custom-id.ts';

const draftKey = z.string().regex(/^[0-9a-f]{8}$/);

export const sourceButtonId = customIdKind(
  'src',
  z.tuple([z.enum(['add', 'edit', 'cancel']), draftKey]).transform(([action, key]) => ({ action, key })),
  (v) => [v.action, v.key],
);

export const sourceFormId = customIdKind(
  'srcform',
  z.tuple([draftKey]).transform(([key]) => ({ key })),
  (v) => [v.key],
);

const itemId = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number);

/**
 * custom_ids of a followed feed's review message: `v1|feeditem|<add|edit|reject>|<item id>` on its buttons and
 * `v1|feeditemform|<item id>` on its details form. The item waits in the feed store, so the buttons work after a
 * restart and on every process that shares the database.
 *
 * @example
 * feedItemButtonId.encode({ action: 'reject', id: 42 }) // → 'v1|feeditem|reject|42'
 */
export const feedItemButtonId = customIdKind(
  'feeditem',
  z.tuple([z.enum(['add', 'edit', 'reject']), itemId]).transform(([action, id]) => ({ action, id })),
  (v) => [v.action, v.id],
);

export const feedItemFormId = customIdKind(
  'feeditemform',
  z.tuple([itemId]).transform(([id]) => ({ id })),
  (v) => [v.id],
);
