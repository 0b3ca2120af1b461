/**
 * Several machines, one corpus: two HTTP-mode processes (the entry point `npm run start:http` runs, from source
 * through tsx so that this test does not race the build test over dist/), each with its own corpus folder and data
 * folder, on one real PostgreSQL the test starts. A moderator's preview is made through one process and added through
 * the other (the preview waits in the database), and the first then answers from the article within 2 s of the add.
 * Every payload sent to the loopback fake Discord validates against Discord's spec.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_PASSWORD, type PostgresServer, postgresForTests, startPostgres } from '../../helpers/postgres-server.ts';
import { scratchCorpus } from '../../helpers/corpus.ts';
import { freePort } from '../discord/bot-process.ts';
import { APP_ID, buttonClick, FakeDiscord, faqCommand, fakeMessage, GUILD_ID, slashCommand } from '../discord/fake-discord.ts';
import { callbackProblems } from './endpoint.ts';
import { makeKeyPair, postSigned } from './signed-requests.ts';

const binDir = postgresForTests('the two HTTP processes sharing a corpus');
const MOD = { userId: '600000000000000006', permissions: '8192' }; // Manage Messages

/** A saved page in the tests' own words, with a word ("sandbar") no bundled source has. */
const PAGE = `<!doctype html><html><head><title>Sandbar talks | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger">
<meta property="og:title" content="Mediators open sandbar talks on a hostage exchange">
<meta property="article:published_time" content="2025-02-20T08:30:00+00:00">
</head><body><article>
<h1>Mediators open sandbar talks on a hostage exchange</h1>
<p>Qatari and Egyptian mediators opened a new round of sandbar talks on Thursday on an exchange of hostages and prisoners, two officials said.</p>
<p>The officials said the first stage would free the oldest hostages within a week if both sides accepted the final list.</p>
</article></body></html>`;

interface BotProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

