/**
 * Bad corpus files, one by one, as a moderator would meet them: each is refused whole with a message naming the file
 * and the field in the bot's words; a reload that meets one keeps serving what ran before; a source that another
 * repeats (near_duplicate_of) cannot be removed from under it.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusChangeError } from '../../src/corpus/corpus-changes.ts';
import { CorpusEditor } from '../../src/serving/corpus-editor.ts';
import { loadCorpus, MAX_CORPUS_FILE_BYTES } from '../../src/corpus/load-corpus.ts';
import { parseSourceFile } from '../../src/corpus/source-file.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { emptyCorpus } from '../helpers/corpus.ts';

const SEED = 'raanans-freed-2023-10-20';
const file = (front: string, body = 'The body.') => `---\nid: x1\ntitle: A title\noutlet: null\nauthors: []\npublished: 2023-05-01\npublished_basis: {kind: stated, evidence: the dateline}\nlanguage: en\n${front}---\n\n${body}\n`;
const refusal = (text: string, label = 'sources/x1.md') => {
  try {
    parseSourceFile(text, label);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a corpus source file', () => {
  it.each([
    ['an impossible month', file('').replace('2023-05-01', '2023-13-45'), 'sources/x1.md: field "published": must be a real calendar date (YYYY-MM-DD)'],
    ['30 February', file('').replace('2023-05-01', '2023-02-30'), 'sources/x1.md: field "published": must be a real calendar date (YYYY-MM-DD)'],
    ['a number for a title', file('').replace('A title', '42'), 'sources/x1.md: field "title": must be text, not a number'],
    ['a missing field', file('').replace('language: en\n', ''), 'sources/x1.md: field "language": is missing'],
    ['a prototype key', file('__proto__: {polluted: 1}\n'), 'sources/x1.md: has a field this file format does not have: "__proto__"'],
    ['a link that is not http', file('url: "javascript:alert(1)"\n'), 'sources/x1.md: field "url": must be a web address starting with http:// or https://'],
    ['a NUL byte', file('', 'The bo\u0000dy.'), 'sources/x1.md: has the control character U+0000 on line 11: it is binary data or not UTF-8 text (save it as UTF-8)'],
    ['a YAML alias bomb', `---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nx\n`, 'sources/x1.md: front matter is not valid YAML: it repeats YAML aliases (*name) too many times'],
    ['a list for front matter', '---\n- a\n---\nBody.\n', 'sources/x1.md: the front matter must be a set of fields (name: value), not a list'],
    ['an id with a path in it', file('').replace('id: x1', 'id: ../x1'), 'sources/x1.md: field "id": must be lower-case letters, digits, "-" or "_"'],
  ])('is refused for %s, naming the file and field', (_what, text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it('must be named after its id exactly (sources/ax1.md is not x1)', () => {
    expect(refusal(file(''), 'sources/ax1.md')).toBe('sources/ax1.md: field "id": "x1" does not match the file name');
  });

  it('may start with a byte-order mark and use Windows line ends', () => {
    expect(parseSourceFile(`\uFEFF${file('')}`.replace(/\n/g, '\r\n'), 'sources/x1.md').paragraphs).toEqual(['The body.']);
  });

  it('is refused when it is not UTF-8 or too large, naming it', () => {
    const dir = emptyCorpus();
    copyFileSync(join('corpus', 'sources', `${SEED}.md`), join(dir, 'sources', `${SEED}.md`));
    writeFileSync(join(dir, 'sources', 'x1.md'), Buffer.from(file('', 'Caf\u00e9 talks.'), 'latin1'));
    expect(() => loadCorpus(dir)).toThrow('sources/x1.md: is not UTF-8 text (save it as UTF-8)');
    writeFileSync(join(dir, 'sources', 'x1.md'), Buffer.from(file(''), 'utf16le'));
    expect(() => loadCorpus(dir)).toThrow('sources/x1.md: has the control character U+0000 on line 1: it is binary data or not UTF-8 text (save it as UTF-8)');
    writeFileSync(join(dir, 'sources', 'x1.md'), file('', 'word '.repeat(MAX_CORPUS_FILE_BYTES / 5)));
    expect(() => loadCorpus(dir)).toThrow(/^sources\/x1\.md: is 5\.0 MB, over the 5 MB a corpus file may have$/);
  });
});

describe('a reload that meets a broken file', () => {
  it('refuses the whole reload: what ran keeps serving, unchanged, and the reply names the file and field', async () => {
    const dir = emptyCorpus();
    copyFileSync(join('corpus', 'sources', `${SEED}.md`), join(dir, 'sources', `${SEED}.md`));
    const live = LiveKnowledge.open(dir);
    const before = live.current();
    writeFileSync(join(dir, 'sources', 'x1.md'), file('')); // a good new source…
    writeFileSync(join(dir, 'sources', 'x2.md'), file('').replace('id: x1', 'id: x2').replace('2023-05-01', '2023-02-30')); // …and a broken one
    expect(await live.reload()).toMatchObject({ ok: false, error: 'sources/x2.md: field "published": must be a real calendar date (YYYY-MM-DD)' });
    expect(live.current()).toBe(before);
    writeFileSync(join(dir, 'sources', 'x2.md'), file('').replace('id: x1', 'id: x2'));
    expect(await live.reload()).toMatchObject({ ok: true, added: ['x1', 'x2'] });
  });
});

describe('removing a source through the editor', () => {
  it('is refused while another source repeats it (near_duplicate_of), and nothing moves', async () => {
    const dir = emptyCorpus();
    const seedFile = join(dir, 'sources', `${SEED}.md`);
    copyFileSync(join('corpus', 'sources', `${SEED}.md`), seedFile);
    const copy = readFileSync(seedFile, 'utf8').replace(`id: ${SEED}`, `id: ${SEED}-copy\nnear_duplicate_of: ${SEED}`);
    writeFileSync(join(dir, 'sources', `${SEED}-copy.md`), copy);
    const editor = new CorpusEditor(LiveKnowledge.open(dir));
    const author = { by: 'command line' as const };
    await expect(editor.remove(SEED, author)).rejects.toThrow(new CorpusChangeError(`"${SEED}-copy" repeats "${SEED}" with small edits (near_duplicate_of): remove it first.`));
    expect(existsSync(seedFile)).toBe(true);
    expect((await editor.remove(`${SEED}-copy`, author)).reload.ok).toBe(true);
    expect((await editor.remove(SEED, author)).reload).toMatchObject({ ok: false, error: expect.stringMatching(/no sources/) as unknown });
  });
});
