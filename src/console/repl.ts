/**
 * The interactive console: the bot's commands typed at a prompt, answered from the bundled corpus, no Discord token
 * needed.
 */
import { createInterface } from 'node:readline';
import { COMMANDS } from '../../commands/index.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { ConsoleSession } from './console-session.ts';

export async function runRepl(knowledge: Knowledge, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const session = new ConsoleSession(knowledge, COMMANDS);
  const interactive = (input as NodeJS.ReadStream).isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive, crlfDelay: Infinity });
  output.write(
    `talks-bot console — ${knowledge.corpus.sources.length} sources, ${knowledge.passages.length} passages.\n` +
      `Type /help, /who McGurk, /when Raanan release, /terms, /search communications cell; /more for the next page; /quit to leave.\n`,
  );
  rl.setPrompt('> ');
  if (interactive) rl.prompt();
  for await (const line of rl) {
    if (/^\/?(?:quit|exit)$/i.test(line.trim())) break;
    const out = session.respond(line);
    if (out !== '') output.write(`${out}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
