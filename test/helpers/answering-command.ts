/** The quote commands as the tests reach them: a command's answering leaf by name, and its suggestions as text. */
import { COMMANDS } from '../../commands/index.ts';
import { answeringCommands, type AnyAnsweringLeaf } from '../../src/commands/declare.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';

/** The answering leaf of the quote command `name` (`/who`, `/when`, …); throws for a command that has none. */
export function answeringLeaf(name: string): AnyAnsweringLeaf {
  const found = answeringCommands(COMMANDS).find((c) => c.name === name);
  if (!found) throw new Error(`no quote command /${name}`);
  return found.leaf;
}

/** What the command suggests for `option` as `typed` is typed, as the values the option would get. */
export async function suggestionsOf(name: string, option: string, typed: string, knowledge: Knowledge): Promise<string[]> {
  const choices = (await answeringLeaf(name).autocomplete?.(option, typed, { knowledge })) ?? [];
  return choices.map((c) => String(c.value));
}
