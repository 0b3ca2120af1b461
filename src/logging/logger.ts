/** Structured logs (pino, JSON lines on stderr) for the bot; the console transport does not log. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: { app: 'talks-bot' } }, destination);
}
