/**
 * `npm run load:http [-- --rate 1000 --seconds 30 --warm-up 5 --json out.json]`: the HTTP endpoint under a steady
 * loopback load, as the issue on hardening asks — the real `npm run start:http` process (its own corpus, FAQ in a
 * temporary DATA_DIR, webhook edits to a loopback sink standing in for Discord), fed `--rate` signed interactions a
 * second for `--seconds` in the mix a busy server sends (interaction-mix.ts: autocomplete, every quote command,
 * "Find sources", page buttons, PINGs) from thousands of members. Latency is counted from when each request was due
 * (open loop). The server's resident memory is sampled every second from /proc. Prints sustained rate, p50/p99 per
 * kind, errors, and RSS after warm-up, at the end and after 5 s idle; exits 1 on any error or an error line in the
 * server's log.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchQueries } from './bench-queries.ts';
import { interactionMix, type PageButton, pageButtonsIn, rightAnswer } from './interaction-mix.ts';
import { ms, table } from './latency.ts';
import { runOpenLoop } from './open-loop.ts';
import { growthPerMinute, residentMb } from './process-memory.ts';
import { openKnowledgeOrExit } from '../../src/console/load-or-exit.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '30' },
    'warm-up': { type: 'string', default: '5' },
    members: { type: 'string', default: '6000' },
    json: { type: 'string', default: join(tmpdir(), 'load-http-results.json') },
  },
});
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const WARM_UP = Number(values['warm-up']);
const say = (line: string) => console.log(`load-http: ${line}`);

/** Discord's webhook routes (edits of a deferred answer, follow-ups), answered on loopback and counted. */
async function webhookSink(): Promise<{ server: Server; url: string; calls: () => number }> {
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    req.resume();
    req.on('end', () => {
      if (req.method === 'DELETE') return void res.writeHead(204).end();
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"id":"1","channel_id":"333333333333333333","content":"","embeds":[],"attachments":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, calls: () => calls };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
const sink = await webhookSink();
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'talks-load-data-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start-http.ts'], {
  env: {
    ...process.env,
    DISCORD_TOKEN: '',
    DATABASE_URL: '',
    DISCORD_APPLICATION_ID: '111111111111111111',
    DISCORD_PUBLIC_KEY: publicKeyHex,
    PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    DISCORD_API_URL: sink.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'pipe'],
});
let serverLog = '';
child.stderr.on('data', (d: Buffer) => (serverLog += d.toString()));
const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
const stopServer = async () => {
  child.kill('SIGTERM');
  const code = await exited;
  sink.server.close();
  rmSync(dataDir, { recursive: true, force: true });
  return code;
};

const base = `http://127.0.0.1:${port}`;
const url = `${base}/interactions`;
const deadline = Date.now() + 120_000;
say(`starting the endpoint (npm run start:http, pid ${child.pid}) on ${base}`);
for (;;) {
  const ready = await fetch(`${base}/healthz`).then(
    (r) => r.ok && r.json().then((h) => (h as { corpus?: string }).corpus === 'ready'),
    () => false,
  );
  if (ready) break;
  if (child.exitCode !== null || Date.now() > deadline) {
    console.error(`load-http: the endpoint did not start:\n${serverLog}`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}

const knowledge = openKnowledgeOrExit(undefined, () => {}).current();
const queries = benchQueries(
  { entities: knowledge.corpus.entities, texts: knowledge.passages.map((p) => p.text) },
  { count: 500, seed: 1 },
);
const members = Number(values.members);

say(`warm-up: ${WARM_UP} s at ${RATE}/s (also collects page buttons to click)`);
const buttons: PageButton[] = [];
const warmMix = interactionMix(privateKey, queries, { size: Math.max(1, RATE * WARM_UP), members, buttons: [], seed: 3 });
const warm = await runOpenLoop({
  url,
  rate: RATE,
  seconds: WARM_UP,
  next: (n) => warmMix[n % warmMix.length]!,
  check: rightAnswer,
  onAnswer: (_kind, body) => buttons.length < 500 && buttons.push(...pageButtonsIn(body)),
});
say(`warm-up: ${warm.completed} answered, ${warm.errors} errors, ${buttons.length} page buttons collected`);

const pid = child.pid as number;
const rssAfterWarmUp = residentMb(pid);
const mix = interactionMix(privateKey, queries, { size: Math.round(RATE * SECONDS), members, buttons, seed: 11 });
const samples: Array<[number, number]> = [];
const runStarted = performance.now();
const sampler = setInterval(() => {
  const rss = residentMb(pid);
  if (rss !== null) samples.push([(performance.now() - runStarted) / 1000, rss]);
}, 1000);
say(`run: ${SECONDS} s at ${RATE}/s, ${mix.length} signed interactions from ${members} members`);
const report = await runOpenLoop({
  url,
  rate: RATE,
  seconds: SECONDS,
  next: (n) => mix[n]!,
  check: rightAnswer,
  onSecond: (second, completed) => second > 0 && second % 10 === 0 && say(`  ${second} s: ${completed} answered`),
});
clearInterval(sampler);
const rssAtEnd = residentMb(pid);
await new Promise((r) => setTimeout(r, 5000));
const rssIdle = residentMb(pid);
const errorLines = serverLog.split('\n').filter((line) => /"level":(50|60)/.test(line));
const exitCode = await stopServer();

const secondHalf = samples.filter(([t]) => t >= SECONDS / 2);
const memory = {
  rssAfterWarmUpMb: rssAfterWarmUp,
  rssAtEndMb: rssAtEnd,
  rssAfterIdleMb: rssIdle,
  rssMaxMb: samples.length ? Math.max(...samples.map(([, mb]) => mb)) : null,
  growthMbPerMinuteSecondHalf: growthPerMinute(secondHalf),
};
const mb = (x: number | null) => (x === null ? 'n/a' : x.toFixed(0));
console.log(
  table([
    ['kind', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms'],
    ...Object.entries(report.byKind)
      .sort(([, a], [, b]) => b.requests - a.requests)
      .map(([kind, k]) => [kind, String(k.requests), String(k.errors), ms(k.latency.p50), ms(k.latency.p99), ms(k.latency.max)]),
    ['all', String(report.requests), String(report.errors), ms(report.latency.p50), ms(report.latency.p99), ms(report.latency.max)],
  ]),
);
say(
  `sustained ${report.sustainedPerSecond.toFixed(0)} answers/s over ${report.seconds.toFixed(1)} s (per-second windows ${report.perSecondRange.min}–${report.perSecondRange.max}); errors ${report.errors}${report.errors ? ` ${JSON.stringify(report.errorKinds)}` : ''}`,
);
say(
  `server RSS: ${mb(rssAfterWarmUp)} MB after warm-up, ${mb(rssAtEnd)} MB at the end (max ${mb(memory.rssMaxMb)}), ${mb(rssIdle)} MB after 5 s idle; second-half growth ${memory.growthMbPerMinuteSecondHalf.toFixed(1)} MB/min`,
);
say(
  `webhook calls (deferred answers' edits) ${sink.calls()}; server error log lines ${errorLines.length}; server exit code on SIGTERM ${exitCode}`,
);
writeFileSync(
  values.json,
  `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, passages: knowledge.passages.length, rate: RATE, seconds: SECONDS, members, warmUp: warm, report, memory, rssSamples: samples, webhookCalls: sink.calls(), serverErrorLines: errorLines.slice(0, 20) }, null, 2)}\n`,
);
say(`figures in ${values.json}`);
if (report.errors > 0 || errorLines.length > 0 || exitCode !== 0) process.exitCode = 1;
