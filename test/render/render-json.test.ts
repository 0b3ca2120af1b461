/** The JSON contract's line: one answer, whole, saying which version of the contract it follows. */
import { describe, expect, it } from 'vitest';
import { answerWhen } from '../../src/answers/when.ts';
import { JSON_CONTRACT_VERSION, renderJson } from '../../src/render/render-json.ts';
import { bundledKnowledge } from '../helpers/corpus.ts';

describe('renderJson', () => {
  it('is one line holding the answer whole, its version first', () => {
    const answer = answerWhen(bundledKnowledge(), 'two Americans released');
    const line = renderJson(answer);
    expect(line).not.toContain('\n');
    expect(line.startsWith(`{"version":${JSON_CONTRACT_VERSION},`)).toBe(true);
    const { version, ...rest } = JSON.parse(line) as Record<string, unknown>;
    expect(version).toBe(2);
    expect(rest).toEqual(JSON.parse(JSON.stringify(answer)));
    // version 2's fields
    expect(rest.picture).toBe('dates');
    expect(rest.disagreements).toEqual(answer.disagreements);
  });
});
