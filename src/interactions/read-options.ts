/**
 * Reads a command's options out of the interaction JSON Discord sends: which subcommand (and group) was chosen, the
 * leaf options' values with attachments and roles replaced by their resolved objects, and the option being typed
 * for autocomplete. The values are checked against the command's declaration afterwards (`parseOptions`).
 *
 * @example
 * readOptions({ options: [{ type: 1, name: 'history', options: [{ type: 4, name: 'entry', value: 3 }] }] })
 * // → { path: ['history'], values: { entry: 3 }, focused: null }
 */
import { ApplicationCommandOptionType, type APIInteractionDataResolved } from 'discord-api-types/v10';

interface RawOption {
  type: ApplicationCommandOptionType;
  name: string;
  value?: unknown;
  focused?: boolean;
  options?: RawOption[];
}

export interface ReadOptions {
  /** The subcommand group and subcommand chosen, outermost first; [] for a command without subcommands. */
  path: string[];
  values: Record<string, unknown>;
  /** The option the user is typing in (autocomplete only). */
  focused: { name: string; value: string } | null;
}

export function readOptions(data: { options?: readonly RawOption[]; resolved?: APIInteractionDataResolved }): ReadOptions {
  const path: string[] = [];
  let options: readonly RawOption[] = data.options ?? [];
  for (;;) {
    const nested = options.find(
      (o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!nested) break;
    path.push(nested.name);
    options = nested.options ?? [];
  }
  const values: Record<string, unknown> = {};
  let focused: ReadOptions['focused'] = null;
  for (const o of options) {
    if (o.focused) focused = { name: o.name, value: typeof o.value === 'string' || typeof o.value === 'number' ? String(o.value) : '' };
    else if (o.type === ApplicationCommandOptionType.Attachment) values[o.name] = data.resolved?.attachments?.[String(o.value)];
    else if (o.type === ApplicationCommandOptionType.Role) values[o.name] = data.resolved?.roles?.[String(o.value)];
    else if (o.type === ApplicationCommandOptionType.Channel) values[o.name] = data.resolved?.channels?.[String(o.value)];
    else values[o.name] = o.value;
  }
  return { path, values, focused };
}
