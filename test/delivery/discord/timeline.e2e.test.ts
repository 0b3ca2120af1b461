/**
 * The timeline picture as a member gets it on Discord: the real discord.js client, logged in to the loopback fake,
 * answers `/timeline` with its quotes at once and then edits the reply to attach the PNG (a multipart upload whose
 * JSON part is checked against Discord's OpenAPI spec), shown in the embed as `attachment://timeline.png`. Page
 * buttons keep that attachment instead of uploading it again. The PNGs it receives are written to
 * `<tmpdir>/talks-bot-test-output/timeline/`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { DiscordEnvSchema } from '../../../src/config/env.ts';
import { type RunningBot, startBot } from '../../../src/delivery/discord/start-bot.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { APP_ID, buttonClick, FakeDiscord, fakeMessage, type RecordedRequest, slashCommand } from './fake-discord.ts';

const OUTPUT = join(tmpdir(), 'talks-bot-test-output', 'timeline');
const TOKEN = `fake.${'x'.repeat(64)}`;

interface Embed {
  title?: string;
  image?: { url: string };
  fields?: Array<{ name: string; value: string }>;
}
interface MessageBody {
  embeds?: Embed[];
  attachments?: Array<{ id: string; filename?: string }>;
  components?: Array<{ components: Array<{ label?: string; custom_id?: string }> }>;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(data.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('the timeline picture on Discord (loopback fake)', () => {
  const fake = new FakeDiscord();
  let bot: RunningBot;
  const logStream = new Writable({ write: (_chunk: Buffer, _enc, done) => done() });
  // the bot's FAQ database goes to a scratch folder, not the repository's data/
  const dataDir = mkdtempSync(join(tmpdir(), 'talks-timeline-e2e-'));

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    console.log(`timeline pictures received by the fake Discord: ${OUTPUT}`);
    await fake.start();
    const env = DiscordEnvSchema.parse({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
    });
    bot = await startBot({
      env,
      logger: createLogger('info', logStream),
      knowledge: fixedKnowledge(Promise.resolve(bundledKnowledge())),
      commands: COMMANDS,
      cooldownMs: 0,
    });
    if (!bot.client.isReady()) await new Promise((resolve) => bot.client.once(Events.ClientReady, resolve));
  });

  afterAll(async () => {
    await bot.stop();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    // whatever the bot sent had to be valid for Discord
    expect(fake.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
  });

  /** The edit of an interaction's reply that uploads the picture. */
  const pictureEdit = (token: unknown) =>
    fake.waitFor(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${String(token)}/messages/@original` && (r.uploads?.length ?? 0) > 0,
    );

  it('/timeline answers with its quotes at once, then attaches the PNG, shown in the embed', async () => {
    const interaction = slashCommand('timeline', {});
    const reply = await fake.interact(interaction);
    const first = (reply.body as { type: number; data: MessageBody }).data;
    expect((reply.body as { type: number }).type).toBe(4);
    expect(first.embeds?.[0]?.fields?.length).toBe(5);

    const edit: RecordedRequest = await pictureEdit(interaction.token);
    const body = edit.body as MessageBody;
    expect(edit.problems).toEqual([]);
    expect(body.attachments).toEqual([{ id: '0', filename: 'timeline.png' }]);
    expect(body.embeds?.[0]?.image?.url).toBe('attachment://timeline.png');
    // the edit keeps the answer: the same quotes and buttons
    expect(body.embeds?.[0]?.fields).toEqual(first.embeds?.[0]?.fields);
    expect(body.components).toEqual(first.components);
    const [upload] = edit.uploads ?? [];
    expect(upload?.name).toBe('timeline.png');
    const png = upload?.data ?? Buffer.alloc(0);
    expect(pngSize(png)).toEqual({ width: 1400, height: expect.any(Number) as number });
    expect(pngSize(png).height).toBeGreaterThan(800);
    writeFileSync(join(OUTPUT, 'discord-timeline.png'), png);
  });

  it('/when across several dates attaches the picture of those dates; /when on one date and /who attach nothing', async () => {
    const raanans = slashCommand('when', { event: 'Raanan release' });
    await fake.interact(raanans);
    const edit = await pictureEdit(raanans.token);
    expect((edit.body as MessageBody).embeds?.[0]?.title).toBe('When: Raanan release');
    const png = edit.uploads?.[0]?.data ?? Buffer.alloc(0);
    expect(pngSize(png).width).toBe(1400);
    writeFileSync(join(OUTPUT, 'discord-when-raanan-release.png'), png);

    const who = slashCommand('who', { name: 'McGurk' });
    await fake.interact(who);
    const blinken = slashCommand('when', { event: 'Blinken trip to seven countries' });
    await fake.interact(blinken);
    // a later interaction's reply has come back, so any edit of these two would have been recorded by now
    await fake.interact(slashCommand('help', {}));
    const edited = (token: unknown) => fake.requests.some((r) => r.method === 'PATCH' && r.path.includes(String(token)));
    expect(edited(who.token)).toBe(false);
    expect(fake.requests.filter((r) => r.path.includes(String(blinken.token)) && (r.uploads?.length ?? 0) > 0)).toEqual([]);
  });

  it('Next ▶ on a message with the picture keeps its attachment, uploading nothing', async () => {
    const interaction = slashCommand('timeline', {});
    await fake.interact(interaction);
    const edit = await pictureEdit(interaction.token);
    const shown = edit.body as MessageBody;
    const message = fakeMessage({
      author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true },
      embeds: shown.embeds,
      components: shown.components,
      flags: 64,
      attachments: [
        {
          id: '1200000000000000001',
          filename: 'timeline.png',
          size: edit.uploads?.[0]?.data.length ?? 0,
          url: 'https://cdn.example/timeline.png',
          proxy_url: 'https://cdn.example/timeline.png',
        },
      ],
    });
    const next = shown.components?.[0]?.components.find((b) => b.label === 'Next ▶')?.custom_id ?? '';
    const click = buttonClick(next, message);
    const update = await fake.interact(click);
    const data = (update.body as { type: number; data: MessageBody }).data;
    expect((update.body as { type: number }).type).toBe(7);
    expect(data.attachments).toEqual([{ id: '1200000000000000001' }]);
    expect(data.embeds?.[0]?.image?.url).toBe('attachment://timeline.png');
    expect(data.embeds?.[0]?.fields?.[0]?.name).toMatch(/^6\. /);
    expect(update.uploads ?? []).toEqual([]);
  });
});
