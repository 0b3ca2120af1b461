/**
 * The bot's settings from the environment (and `.env`, loaded by dotenv), validated by zod so that a missing or
 * malformed variable is named in one clear message at start-up.
 */
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const PORT_MESSAGE = 'must be a port number (1–65535)';
const portNumber = z
  .string()
  .regex(/^\d{1,5}$/, PORT_MESSAGE)
  .transform(Number)
  .pipe(z.number().min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE));

/**
 * True for an absolute http(s) URL with a host and nothing after the path (no query, no fragment): the base that
 * page paths are joined to.
 *
 * @example
 * isPublicBaseUrl('https://talks.example.org/bot') // → true
 * isPublicBaseUrl('talks.example.org') // → false
 */
export function isPublicBaseUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname !== '' &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === ''
  );
}

export const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: z.string().min(50, 'must be a bot token (Developer Portal → Bot → Reset Token)').regex(/^\S+$/, 'must not contain spaces'),
  DISCORD_APPLICATION_ID: snowflake,
  /** Register commands to one server while testing (instant), instead of globally. */
  DISCORD_GUILD_ID: snowflake.optional(),
  /** REST base URL, for a REST proxy or the tests' loopback fake; gateway URL then comes from its /gateway/bot. */
  DISCORD_API_URL: z.url().default('https://discord.com/api'),
  /**
   * The servers whose moderators may add and remove corpus articles from Discord (comma-separated ids). The corpus
   * is shared by every server the bot is in, so this is the operator's choice; default: DISCORD_GUILD_ID.
   */
  CORPUS_EDITOR_GUILDS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g !== ''),
    )
    .pipe(z.array(snowflake))
    .optional(),
  /** `npm run start:sharded`: how many gateway shards to run; default: as many as Discord recommends. */
  DISCORD_SHARDS: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(1000).optional(),
  /**
   * `true`: `/source-admin add` and followed feeds may fetch pages from this machine's loopback addresses (127.0.0.0/8,
   * ::1), which are refused otherwise. For the tests and local development only, never in production: it lets a
   * moderator make the bot read services listening on its own machine.
   */
  FETCH_ALLOW_LOOPBACK: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((v) => v === 'true'),
  /** Where the FAQ database lives (created on first start). */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * PostgreSQL (postgres://user:password@host:port/database) for the FAQ, the followed feeds and the corpus, shared by
   * every process that uses the same URL (docs/deploying.md, "Several machines"); unset: SQLite in DATA_DIR and the
   * corpus folder alone. Never logged: it may hold a password.
   */
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Start-up while Discord cannot be reached: the wait before the second attempt, doubled after each failure (with
   * jitter) up to DISCORD_RETRY_MAX_MS. Defaults 1 s and 60 s; tests shorten them.
   */
  DISCORD_RETRY_INITIAL_MS: z.coerce.number().int('must be a whole number of milliseconds').min(1, 'must be at least 1 ms').default(1_000),
  DISCORD_RETRY_MAX_MS: z.coerce.number().int('must be a whole number of milliseconds').min(1, 'must be at least 1 ms').default(60_000),
  /**
   * Where members reach the bot's read-only pages (every source, each quote in its article, the timeline), e.g.
   * https://talks.example.org. Set, each quote in an answer links to its passage there; unset, no pages, no links.
   */
  PUBLIC_URL: z
    .string()
    .trim()
    .refine(isPublicBaseUrl, 'must be an absolute http(s) URL without query or fragment, e.g. https://talks.example.org')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** Gateway mode: the port the pages are served on (PUBLIC_URL's proxy forwards here). HTTP mode serves them on PORT. */
  WEB_PORT: portNumber.optional(),
  /** The address the pages' server listens on in gateway mode: every interface by default, for a reverse proxy. */
  WEB_HOST: z.string().min(1).default('0.0.0.0'),
});

export type DiscordEnv = z.infer<typeof DiscordEnvSchema>;

/**
 * HTTP interactions mode (`npm run start:http`): Discord POSTs interactions to this process, signed with the
 * application's key, so the public key is required and the bot token is not (answers go back in the HTTP response
 * and through the interaction's own webhook token). The other settings are the gateway mode's.
 */
