/**
 * What the bot answers besides commands — the buttons under its messages and the forms (modals) it opens — and the
 * catalog of everything it answers. A button or form is found by its custom_id's kind (custom-id.ts), gated like a
 * command, and handed the decoded id.
 */
import type { APIMessage } from 'discord-api-types/v10';
import type { Call, Command, Gates, Services } from '../commands/declare.ts';
import type { CustomIdKind } from './custom-id.ts';

/** A button: its custom_id kind, gates and handler; it gets the decoded id and the message it is on. */
export interface Button<T> {
  type: 'button';
  id: CustomIdKind<T>;
  gates: Gates;
  handle(value: T, message: APIMessage, call: Call): Promise<void>;
}

/** A form (modal): its custom_id kind, gates and handler; it gets the decoded id and the text typed in each field. */
export interface Form<T> {
  type: 'form';
  id: CustomIdKind<T>;
  gates: Gates;
  handle(value: T, fields: Readonly<Record<string, string>>, call: Call & { message: APIMessage | null }): Promise<void>;
}

/**
 * Erases a button's value type once it has checked its handler.
 *
 * @example
 * button({ id: deleteId, gates: OPEN, handle: ({ ownerId }, message, call) => … }) // ownerId: string
 */
export const button = <T>(b: Omit<Button<T>, 'type'>): Button<unknown> => ({ type: 'button', ...b }) as unknown as Button<unknown>;
/**
 * Erases a form's value type once it has checked its handler.
 *
 * @example
 * form({ id: faqEditId, gates, handle: ({ entry, revision }, fields, call) => … }) // fields.question: the typed text
 */
export const form = <T>(f: Omit<Form<T>, 'type'>): Form<unknown> => ({ type: 'form', ...f }) as unknown as Form<unknown>;

/** Everything the bot answers, and the services its handlers are given (`Call.services`). */
export interface Catalog {
  commands: readonly Command[];
  components: ReadonlyArray<Button<unknown> | Form<unknown>>;
  services: Services;
}
