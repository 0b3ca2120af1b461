/**
 * What a knowledge base answers to a sample of questions of every command, as JSON lines: two knowledge bases that
 * give the same lines answer alike. The tests of the save compare a knowledge base read back with a fresh build so.
 */
import { COMMANDS } from '../../commands/index.ts';
import { runCommand } from '../../src/commands/run-command.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';

const QUESTIONS: Array<[string, Record<string, unknown>]> = [
  ['search', { text: 'communications cell' }],
  ['search', { text: 'Blinkin Doha' }],
  ['search', { text: 'hostages released prisoners' }],
  ['who', { name: 'Qatari prime minister' }],
  ['who', { name: 'McGurk' }],
  ['when', { event: 'Raanans freed' }],
  ['terms', {}],
  ['terms', { topic: 'ratio' }],
  ['timeline', {}],
];

/**
 * @example
 * expect(sampleAnswers(readBack)).toBe(sampleAnswers(buildKnowledge(loadCorpus(dir))));
 */
export function sampleAnswers(knowledge: Knowledge): string {
  return QUESTIONS.map(([name, input]) =>
    JSON.stringify(runCommand(COMMANDS, name, input, { knowledge, page: { limit: 5, offset: 0 } })),
  ).join('\n');
}
