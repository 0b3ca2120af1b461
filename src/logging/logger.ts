/**
 * Structured logs (pino, JSON lines on stderr) for the bot; the console transport does not log. No line carries a
 * secret: the bot token, DATABASE_URL and its password are replaced with `[redacted]` wherever they appear in the
 * finished line (message, error message and stack, any nested field), fields that name them are redacted by path,
 * and interaction tokens are cut out of the routes Discord's errors quote (see `serializeError`).
 */
import { pino, type Logger } from 'pino';
import { serializeError } from './serialize-error.ts';
import { secretScrubberFor, secretsOf, withoutInteractionTokens } from './redact-secrets.ts';

export type { Logger };

export interface LoggerOptions {
  /** The values never to write; default: those in `process.env` (DISCORD_TOKEN, DATABASE_URL and its password). */
  secrets?: readonly string[];
}

/** Fields that hold a secret or an interaction token by name, wherever a caller puts them. */
const SECRET_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
];

/**
 * @example
 * const logger = createLogger('info'); // secrets read from process.env
 * logger.error({ err }, 'login failed'); // the token in err.message comes out as [redacted]
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr, options: LoggerOptions = {}): Logger {
  const scrub = secretScrubberFor(options.secrets ?? secretsOf(process.env));
  return pino(
    {
      level,
      base: { app: 'talks-bot' },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      hooks: { streamWrite: (line) => withoutInteractionTokens(scrub(line)) },
    },
    destination,
  );
}
