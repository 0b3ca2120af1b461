/**
 * Generators of hostile input for the property tests: the text a member can type or paste (empty, white space,
 * 6,000 characters and more, Arabic and mixed right-to-left, zero-width and combining characters, emoji, markdown,
 * mass and direct mentions, regex metacharacters, URLs, SQL, prototype keys, control characters, lone surrogates),
 * option values of the wrong type, and custom_ids forged, truncated or from another version.
 */
import fc from 'fast-check';

/** Pieces of text that have broken bots: each alone, or glued to others and to random text. */
export const HOSTILE_PIECES: readonly string[] = [
  '',
  ' ',
  '\t \n  \r\n',
  '\u00a0\u2003\u3000',
  '@everyone',
  '@here',
  '@everyone @here hostages',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&223456789012345678>',
  '<#333333333333333333>',
  '</who:1>',
  'https://example.com/news?id=1&x=<script>',
  'http://169.254.169.254/latest/meta-data/',
  'javascript:alert(1)',
  "'; DROP TABLE faq_entries; --",
  '" OR 1=1 --',
  '%s%d%n%x',
  '${process.env.DISCORD_TOKEN}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'undefined',
  'null',
  'NaN',
  '[object Object]',
  '.*+?^${}()|[]\\',
  '(a+)+$',
  '\\',
  '**bold** __under__ ~~strike~~ *it* `code`',
  '```js\nprocess.exit(1)\n```',
  '> quoted\n>>> block',
  '||spoiler||',
  '# Heading\n- list',
  '[McGurk](https://evil.example/phish)',
  'مفاوضات الرهائن في الدوحة',
  'حماس وإسرائيل وقطر',
  'Hamas حماس Israel إسرائيل 50 رهينة',
  '\u202eevil\u202c \u2067rtl\u2069 \u200f',
  '\u200b\u200c\u200d\u2060\ufeff',
  'Z\u0334\u0321\u0327a\u0338l\u0336g\u0337o\u0301\u0302\u0303',
  'e\u0301\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🇶🇦🇮🇱🏳️‍🌈',
  '🙂'.repeat(30),
  '\u0000\u0007\u001b[31m\u007f\u0085',
  '\r',
  '\ud800',
  '\udfff',
  'a\ud83dz',
  'v1|pg|who|5|-',
  '|',
  'McGurk',
  'Barnea',
  'Doha',
  'hostages',
  'ratio',
  'cease-fire',
  'ap-how-the-hostage-deal-came-about#12',
  '../../etc/passwd',
  '..\\..\\windows',
  '0',
  '-1',
  '1e309',
];

const piece = fc.constantFrom(...HOSTILE_PIECES);

/** Long text around Discord's 6,000-character cap on a string option, and past it. */
const longText = fc
  .tuple(
    fc.constantFrom('hostages ', 'a', '@everyone ', 'حماس ', '🙂', 'e\u0301', '\u200b', 'Doha talks. ', '*'),
    fc.constantFrom(1999, 2000, 4000, 5999, 6000, 6001, 8000),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const randomText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A hostile string: one piece, several glued together, random code units, or a long one. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: piece },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(piece, randomText), { minLength: 2, maxLength: 5 })
      .chain((parts) => fc.constantFrom(parts.join(' '), parts.join(''))),
  },
  { weight: 2, arbitrary: randomText },
  { weight: 1, arbitrary: longText },
);

/** A value of any JSON type, for an option sent with the wrong type. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), hostileText), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'value', 'name'), fc.oneof(fc.integer(), hostileText), { maxKeys: 3 }),
);

/** A whole number a member could send for an integer option (the JSON allows any number). */
export const integerValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(0, 1, 999_999, 2 ** 31, 2 ** 53 + 1, 1.5, -0),
  wrongValue,
);

/** A custom_id as a forger, an old version or a truncating client would send it, around `valid` ones. */
export function forgedCustomId(valid: readonly string[]): fc.Arbitrary<string> {
  const validId = fc.constantFrom(...valid);
  return fc.oneof(
    { weight: 6, arbitrary: validId },
    { weight: 1, arbitrary: validId.chain((id) => fc.integer({ min: 0, max: id.length }).map((n) => id.slice(0, n))) },
    { weight: 1, arbitrary: validId.map((id) => id.replace(/^v1/, 'v0')) },
    { weight: 1, arbitrary: fc.tuple(validId, hostileText).map(([id, extra]) => `${id}|${extra}`) },
    {
      weight: 2,
      arbitrary: fc.tuple(validId, fc.integer({ min: 2, max: 4 }), hostileText).map(([id, at, text]) =>
        id
          .split('|')
          .map((p, i) => (i === at ? text : p))
          .join('|'),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('v1', 'v2', ''),
          fc.constantFrom('pg', 'share', 'delete', 'faqlist', 'faqadd', 'faqedit', 'src', 'srcform', 'nosuch', '__proto__', 'constructor'),
          fc.array(hostileText, { maxLength: 4 }),
        )
        .map(([v, kind, fields]) => [v, kind, ...fields].join('|')),
    },
    { weight: 1, arbitrary: hostileText },
  );
}
