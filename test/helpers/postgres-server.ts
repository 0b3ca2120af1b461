/**
 * A real PostgreSQL server for the tests, started on loopback and thrown away after: initdb into a temporary
 * directory, pg_ctl start on a free 127.0.0.1 port with its unix socket inside that directory, stop and delete at the
 * end. PostgreSQL refuses to run as root, and the tests (and CI) run as root, so as root every server command runs as
 * the `postgres` system user (created by Debian's postgresql package) through `runuser`, in a directory it owns.
 * Password authentication (scram-sha-256) is on, so the store is tested with a URL that carries a password.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
export const PG_PASSWORD = 'test-pw-7f3a9c';

/** The directory holding pg_ctl: PG_BIN, else the newest Debian /usr/lib/postgresql/<n>/bin, else PATH; null if none. */
export function postgresBinDir(): string | null {
  const candidates = [process.env.PG_BIN ?? ''];
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter));
  return candidates.find((dir) => dir !== '' && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb'))) ?? null;
}

/** True when the tests run in CI, where the PostgreSQL tests must run, never be skipped. */
export const inCi = (): boolean => Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/**
 * The PostgreSQL binaries for a test file, or null to skip it: in CI a missing server throws (the file fails, loudly);
 * elsewhere it is skipped with a message that says what to install.
 *
 * @example
 * const binDir = postgresForTests('the PostgreSQL FAQ store tests');
 * describe.skipIf(!binDir)('PostgreSQL', () => { … });
 */
export function postgresForTests(what: string): string | null {
  const binDir = postgresBinDir();
  if (!binDir && inCi()) {
    throw new Error(
      `CI: no PostgreSQL server (pg_ctl) on this machine, so ${what} cannot run. .ci/run installs it (apt-get install postgresql); these tests are never skipped in CI.`,
    );
  }
  if (!binDir)
    console.warn(`SKIPPED: ${what} — no PostgreSQL server found (install postgresql, or set PG_BIN to the directory with pg_ctl).`);
  return binDir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface PostgresServer {
  /** A URL (with the password) for `database` on this server. */
  url(database: string): string;
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * @example
 * const server = await startPostgres(postgresBinDir()!);
 * const url = await server.createDatabase(); // postgres://postgres:…@127.0.0.1:PORT/faq_1
 * await server.stop();
 */
export async function startPostgres(binDir: string): Promise<PostgresServer> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'talks-pg-'));
  const command = (tool: string, args: string[]) =>
    (asRoot ? ['runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args]] : [join(binDir, tool), args]) as [string, string[]];
  if (asRoot) {
    let ids: number[];
    try {
      ids = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    } catch {
      throw new Error(
        'PostgreSQL refuses to run as root, and there is no "postgres" user to run it as: install the postgresql package (it creates that user).',
      );
    }
    chownSync(dir, ids[0] ?? 0, ids[1] ?? 0);
  }
  chmodSync(dir, 0o700);
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PG_PASSWORD}\n`);
  if (asRoot) execFileSync('chown', ['postgres:', pwfile]);
  const data = join(dir, 'data');
  await run(
    ...command('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]),
  );
  const port = await freePort();
  // fsync off: a test server is thrown away, never recovered after a power cut
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`;
  await run(...command('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']));
  const stopNow = () => {
    spawnSync(...command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']));
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow); // a test run that fails on its way out leaves no server and no directory behind
  const url = (database: string) => `postgres://postgres:${PG_PASSWORD}@127.0.0.1:${port}/${database}`;
  let made = 0;
  return {
    url,
    async createDatabase() {
      const name = `faq_${++made}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      process.removeListener('exit', stopNow);
      await run(...command('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
