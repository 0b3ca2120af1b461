/**
 * What the property tests of files share: hostile strings a moderator's file may hold, the check that a refusal is
 * in the bot's words, and the count of generated inputs — printed as `fuzz <area>: N inputs` and appended as
 * `{area, inputs}` to `<tmp>/talks-bot-test-output/fuzz/files.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

/** Strings chosen to hurt: empty, blank, long, right-to-left, zero-width, markdown, mentions, paths, control characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    'x'.repeat(6000),
    'قطر تتوسط في المحادثات',
    'مرحبا Doha שלום',
    'a\u200bb\u200d',
    'e\u0301\u0301\u0301',
    '👨‍👩‍👧‍👦🇶🇦',
    '**bold** `code` ||spoiler||',
    '@everyone',
    '@here',
    '<@123456789012345678>',
    '<@&123456789012345678>',
    '<#123456789012345678>',
    '.*+?^${}()|[]\\',
    'https://example.org/a?b=c#d',
    "'; DROP TABLE faq_entries; --",
    '__proto__',
    'constructor',
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\system32',
    '..\\..\\x',
    'a\u0000b',
    '\u0007\u001b[31m',
    '\uFEFF',
    '\uFFFD\uFFFD',
    '2023-13-45',
    '2023-02-30',
    '0000-00-00',
    '9999-99-99',
    'null',
    'true',
    '- a\n- b',
    'key: value',
    '---',
    '{"a":1}',
    '&a [*a]',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Values of the wrong type for any field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, [], {}, [null], { __proto__: 1 }, ['a', 2]),
  fc.integer(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** The validator's own wording, which users must never see. */
export const VALIDATOR_WORDS =
  /Invalid input|Invalid option|Unrecognized key|Too (?:big|small)|expected \w+, received|ZodError|at Object\.|\n\s+at /;

/**
 * Records that `area` drew `inputs` generated inputs in this run.
 *
 * @example
 * recordFuzzInputs('corpus files', 8000); // prints "fuzz corpus files: 8000 inputs"
 */
export function recordFuzzInputs(area: string, inputs: number): void {
  const dir = join(tmpdir(), 'talks-bot-test-output', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'files.json');
  let all: Array<{ area: string; inputs: number }> = [];
  try {
    all = JSON.parse(readFileSync(file, 'utf8')) as typeof all;
  } catch {
    // the first area of a fresh output folder
  }
  all.push({ area, inputs });
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`fuzz ${area}: ${inputs} inputs (${file})`);
}
