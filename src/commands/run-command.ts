/**
 * Runs a command by name with raw option values, or a console line ("/who McGurk"), and always returns an Answer:
 * unknown commands, invalid input and any other UserError a command throws become answers that say what went
 * wrong (the error's message as the note), so no transport has to.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Answer } from '../answers/answer.ts';
import { cachedAnswer } from '../answers/answer-cache.ts';
import { UserError } from '../errors/user-error.ts';
import type { AnyCommand, CommandContext } from './define-command.ts';

/** The command a console line without a command name goes to. */
export const FREE_TEXT_COMMAND = 'search';

/** How many typing slips (letters added, dropped, changed) a command name may hold and still be recognised. */
const COMMAND_SLIPS = 2;

/**
 * The commands a mistyped name was most likely meant to be, nearest first: within COMMAND_SLIPS edits, by
 * MiniSearch's Levenshtein automaton (`SearchableMap.fuzzyGet`), the same one that finds mistyped words in the corpus.
 *
 * @example
 * nearestCommands(COMMANDS, 'whoo') // → ['who', 'when']
 */
export function nearestCommands(commands: readonly AnyCommand[], typed: string): string[] {
  const names = SearchableMap.from(commands.map((c, i): [string, number] => [c.name, i]));
  return [...names.fuzzyGet(typed.toLowerCase(), COMMAND_SLIPS)]
    .sort(([a, [ia, da]], [b, [ib, db]]) => da - db || ia - ib || a.localeCompare(b))
    .map(([nameOf]) => nameOf);
}

export function errorAnswer(command: string, query: string | null, message: string, suggestions: string[] = []): Answer {
  return { command, query, title: 'Sorry', found: false, results: [], total: 0, notes: [message], suggestions };
}

export function runCommand(
  commands: readonly AnyCommand[],
  name: string,
  input: Record<string, unknown>,
  ctx: Omit<CommandContext, 'commands'>,
): Answer {
  const command = commands.find((c) => c.name === name.toLowerCase());
  const primary = command?.primary ? input[command.primary] : undefined;
  const query = typeof primary === 'string' ? primary : null;
  if (!command) {
    const near = nearestCommands(commands, name);
    const meant = near.length > 0 ? ` Did you mean ${near.map((c) => `/${c}`).join(' or ')}?` : '';
    const rest = commands.map((c) => c.name).filter((c) => !near.includes(c));
    return errorAnswer(
      name,
      query,
      `Unknown command "/${name}".${meant}`,
      [...near, ...rest].map((c) => `/${c}`),
    );
  }
  try {
    // an answer depends only on the knowledge base, the command, its input and the page
    const key = `${command.name}\u0000${JSON.stringify(input)}\u0000${ctx.page.limit}:${ctx.page.offset}`;
    return cachedAnswer(ctx.knowledge, key, () => command.handle(input, { ...ctx, commands }));
  } catch (error) {
    // invalid input (InvalidInputError) above all: a refusal in the bot's words, not a failure
    if (error instanceof UserError) return errorAnswer(command.name, query, error.message);
    throw error;
  }
}

/**
 * Splits a console line into a command name and its input: the rest of the line goes to the command's primary
 * option. A leading "/" is optional for a command's name; a line that does not start with one ("what did Qatar
 * do?") is searched whole, as `/search` would.
 *
 * @example
 * parseCommandLine(COMMANDS, '/who McGurk') // → { name: 'who', input: { name: 'McGurk' } }
 * parseCommandLine(COMMANDS, 'what did Qatar do?') // → { name: 'search', input: { text: 'what did Qatar do?' } }
 */
export function parseCommandLine(commands: readonly AnyCommand[], line: string): { name: string; input: Record<string, unknown> } | null {
  const slashed = /^\s*\//.test(line);
  const trimmed = line.trim().replace(/^\//, '');
  if (trimmed === '') return null;
  const name = trimmed.split(/\s+/)[0] ?? '';
  const text = trimmed.slice(name.length).trim();
  const command = commands.find((c) => c.name === name.toLowerCase());
  const search = commands.find((c) => c.name === FREE_TEXT_COMMAND);
  if (!slashed && !command && search?.primary) return { name: search.name, input: { [search.primary]: trimmed } };
  const input: Record<string, unknown> = {};
  if (command?.primary && (text !== '' || command.options[command.primary]?.required)) input[command.primary] = text;
  return { name: name.toLowerCase(), input };
}
