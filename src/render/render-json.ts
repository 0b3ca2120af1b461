/** Renders an Answer as one line of JSON: the contract scripts and the quality check read. */
import type { Answer } from '../answers/answer.ts';

export function renderJson(answer: Answer): string {
  return JSON.stringify(answer);
}
