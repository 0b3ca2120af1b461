/**
 * Reads and writes the corpus source format: YAML front matter between `---` lines, then the article body as
 * paragraphs separated by blank lines.
 */
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import type { ZodError } from 'zod';
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
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new CorpusError(file, null, 'no YAML front matter (the file must start with a "---" line)');
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '');
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    throw new CorpusError(file, null, `front matter is not valid YAML: ${detail}`);
  }
  const parsed = SourceMetaSchema.safeParse(raw);
  if (!parsed.success) throw fromZod(file, parsed.error);
  const paragraphs = splitParagraphs(text.slice(match[0].length));
  if (paragraphs.length === 0) throw new CorpusError(file, null, 'the body is empty');
  const expected = `${parsed.data.id}.md`;
  if (!file.endsWith(expected)) throw new CorpusError(file, 'id', `"${parsed.data.id}" does not match the file name`);
  return { ...parsed.data, paragraphs, file };
}

/** Turns the first zod issue into a CorpusError naming the field path. */
export function fromZod(file: string, error: ZodError): CorpusError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : null;
  return new CorpusError(file, field, issue?.message ?? 'invalid');
}

/** Splits a body into paragraphs at blank lines, folding the line breaks inside a paragraph to spaces. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
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
