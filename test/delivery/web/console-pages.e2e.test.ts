/**
 * The console (`npm start` without a Discord token) serves the read-only pages too when WEB_PORT is set, so a
 * newcomer sees them without a Discord application: it says where they are once at start, and stops them when it
 * ends. A port it cannot use is said in one line, and the console answers without the pages.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../discord/bot-process.ts';
import { send } from '../http/signed-requests.ts';

/** The console as a person starts it, with these settings; what it prints, and a way to type into it. */
function startConsole(env: Record<string, string>) {
  const { DISCORD_TOKEN: _none, DATABASE_URL: _db, PUBLIC_URL: _url, WEB_PORT: _port, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...inherited, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, which: () => string) => {
    for (let i = 0; i < 600 && !pattern.test(which()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(which()).toMatch(pattern);
  };
  return { child, exited, out: () => out, err: () => err, waitFor };
}

describe('the console with WEB_PORT', () => {
  it('serves the pages, says where once, and stops them when /quit ends it', async () => {
    const port = await freePort();
    const c = startConsole({ WEB_PORT: String(port), WEB_HOST: '127.0.0.1' });
    await c.waitFor(new RegExp(`the pages are at http://127\\.0\\.0\\.1:${port}/`), c.err);
    expect(c.err().match(/the pages are at/g)).toHaveLength(1);
    const page = await send(`http://127.0.0.1:${port}/sources`, { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('How the hostage deal came about');
    c.child.stdin.write('/who McGurk\n');
    await c.waitFor(/Brett McGurk/, c.out);
    // the line ends the console, pages and all; the input stays open, as a terminal's does
    c.child.stdin.write('/quit\n');
    const code = await Promise.race([c.exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000))]);
    if (code === 'still running') c.child.kill('SIGKILL');
    expect(code).toBe(0);
    await expect(send(`http://127.0.0.1:${port}/sources`, { method: 'GET' })).rejects.toThrow();
  }, 60_000);

  it('says in one line when the port is taken, and answers without the pages', async () => {
    const taken = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)),
    );
    try {
      const c = startConsole({ WEB_PORT: String(port), WEB_HOST: '127.0.0.1' });
      await c.waitFor(new RegExp(`the pages cannot be served on 127\\.0\\.0\\.1:${port}`), c.err);
      c.child.stdin.end('/who McGurk\n');
      await c.waitFor(/Brett McGurk/, c.out);
      expect(await c.exited).toBe(0);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('refuses a WEB_PORT that is not a port, naming it', async () => {
    const c = startConsole({ WEB_PORT: 'eighty' });
    c.child.stdin.end();
    expect(await c.exited).toBe(1);
    expect(c.err()).toMatch(/WEB_PORT/);
  }, 60_000);
});
