/**
 * `npm run --silent ask -- [--json] [--limit N] <command> [query]`: one answer, for scripts.
 * With no command, reads one command per line from standard input and answers each in turn (one JSON object per
 * line with --json).
 */
import { createInterface } from 'node:readline';
import { COMMANDS } from '../../commands/index.ts';
import { ConsoleSession } from '../console/console-session.ts';
import { openKnowledgeOrExit } from '../console/load-or-exit.ts';

async function main(argv: string[]): Promise<number> {
  let json = false;
  let limit = 5;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--limit') limit = Math.max(1, Math.min(100, Number(argv[++i]) || 5));
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run --silent ask -- [--json] [--limit N] <command> [query]   (no command: one per line on stdin)');
      return 0;
    } else words.push(a);
  }
  const knowledge = openKnowledgeOrExit().current();
  const session = new ConsoleSession(knowledge, COMMANDS, json ? 'json' : 'text', limit);
  if (words.length > 0) {
    console.log(session.respond(words.join(' ')));
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    const out = session.respond(line);
    if (out === '') continue;
    if (!json && !first) console.log('');
    console.log(out);
    first = false;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
