/**
 * Runs a property with a fixed seed and counts the inputs it generated, so every `npm test` run tries the same
 * inputs and says how many: `fuzz <area>: N inputs` in the output, and a line `{"area", "inputs", …}` appended to
 * inputs.jsonl under the fuzz output folder, which the lead sums per command. On a failure the seed and the
 * shrunk counterexample are in the error (fast-check's report).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

export const FUZZ_OUTPUT = join(tmpdir(), 'talks-bot-test-output', 'fuzz');
/** One seed for every run (FUZZ_SEED overrides it, to explore other inputs): a failure is reproduced by running again. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261124);

/**
 * Appends one area's count to the report and prints it.
 *
 * @example
 * reportInputs('/who', 1200); // fuzz /who: 1200 inputs
 */
export function reportInputs(area: string, inputs: number, extra: Record<string, number> = {}): void {
  mkdirSync(FUZZ_OUTPUT, { recursive: true });
  appendFileSync(
    join(FUZZ_OUTPUT, 'inputs.jsonl'),
    `${JSON.stringify({ area, inputs, ...extra, seed: FUZZ_SEED, at: new Date().toISOString() })}\n`,
  );
  console.log(
    `fuzz ${area}: ${inputs} inputs${Object.entries(extra)
      .map(([k, v]) => `, ${k} ${v}`)
      .join('')} (report: ${join(FUZZ_OUTPUT, 'inputs.jsonl')})`,
  );
}

/**
 * Checks `property` on `numRuns` generated inputs and reports how many were tried (with `details`, other counts).
 *
 * @example
 * await fuzz('/who', slashOn(who), 1200, (interaction) => bot.check(interaction));
 */
export async function fuzz<T>(
  area: string,
  inputs: fc.Arbitrary<T>,
  numRuns: number,
  property: (input: T) => Promise<unknown>,
  details: () => Record<string, number> = () => ({}),
): Promise<void> {
  let tried = 0;
  await fc.assert(
    fc.asyncProperty(inputs, async (input) => {
      tried++;
      await property(input);
    }),
    { numRuns, seed: FUZZ_SEED, endOnFailure: false, verbose: 0 },
  );
  reportInputs(area, tried, details());
}
