/**
 * Reads and writes the corpus source format: YAML front matter between `---` lines, then the article body as
 * paragraphs separated by blank lines.
 */
import { basename } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import type { ZodError } from 'zod';
import { describeIssue } from './field-errors.ts';
import { type Source, type SourceMeta, SourceMetaSchema } from './source-schema.ts';

/** A corpus file that cannot be used; the message names the file and, when known, the field. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}: ${field ? `field "${field}": ` : ''}${detail}`);
    this.name = 'CorpusError';
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Parses one source file, validating its front matter.
 *
 * @example
 * parseSourceFile('---\nid: x1\n…\n---\nFirst paragraph.\n\nSecond.', 'sources/x1.md').paragraphs
 * // → ['First paragraph.', 'Second.']
 */
export function parseSourceFile(text: string, file: string): Source {
  const body = withoutBom(text);
  refuseControlCharacters(body, file);
  const match = FRONT_MATTER.exec(body);
  if (!match) throw new CorpusError(file, null, 'no YAML front matter (the file must start with a "---" line)');
  const raw = parseYamlIn(match[1] ?? '', file, 'front matter is not valid YAML');
  const parsed = SourceMetaSchema.safeParse(raw);
  if (!parsed.success) throw fromZod(file, parsed.error);
  const paragraphs = splitParagraphs(body.slice(match[0].length));
  if (paragraphs.length === 0) throw new CorpusError(file, null, 'the body is empty');
  if (basename(file) !== `${parsed.data.id}.md`) throw new CorpusError(file, 'id', `"${parsed.data.id}" does not match the file name`);
  return { ...parsed.data, paragraphs, file };
}

/** A UTF-8 byte-order mark, which some editors write at the start of a file, is not part of the text. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Refuses text with control characters other than tab and line ends (NUL and the like): such a file is binary data or
 * was saved in another encoding (UTF-16), and its "text" would reach users' screens.
 *
 * @example
 * refuseControlCharacters('id: x\u0000', 'sources/x.md') // throws CorpusError: … control character U+0000 on line 1 …
 */
export function refuseControlCharacters(text: string, file: string): void {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const found = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (!found) return;
  const line = text.slice(0, found.index).split('\n').length;
  const code = `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  throw new CorpusError(file, null, `has the control character ${code} on line ${line}: it is binary data or not UTF-8 text (save it as UTF-8)`);
}

/**
 * Parses YAML from a file the moderator wrote; anything the parser refuses (a syntax error, duplicate keys, an alias
 * bomb) is a CorpusError that says where.
 *
 * @example
 * parseYamlIn('a: [1, 2', 'entities.yaml', 'not valid YAML') // throws CorpusError: entities.yaml: not valid YAML: …
 */
export function parseYamlIn(text: string, file: string, what: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) throw new CorpusError(file, null, `${what}: ${(error.message.split('\n')[0] ?? '').replace(/:$/, '')}`);
    const message = (error as Error).message;
    throw new CorpusError(file, null, `${what}: ${/alias/i.test(message) ? 'it repeats YAML aliases (*name) too many times' : message.split('\n')[0] ?? 'unreadable'}`);
  }
}

/**
 * Turns the first zod issue into a CorpusError naming the field path, in the bot's words; `whole` names what an
 * issue without a field is about.
 */
export function fromZod(file: string, error: ZodError, whole = 'the front matter'): CorpusError {
  const issue = error.issues[0];
  if (!issue) return new CorpusError(file, null, 'is not valid');
  const { field, detail } = describeIssue(issue);
  return new CorpusError(file, field, field === null && !detail.startsWith('has ') ? `${whole} ${detail}` : detail);
}

/** Splits a body into paragraphs at blank lines, folding the line breaks inside a paragraph to spaces. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    // most paragraphs are one line: the fold is skipped for those (over a large corpus the regex alone costs ~0.3 s)
    .map((p) => (p.includes('\n') ? p.replace(/\s*\n\s*/g, ' ') : p).trim())
    .filter((p) => p.length > 0);
}

/**
 * Formats a source for `corpus/sources/<id>.md`; `parseSourceFile` reads it back unchanged.
 *
 * @example
 * formatSourceFile(meta, ['One.', 'Two.']) // → '---\nid: …\n---\n\nOne.\n\nTwo.\n'
 */
export function formatSourceFile(meta: SourceMeta, paragraphs: readonly string[]): string {
  const yaml = stringifyYaml(SourceMetaSchema.parse(meta), { lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n\n${paragraphs.join('\n\n')}\n`;
}
