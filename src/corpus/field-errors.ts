/**
 * What is wrong with a field of a file a moderator wrote (a corpus source's front matter, `entities.yaml`, an FAQ
 * import), in the bot's own words. The schemas' own messages ("must be YYYY-MM-DD") are already ours and are kept;
 * the validator's defaults ("Invalid input: expected string, received number") are said again plainly.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** What the validator's type names mean to a person writing YAML or JSON. */
const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields (name: value)',
  null: 'empty (null)',
  undefined: 'missing',
  date: 'a date',
  bigint: 'a number',
  buffer: 'binary data',
};

const VALIDATOR_WORDS = /^(?:Invalid|Too (?:big|small)|Unrecognized|Expected)/;

const quoted = (value: unknown) => JSON.stringify(String(value).slice(0, 40));

/** "received number" → "a number", from the validator's message (the issue does not carry it otherwise). */
function received(issue: Issue): string | null {
  const name = /received (\w+)/.exec(issue.message)?.[1]?.toLowerCase();
  return name ? (NOUNS[name] ?? name) : null;
}

/**
 * The field an issue is about (a dotted path such as "published_basis.kind", or null for the whole file) and what is
 * wrong with it, in the bot's words.
 *
 * @example
 * describeIssue(SourceMetaSchema.safeParse({ ...meta, title: 42 }).error.issues[0])
 * // → { field: 'title', detail: 'must be text, not a number' }
 */
export function describeIssue(issue: Issue): { field: string | null; detail: string } {
  const path = issue.path.map(String);
  const field = path.length > 0 ? path.join('.') : null;
  if (issue.code === 'custom' || !VALIDATOR_WORDS.test(issue.message)) return { field, detail: issue.message };
  switch (issue.code) {
    case 'invalid_type': {
      const got = received(issue);
      if (got === 'missing') return { field, detail: 'is missing' };
      return { field, detail: `must be ${NOUNS[issue.expected] ?? issue.expected}${got ? `, not ${got}` : ''}` };
    }
    case 'invalid_value':
      return { field, detail: issue.values.length === 1 ? `must be ${quoted(issue.values[0])}` : `must be one of ${issue.values.map(quoted).join(', ')}` };
    case 'invalid_format':
      return { field, detail: issue.format === 'url' ? 'must be a web address starting with http:// or https://' : 'is not written in the expected form' };
    case 'too_big':
      return { field, detail: issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : issue.origin === 'array' ? `must have at most ${String(issue.maximum)} items` : `must be at most ${String(issue.maximum)}` };
    case 'too_small':
      if (issue.origin === 'string') return { field, detail: Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${String(issue.minimum)} characters` };
      return { field, detail: issue.origin === 'array' ? `must have at least ${String(issue.minimum)} item(s)` : `must be at least ${String(issue.minimum)}` };
    case 'unrecognized_keys':
      return { field, detail: `has ${issue.keys.length === 1 ? 'a field' : 'fields'} this file format does not have: ${issue.keys.slice(0, 5).map(quoted).join(', ')}` };
    default:
      return { field, detail: 'is not valid' };
  }
}
