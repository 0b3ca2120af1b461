/**
 * The curated people and organisations of the talks (`corpus/entities.yaml`), as a zod schema.
 *
 * `aliases` always mean this entity; `short_forms` ("Al Thani", "the prime minister") may mean several, and a
 * mention of one is given to whichever candidate the same source named most recently.
 */
import { z } from 'zod';

const yearMonth = z.coerce.string().regex(/^\d{4}(-\d{2})?$/, 'must be YYYY or YYYY-MM');

export const RoleSchema = z.strictObject({
  /** How the role is written for a reader: "Qatari prime minister and foreign minister". */
  title: z.string().min(1),
  /** Lower-case phrases a user or a text may use for the role: "qatari prime minister", "head of mossad". */
  phrases: z.array(z.string().min(2)).default([]),
  from: yearMonth.optional(),
  to: yearMonth.optional(),
});

export const EntitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits or "-"'),
  name: z.string().min(2),
  kind: z.enum(['person', 'organisation', 'journalist', 'place']),
  aliases: z.array(z.string().min(2)).default([]),
  short_forms: z.array(z.string().min(2)).default([]),
  roles: z.array(RoleSchema).default([]),
  /** Groups this entity belongs to ("the Raanans"): passages about the group are about each member too. */
  part_of: z.array(z.string()).default([]),
  description: z.string().min(1),
});

export const EntityFileSchema = z.strictObject({
  entities: z.array(EntitySchema).min(1),
  /** Capitalised words the coverage check should not report (places, months, generic words). */
  not_entities: z.array(z.string()).default([]),
});

export type Role = z.infer<typeof RoleSchema>;
export type Entity = z.infer<typeof EntitySchema>;