export const HttpEnvSchema = DiscordEnvSchema.extend({
  DISCORD_TOKEN: DiscordEnvSchema.shape.DISCORD_TOKEN.optional(),
  /** Developer Portal → General Information → Public Key. */
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(
      /^[0-9a-fA-F]{64}$/,
      "must be the application's public key: 64 hex characters (Developer Portal → General Information → Public Key)",
    ),
  PORT: portNumber.default(8080),
  /** The address to listen on: every interface by default, so a load balancer can reach it. */
  HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  /** The path set as the Interactions Endpoint URL's path in the Developer Portal. */
  INTERACTIONS_PATH: z
    .string()
    .regex(/^\/[^\s?#]*$/, 'must be a path starting with / (e.g. /interactions)')
    .default('/interactions'),
});

export type HttpEnv = z.infer<typeof HttpEnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** True when the environment asks for the Discord bot rather than the console. */
export function wantsDiscord(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISCORD_TOKEN && env.DISCORD_TOKEN.trim() !== '');
}

/**
 * The servers allowed to change the corpus: CORPUS_EDITOR_GUILDS, else DISCORD_GUILD_ID, else none (adding from
 * Discord is off).
 */
export function corpusEditorGuilds(env: Pick<DiscordEnv, 'CORPUS_EDITOR_GUILDS' | 'DISCORD_GUILD_ID'>): string[] {
  return env.CORPUS_EDITOR_GUILDS ?? (env.DISCORD_GUILD_ID ? [env.DISCORD_GUILD_ID] : []);
}

/**
 * @example
 * readDiscordEnv({ DISCORD_TOKEN: 'x' }) // throws ConfigError: DISCORD_TOKEN must be a bot token …; DISCORD_APPLICATION_ID …
 */
export function readDiscordEnv(env: NodeJS.ProcessEnv): DiscordEnv {
  const settings = readEnv(DiscordEnvSchema, env);
  // gateway mode has no server of its own: links to pages no one serves would be dead
  if (settings.PUBLIC_URL && settings.WEB_PORT === undefined)
    throw new ConfigError('invalid settings: WEB_PORT is missing: with PUBLIC_URL set, the quote pages need a port to be served on');
  return settings;
}

/**
 * The console's own settings (`npm start` without a token): the read-only pages on WEB_PORT, on this machine only
 * unless WEB_HOST says otherwise, so a newcomer sees them without a Discord application. PUBLIC_URL is read only to
 * say, when it is set without WEB_PORT, that no pages are served.
 */
export const ConsoleEnvSchema = z.object({
  PUBLIC_URL: DiscordEnvSchema.shape.PUBLIC_URL,
  WEB_PORT: DiscordEnvSchema.shape.WEB_PORT,
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
});

export type ConsoleEnv = z.infer<typeof ConsoleEnvSchema>;

/**
 * @example
 * readConsoleEnv({ WEB_PORT: '8081' }) // → { WEB_PORT: 8081, WEB_HOST: '127.0.0.1' }
 * readConsoleEnv({ WEB_PORT: 'eighty' }) // throws ConfigError: invalid settings: WEB_PORT …
 */
export function readConsoleEnv(env: NodeJS.ProcessEnv): ConsoleEnv {
  return readEnv(ConsoleEnvSchema, env);
}

/**
 * @example
 * readHttpEnv({ DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_PUBLIC_KEY: 'abc' })
 * // throws ConfigError: invalid settings: DISCORD_PUBLIC_KEY must be the application's public key: 64 hex characters …
 */
export function readHttpEnv(env: NodeJS.ProcessEnv): HttpEnv {
  return readEnv(HttpEnvSchema, env);
}

/** An empty variable counts as unset; every problem is named in one message. */
function readEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const empty = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(empty);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (i) => `${i.path.join('.')} ${i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined ? 'is missing' : i.message}`,
  );
  throw new ConfigError(`invalid settings: ${problems.join('; ')}`);
}
