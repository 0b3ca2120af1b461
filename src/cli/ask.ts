/**
 * `npm run --silent ask -- [--json] [--limit N] [--png FILE] <command> [query]`: one answer, for scripts.
 * With no command, reads one command per line from standard input and answers each in turn (one JSON object per
 * line with --json). `--png FILE` writes the timeline picture of an answer that has one (`timeline`, `when` across
 * several dates) to FILE; for an answer without one it says so and exits with status 1. A line ends at `\n` (or
 * `\r\n`) only: a lone `\r` is a space within the line, so every non-blank line gets exactly one answer (see
 * `inputLines`); a blank line gets none.
 */
import { COMMANDS } from '../../commands/index.ts';
import { ConsoleSession } from '../console/console-session.ts';
import { inputLines } from '../console/input-lines.ts';
import { openKnowledgeOrExit } from '../console/load-or-exit.ts';

async function main(argv: string[]): Promise<number> {
  let json = false;
  let limit = 5;
  let png: string | null = null;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--limit') limit = Math.max(1, Math.min(100, Number(argv[++i]) || 5));
    else if (a === '--png') png = argv[++i] ?? null;
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run --silent ask -- [--json] [--limit N] [--png FILE] <command> [query]   (no command: one per line on stdin)',
      );
      return 0;
    } else words.push(a);
  }
  const knowledge = openKnowledgeOrExit().current();
  const session = new ConsoleSession(knowledge, COMMANDS, json ? 'json' : 'text', limit, png);
  if (words.length > 0) {
    console.log(session.respond(words.join(' ')));
    if (png !== null && session.lastPicture === null) {
      console.error('talks-bot: this answer has no picture (only timeline, and when across several dates, have one); nothing written.');
      return 1;
    }
    if (json && session.lastPicture !== null) console.error(`timeline picture written to ${session.lastPicture}`);
    return 0;
  }
  let first = true;
  for await (const line of inputLines(process.stdin as AsyncIterable<Buffer>)) {
    const out = session.respond(line);
    if (out === '') continue;
    if (!json && !first) console.log('');
    console.log(out);
    first = false;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
