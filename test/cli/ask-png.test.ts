/**
 * `npm run --silent ask -- --png FILE timeline`: the timeline picture written where asked, a valid PNG; an answer
 * without a picture writes nothing and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'talks-ask-png-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ask(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ask --png', () => {
  it('writes the timeline picture to the file and says where, after the text answer', () => {
    const file = join(dir, 'timeline.png');
    const r = ask(['--png', file, 'timeline']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Timeline of the talks/);
    expect(r.stdout).toContain(`(timeline picture written to ${file})`);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1400);
  });

  it('with --json, keeps standard output one JSON object and says on standard error where the picture went', () => {
    const file = join(dir, 'when.png');
    const r = ask(['--json', '--png', file, 'when', 'Raanan', 'release']);
    expect((JSON.parse(r.stdout) as { command: string }).command).toBe('when');
    expect(r.stderr).toContain(`timeline picture written to ${file}`);
    expect(existsSync(file)).toBe(true);
  });

  it('writes nothing for an answer without a picture, and says so', () => {
    const file = join(dir, 'who.png');
    const r = ask(['--png', file, 'who', 'McGurk']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Who is Brett McGurk\?/);
    expect(r.stderr).toMatch(/this answer has no picture/);
    expect(existsSync(file)).toBe(false);
  });
});
