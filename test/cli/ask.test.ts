/** The `ask` command as scripts and the quality check use it: `npm run --silent ask -- --json <command> [query]`. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scratchCorpus, writeSource } from '../helpers/corpus.ts';

function ask(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ask --json', () => {
  it('prints one JSON object with command, query and results best first, each with quote and source', () => {
    const r = ask(['--json', 'who', 'McGurk']);
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout) as { command: string; query: string; results: Array<Record<string, unknown>> };
    expect(answer.command).toBe('who');
    expect(answer.query).toBe('McGurk');
    const first = answer.results[0] as { quote: string; source: Record<string, unknown> };
    expect(first.quote).toContain('McGurk');
    expect(Object.keys(first.source)).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'authors', 'published']));
  });

  it('puts the resolved event date on /when results', () => {
    const answer = JSON.parse(ask(['--json', 'when', 'Blinken', 'trip', 'to', 'seven', 'countries']).stdout) as {
      results: Array<{ date?: string }>;
    };
    expect(answer.results[0]?.date).toBe('2023-10-13');
  });

  it('with no command, answers one command per line from standard input, one JSON object per line', () => {
    const r = ask(['--json'], { input: '/who Sunak\n\n/terms ratio\nsearch Zoom\n/nonsense here\n' });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    const answers = lines.map((l) => JSON.parse(l) as { command: string; found: boolean });
    expect(answers.map((a) => a.command)).toEqual(['who', 'terms', 'search', 'nonsense']);
    expect(answers[3]?.found).toBe(false);
  });

  it('gives exactly one answer per \\n-ended line: \\r\\n ends a line too, a lone \\r is a space within it', () => {
    const r = ask(['--json'], { input: 'search Zoom\rcall\n/who Sunak\r\n/terms ratio\r\r\n' });
    const answers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { command: string; query: string });
    expect(answers.map((a) => [a.command, a.query])).toEqual([
      ['search', 'Zoom call'],
      ['who', 'Sunak'],
      ['terms', 'ratio'],
    ]);
  });

  it('answers text for people by default', () => {
    const r = ask(['search', 'communications', 'cell']);
    expect(r.stdout).toMatch(/^Search: communications cell/);
    expect(r.stdout).toContain('   > ');
    expect(r.stdout).toContain('The Associated Press · Colleen Long');
  });

  it('refuses to answer from a broken corpus, naming the file and field', () => {
    const dir = scratchCorpus();
    writeSource(dir, 'zz-broken', '---\nid: zz-broken\ntitle: 5\n---\nText.');
    const r = ask(['--json', 'who', 'McGurk'], { env: { CORPUS_DIR: dir } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/sources\/zz-broken\.md: field "/);
    expect(r.stdout).toBe('');
    rmSync(dir, { recursive: true });
  });

  it('survives hostile input: control characters, very long text, markup', () => {
    const r = ask(['--json'], { input: `/search \u0000\u0007<script>${'x'.repeat(7000)}\n/search **${'y'.repeat(5000)}**\n` });
    expect(r.status).toBe(0);
    const [tooLong, noWords] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { found: boolean; notes: string[] });
    expect(tooLong?.found).toBe(false);
    expect(tooLong?.notes[0]).toMatch(/at most 6,000 characters/);
    expect(noWords?.found).toBe(false);
    expect(noWords?.notes[0]).toMatch(/no words to search for/);
  });

  it('searches a line without a command, as typed', () => {
    const answer = JSON.parse(ask(['--json'], { input: 'what did Qatar do in the communications cell?\n' }).stdout) as {
      command: string;
      results: Array<{ quote: string }>;
    };
    expect(answer.command).toBe('search');
    expect(answer.results[0]?.quote).toContain('cell');
  });
});
