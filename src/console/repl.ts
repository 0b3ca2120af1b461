/**
 * The interactive console: the bot's commands typed at a prompt, answered from the bundled corpus, no Discord token
 * needed. It follows the corpus: an article added with `npm run ingest` in another terminal is answered from at once,
 * and a broken file is reported while the previous corpus keeps answering.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { COMMANDS } from '../../commands/index.ts';
import type { LiveKnowledge, ReloadResult } from '../serving/live-knowledge.ts';
import { wrapLine } from '../text/wrap.ts';
import { ConsoleSession, type Screen } from './console-session.ts';

/**
 * The line the console prints after a reload.
 *
 * @example
 * reloadNotice({ ok: true, unchanged: false, added: ['x'], changed: [], removed: [], sources: 6, passages: 120, ms: 640 })
 * // → '(corpus reloaded: added x — 6 sources, 120 passages, 640 ms)'
 */
export function reloadNotice(result: ReloadResult): string | null {
  if (!result.ok) return `(corpus change refused, still answering from the previous corpus: ${result.error})`;
  if (result.unchanged) return null;
  const parts = [
    result.added.length > 0 ? `added ${result.added.join(', ')}` : null,
    result.changed.length > 0 ? `changed ${result.changed.join(', ')}` : null,
    result.removed.length > 0 ? `removed ${result.removed.join(', ')}` : null,
  ].filter((p): p is string => p !== null);
  return `(corpus reloaded: ${parts.join('; ') || 'entities changed'} — ${result.sources} sources, ${result.passages} passages, ${result.ms} ms)`;
}

/**
 * What the terminal behind `output` shows, read at every answer so that a resized window is followed: its width and
 * height, and bold where it has colours (not when NO_COLOR is set or TERM is dumb). Output that is not a terminal (a
 * pipe, a file) gets plain, unwrapped text.
 */
export function screenOf(output: NodeJS.WritableStream): Screen {
  const tty = output as NodeJS.WriteStream;
  if (tty.isTTY !== true) return {};
  return {
    get width() {
      return tty.columns > 0 ? tty.columns : undefined;
    },
    get rows() {
      return tty.rows > 0 ? tty.rows : undefined;
    },
    get bold() {
      return tty.hasColors?.() ?? false;
    },
  };
}

/**
 * The console's prompt loop. `/timeline` (and `/when` across several dates) writes the timeline picture to
 * `pictureFile`, DATA_DIR/timeline.png by default, and says where.
 */
export async function runRepl(
  live: LiveKnowledge,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  watchOptions: { debounceMs?: number; pollMs?: number } = {},
  pictureFile: string = join(process.env.DATA_DIR ?? 'data', 'timeline.png'),
): Promise<void> {
  const screen = screenOf(output);
  const session = new ConsoleSession(live, COMMANDS, 'text', undefined, pictureFile, screen);
  const interactive = (input as NodeJS.ReadStream).isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive, crlfDelay: Infinity });
  const knowledge = live.current();
  const banner = [
    `talks-bot console — ${knowledge.corpus.sources.length} sources, ${knowledge.passages.length} passages.`,
    'Type /help, /who McGurk, /when Raanan release, /terms, /search communications cell; /more for the next page; /quit to leave.',
  ];
  output.write(`${banner.flatMap((line) => wrapLine(line, screen.width)).join('\n')}\n`);
  const stopWatching = live.watch({
    ...watchOptions,
    onReload: (result) => {
      const notice = reloadNotice(result);
      if (notice === null) return;
      output.write(`${notice}\n`);
      if (interactive) rl.prompt(true);
    },
  });
  rl.setPrompt('> ');
  if (interactive) rl.prompt();
  try {
    for await (const line of rl) {
      if (/^\/?(?:quit|exit)$/i.test(line.trim())) break;
      const out = session.respond(line);
      if (out !== '') output.write(`${out}\n\n`);
      if (interactive) rl.prompt();
    }
  } finally {
    stopWatching();
    rl.close();
  }
}