describe.skipIf(!binDir)('two HTTP-mode processes on one PostgreSQL', () => {
  const discord = new FakeDiscord();
  const keys = makeKeyPair();
  const started: BotProcess[] = [];
  let server: PostgresServer;

  beforeAll(async () => {
    [server] = await Promise.all([startPostgres(binDir ?? ''), discord.start()]);
  }, 60_000);
  afterAll(async () => {
    for (const bot of started) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await Promise.all([server?.stop(), discord.stop()]);
  });

  async function startProcess(databaseUrl: string): Promise<BotProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start-http.ts'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: '',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        DISCORD_API_URL: discord.apiUrl,
        PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATABASE_URL: databaseUrl,
        CORPUS_DIR: scratchCorpus(),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'talks-http-data-')),
        CORPUS_EDITOR_GUILDS: GUILD_ID,
        FETCH_ALLOW_LOOPBACK: 'true', // the attachment is served by the loopback fake
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const bot = {
      child,
      url: `http://127.0.0.1:${port}/interactions`,
      output: () => output,
      exited: new Promise<number | null>((resolve) => child.on('exit', resolve)),
    };
    started.push(bot);
    const deadline = Date.now() + 60_000;
    while (!output.includes('HTTP interactions endpoint listening') && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain('HTTP interactions endpoint listening');
    return bot;
  }

  /** The deferred reply's edit for an interaction sent to `bot`. */
  async function answerOf(bot: BotProcess, interaction: Record<string, unknown>) {
    const edit = discord.waitFor(
      (r) => r.method === 'PATCH' && r.path.includes(`/webhooks/${APP_ID}/${String(interaction.token)}/messages/@original`),
    );
    const reply = await postSigned(bot.url, keys.privateKey, interaction);
    expect(reply.status).toBe(200);
    expect(callbackProblems(JSON.parse(reply.text))).toEqual([]);
    expect([5, 6]).toContain((JSON.parse(reply.text) as { type: number }).type);
    return (await edit).body as {
      content?: string;
      embeds?: unknown[];
      components?: Array<{ components: Array<{ label?: string; custom_id?: string }> }>;
    };
  }

  it('an article previewed through one process and added through the other is answered by the first within 2 s', async () => {
    const url = await server.createDatabase();
    // started together: both take the bundled corpus into the new database, one at a time, without duplicates
    const [a, b] = await Promise.all([startProcess(url), startProcess(url)]);

    const file = discord.upload('sandbar.html', PAGE, 'text/html');
    const attachment = String(file.id);
    const preview = await answerOf(
      a,
      faqCommand(
        'source-admin',
        'add',
        { file: attachment },
        { ...MOD, types: { file: 11 }, resolved: { attachments: { [attachment]: file } } },
      ),
    );
    const addId = preview.components?.flatMap((row) => row.components).find((c) => c.label === 'Add')?.custom_id ?? '';
    expect(addId).not.toBe('');

    // the Add button is taken by the other process: the preview waited in the database
    const click = buttonClick(
      addId,
      fakeMessage({ author: { id: APP_ID, username: 'talks-bot', discriminator: '0', bot: true }, ...preview, flags: 64 }),
      MOD.userId,
    );
    (click.member as Record<string, unknown>).permissions = MOD.permissions;
    const added = await answerOf(b, click);
    const addedAt = Date.now();
    expect(added.content).toMatch(/^Added `2025-02-20-mediators-open-sandbar-talks-on-a-hostage` to the corpus\./);

    // the first process answers from it within 2 s of the add (each question from a new member: no cooldown)
    let answer = '';
    let member = 800000000000000000n;
    while (Date.now() - addedAt < 5_000) {
      const reply = await postSigned(a.url, keys.privateKey, slashCommand('search', { text: 'sandbar talks' }, String(++member)));
      answer = reply.text;
      if (answer.includes('sandbar talks on Thursday')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const waited = Date.now() - addedAt;
    expect(answer).toContain('sandbar talks on Thursday');
    expect(waited).toBeLessThan(2_000);
    console.log(`the other process answered from the new article ${waited} ms after the add`);

    expect(discord.requests.flatMap((r) => r.problems.map((p) => `${r.method} ${r.path}: ${p}`))).toEqual([]);
    for (const bot of [a, b]) {
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.output()).toContain('the corpus folder is a copy of the shared corpus in the database');
      expect(bot.output()).not.toContain(PG_PASSWORD);
    }
  }, 120_000);

  it('npm run corpus -- import and export move a corpus between a folder and the database, and say what went wrong', async () => {
    const url = await server.createDatabase();
    const run = (args: string[], env: Record<string, string> = { DATABASE_URL: url }) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/shared-corpus.ts', ...args], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
    const imported = run(['import', scratchCorpus()]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^imported 5 source\(s\) from .* into PostgreSQL database "faq_\d+" on 127\.0\.0\.1:\d+: ap-how-/);
    const out = join(mkdtempSync(join(tmpdir(), 'talks-export-')), 'corpus');
    const exported = run(['export', out]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^exported 5 source\(s\), 0 removed text\(s\) and 5 change\(s\) from PostgreSQL database/);
    expect(readdirSync(join(out, 'sources')).sort()).toEqual(readdirSync(join('corpus', 'sources')).sort());
    const again = run(['export', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is not empty: export into a new folder');
    const noCorpus = run(['import', mkdtempSync(join(tmpdir(), 'talks-nothing-'))]);
    expect(noCorpus.status).toBe(1);
    expect(noCorpus.stderr).toMatch(/has no sources\/ folder/);
    expect(run(['import']).status).toBe(2);
    const noDatabase = run(['export', out], { DATABASE_URL: '' });
    expect(noDatabase.status).toBe(1);
    expect(noDatabase.stderr).toContain('DATABASE_URL is not set');
    for (const r of [imported, exported, again]) expect(`${r.stdout}${r.stderr}`).not.toContain(PG_PASSWORD);
  }, 60_000);
});
