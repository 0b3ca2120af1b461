/**
 * Listens for PostgreSQL notifications (LISTEN/NOTIFY) on one connection of its own, and keeps listening: a
 * connection that drops (the server restarts, the network fails, an operator ends it) is opened again after a pause
 * that doubles up to 30 s. A notification sent while no connection listened is lost, so `heard` is also called after
 * every (re)connection: the listener's user catches up then with a read of what changed. Messages never hold the URL.
 *
 * @example
 * const stop = listenForNotifications(process.env.DATABASE_URL, 'talks_corpus', { heard: () => catchUp(), trouble: log });
 * await stop();
 */
import pg from 'pg';
import { databaseLocation, secretScrubber } from './database-url.ts';

/** The first pause before reconnecting, and the longest. */
const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 30_000;

export interface ListenOptions {
  /** Called after each (re)connection, once listening, and for each notification on the channel. */
  heard: () => void;
  /** Told when the connection fails or drops, in words without secrets. */
  trouble?: (message: string) => void;
}

/** Starts listening on `channel` (a plain identifier); returns a function that stops. */
export function listenForNotifications(databaseUrl: string, channel: string, options: ListenOptions): () => Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`"${channel}" is not a plain channel name`);
  const scrub = secretScrubber(databaseUrl);
  const where = databaseLocation(databaseUrl) ?? 'the database';
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let pause = FIRST_PAUSE_MS;

  const again = (why: string) => {
    if (stopped || timer) return;
    options.trouble?.(`listening for corpus changes on ${where} stopped (${scrub(why)}); trying again in ${pause} ms`);
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, pause);
    timer.unref();
    pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: 'talks-bot listener', connectionTimeoutMillis: 10_000 });
    client = next;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      void next.end().catch(() => undefined);
      again(error.message);
    };
    next.on('error', fail);
    next.on('end', () => fail(new Error('the connection ended')));
    next.on('notification', (message) => {
      if (message.channel === channel && !stopped) options.heard();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (stopped) return;
      pause = FIRST_PAUSE_MS;
      options.heard(); // what was committed while nobody listened
    } catch (error) {
      fail(error as Error);
    }
  };

  void connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}
