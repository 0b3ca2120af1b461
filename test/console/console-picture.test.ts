/**
 * The console's `/timeline`: the answer as text, the picture written to the picture file, and a line saying where;
 * the next page (`/more`) and an answer without a picture write nothing.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { ConsoleSession } from '../../src/console/console-session.ts';
import { runRepl } from '../../src/console/repl.ts';
import { LiveKnowledge } from '../../src/serving/live-knowledge.ts';
import { bundledKnowledge, scratchCorpus } from '../helpers/corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'talks-console-picture-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the timeline picture in the console', () => {
  it('/timeline writes the picture and says where; /more and /who do not', () => {
    const file = join(dir, 'session', 'timeline.png');
    const session = new ConsoleSession(bundledKnowledge(), COMMANDS, 'text', 5, file);
    const first = session.respond('/timeline');
    expect(first).toMatch(/^Timeline of the talks/);
    expect(first.endsWith(`(timeline picture written to ${file})`)).toBe(true);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    const written = statSync(file).mtimeMs;
    expect(session.respond('/more')).not.toContain('picture written');
    expect(session.respond('/who McGurk')).not.toContain('picture written');
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('the interactive console writes /timeline’s picture to the file it was given', async () => {
    const file = join(dir, 'repl', 'timeline.png');
    const [input, output] = [new PassThrough(), new PassThrough()];
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const corpus = scratchCorpus();
    const running = runRepl(LiveKnowledge.open(corpus), input, output, { pollMs: 60_000 }, file);
    input.end('/timeline\n/quit\n');
    await running;
    rmSync(corpus, { recursive: true, force: true });
    expect(text).toContain(`(timeline picture written to ${file})`);
    expect(readFileSync(file).readUInt32BE(16)).toBe(1400);
  });
});
