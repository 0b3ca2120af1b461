/**
 * The console (`npm start` without a Discord token) serves the read-only pages too when WEB_PORT is set, so a
 * newcomer sees them without a Discord application: it says where they are once at start, and stops them when it
 * ends. A port it cannot use is said in one line, and the console answers without the pages.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../discord/bot-process.ts';
import { send } from '../http/signed-requests.ts';
import { startConsole } from '../../helpers/console-process.ts';

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
    expect(await c.quit()).toBe(0);
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
