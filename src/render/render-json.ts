/**
 * Renders an Answer as one line of JSON: the contract scripts and the quality check read (docs/json-contract.md).
 * The line says which version of the contract it follows, so a script can tell an answer with fields it does not know
 * from one it misreads.
 */
import type { Answer } from '../answers/answer.ts';

/**
 * The version of the JSON contract. 2 added `version`, and on `/when` and `/timeline` `disagreements` (the sides of
 * "Sources disagree" as data) and `picture` (which picture goes with the page).
 */
export const JSON_CONTRACT_VERSION = 2;

/**
 * @example
 * renderJson(answerWho(knowledge, 'McGurk')) // → '{"version":2,"command":"who",…}'
 */
export function renderJson(answer: Answer): string {
  return JSON.stringify({ version: JSON_CONTRACT_VERSION, ...answer });
}
