/**
 * `npm start` with PUBLIC_URL and WEB_PORT: the gateway bot serves its pages (with the timeline picture) on WEB_PORT,
 * links its quotes to PUBLIC_URL, and stops both on SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startBotProcess } from '../discord/bot-process.ts';
import { FakeDiscord, slashCommand } from '../discord/fake-discord.ts';
import { send } from '../http/signed-requests.ts';

describe('the bot process with its pages', () => {
  const fake = new FakeDiscord();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('serves /sources on WEB_PORT, links quotes to PUBLIC_URL, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const bot = startBotProcess(fake.apiUrl, { PUBLIC_URL: 'https://talks.example.org', WEB_PORT: String(port), WEB_HOST: '127.0.0.1' });
    await bot.waitForLog((log) => log.includes('connected to Discord'));
    expect(bot.log()).toContain(`quote pages listening on http://127.0.0.1:${port}`);
    const page = await send(`http://127.0.0.1:${port}/sources`, { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('How the hostage deal came about');
    // the timeline page shows the picture the bot renders, and the picture is a PNG 1,400 px wide
    expect((await send(`http://127.0.0.1:${port}/timeline`, { method: 'GET' })).text).toContain('<img src="/timeline.png"');
    const picture = await fetch(`http://127.0.0.1:${port}/timeline.png`);
    expect(picture.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await picture.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1400);
    const reply = await fake.interact(slashCommand('who', { name: 'McGurk' }));
    expect(reply.problems).toEqual([]);
    expect(JSON.stringify(reply.body)).toContain('"url":"https://talks.example.org/sources/ap-how-the-hostage-deal-came-about?q=');
    expect(await bot.stop()).toBe(0);
    await expect(send(`http://127.0.0.1:${port}/sources`, { method: 'GET' })).rejects.toThrow();
  }, 60_000);
});
