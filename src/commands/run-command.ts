/**
 * Runs an answering command — by name with raw option values (a console line such as "/who McGurk", a page button's
 * query), or a leaf with options already checked (the dispatcher's) — and always returns an Answer: unknown
 * commands, invalid input and any other UserError a command throws become answers that say what went wrong (the
 * error's message as the note), so no face has to. Raw input is checked against the leaf's options here, once; input
 * the dispatcher checked is not checked again.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Answer } from '../answers/answer.ts';
import { cachedAnswer } from '../answers/answer-cache.ts';
import { UserError } from '../errors/user-error.ts';
import { type AnswerContext, answeringCommands, type AnyAnsweringLeaf, type Command, singleLeaf } from './declare.ts';
import { parseOptions } from './options.ts';

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
export function nearestCommands(commands: readonly { name: string }[], typed: string): string[] {
  const names = SearchableMap.from(commands.map((c, i): [string, number] => [c.name, i]));
  return [...names.fuzzyGet(typed.toLowerCase(), COMMAND_SLIPS)]
    .sort(([a, [ia, da]], [b, [ib, db]]) => da - db || ia - ib || a.localeCompare(b))
    .map(([nameOf]) => nameOf);
}

export function errorAnswer(command: string, query: string | null, message: string, suggestions: string[] = []): Answer {
  return { command, query, title: 'Sorry', found: false, results: [], total: 0, notes: [message], suggestions };
}

/**
 * The answer of an answering leaf to input its options have already checked, remembered per knowledge (an answer
 * depends only on the knowledge, the command, its input and the page). A UserError the leaf throws becomes an
 * answer saying so.
 *
 * @example
 * answerOf('who', who.leaf, { name: 'McGurk' }, { knowledge, page: { limit: 5, offset: 0 }, commands: COMMANDS })
 */
export function answerOf(name: string, leaf: AnyAnsweringLeaf, input: Record<string, unknown>, ctx: AnswerContext): Answer {
  const primary = leaf.primary ? input[leaf.primary] : undefined;
  try {
    const key = `${name}\u0000${JSON.stringify(input)}\u0000${ctx.page.limit}:${ctx.page.offset}`;
    return cachedAnswer(ctx.knowledge, key, () => leaf.answer(input, ctx));
  } catch (error) {
    if (error instanceof UserError) return errorAnswer(name, typeof primary === 'string' ? primary : null, error.message);
    throw error;
  }
}

/**
 * A command's answer to raw option values: the command found by name among the answering ones (a mistyped name is
 * answered with the nearest), its input checked against its options, then answered (`answerOf`). A command that
 * acts on Discord only (`/faq`) is answered with where to use it.
 *
 * @example
 * runCommand(COMMANDS, 'who', { name: 'McGurk' }, { knowledge, page: { limit: 5, offset: 0 } }).results[0]?.quote
 */
export function runCommand(
  commands: readonly Command[],
  name: string,
  input: Record<string, unknown>,
  ctx: Omit<AnswerContext, 'commands'>,
): Answer {
  const answering = answeringCommands(commands);
  const found = answering.find((c) => c.name === name.toLowerCase());
  const primary = found?.leaf.primary ? input[found.leaf.primary] : undefined;
  const query = typeof primary === 'string' ? primary : null;
  if (!found) {
    const elsewhere = commands.find((c) => c.name === name.toLowerCase() && singleLeaf(c) === null);
    if (elsewhere) return errorAnswer(name, query, `/${elsewhere.name} is used on Discord, not here.`);
    const near = nearestCommands(answering, name);
    const meant = near.length > 0 ? ` Did you mean ${near.map((c) => `/${c}`).join(' or ')}?` : '';
    const rest = answering.map((c) => c.name).filter((c) => !near.includes(c));
    return errorAnswer(
      name,
      query,
      `Unknown command "/${name}".${meant}`,
      [...near, ...rest].map((c) => `/${c}`),
    );
  }
  const parsed = parseOptions(found.leaf.options, input);
  // invalid input is a refusal in the bot's words, not a failure
  if (!parsed.ok) return errorAnswer(found.name, query, parsed.message);
  return answerOf(found.name, found.leaf, parsed.data, { ...ctx, commands });
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
export function parseCommandLine(commands: readonly Command[], line: string): { name: string; input: Record<string, unknown> } | null {
  const slashed = /^\s*\//.test(line);
  const trimmed = line.trim().replace(/^\//, '');
  if (trimmed === '') return null;
  const name = trimmed.split(/\s+/)[0] ?? '';
  const text = trimmed.slice(name.length).trim();
  const answering = answeringCommands(commands);
  const command = answering.find((c) => c.name === name.toLowerCase())?.leaf;
  const search = answering.find((c) => c.name === FREE_TEXT_COMMAND);
  if (!slashed && !command && search?.leaf.primary) return { name: search.name, input: { [search.leaf.primary]: trimmed } };
  const input: Record<string, unknown> = {};
  if (command?.primary && (text !== '' || command.options[command.primary]?.required)) input[command.primary] = text;
  return { name: name.toLowerCase(), input };
}
