/**
 * Child processes that write and are killed with SIGKILL at a random moment, for the durability tests. A child prints
 * one JSON line per acknowledged write ("ack" lines: the write returned, so a user would have been told it is done);
 * the parent collects the complete lines it received before the kill and then checks that every one survived.
 *
 * The child script is bundled once per test file (esbuild, our sources only; packages stay in node_modules), so each
 * of the dozens of runs starts in a fraction of a second instead of compiling TypeScript again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Keeps `import.meta.dirname` meaning each source file's own folder (the knowledge cache hashes src/ from there). */
const ownDirname: Plugin = {
  name: 'own-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))),
      loader: 'ts',
    }));
  },
};

/**
 * Bundles `entry` (a TypeScript file of this repository) into a temporary folder that sees the repository's
 * node_modules, and returns the bundle's path.
 *
 * @example
 * const script = await bundleChild('test/durability/faq-writer-child.ts');
 */
export async function bundleChild(entry: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'talks-durability-child-'));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  const outfile = join(dir, 'child.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
    target: 'node20',
    plugins: [ownDirname],
  });
  return outfile;
}

/** What one killed run left: the acknowledgements received, and how the child ended. */
export interface KilledRun {
  acks: Array<Record<string, unknown>>;
  /** True when the child was killed (false: it finished or failed before the moment came). */
  killed: boolean;
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs `script` with `env` and kills it with SIGKILL once it has acknowledged `afterAcks` writes and a further
 * `delayMs` have passed (so the kill lands anywhere in a write: before, inside or after its commit). Resolves when
 * the child is gone. An acknowledgement is a JSON line unless `ackOf` reads the child's output otherwise.
 *
 * @example
 * const run = await runUntilKilled(script, { DATA_DIR: dir }, { afterAcks: 7, delayMs: 3 });
 * run.acks // → [{ op: 'add', id: 1, revision: 1, … }, …]
 */
export function runUntilKilled(
  script: string,
  env: Record<string, string>,
  moment: { afterAcks: number; delayMs: number },
  options: { args?: string[]; ackOf?: (line: string) => Record<string, unknown> | null; limitMs?: number } = {},
): Promise<KilledRun> {
  const ackOf = options.ackOf ?? ((line: string) => (line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : null));
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Array<Record<string, unknown>> = [];
  let partial = '';
  let stderr = '';
  let killed = false;
  const kill = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killed = child.kill('SIGKILL');
  };
  let armed = false;
  const arm = () => {
    if (armed) return;
    armed = true;
    if (moment.delayMs <= 0) kill();
    else setTimeout(kill, moment.delayMs);
  };
  if (moment.afterAcks === 0) arm();
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const ack = ackOf(line);
      if (ack === null) continue;
      acks.push(ack);
      if (acks.length >= moment.afterAcks) arm();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const limit = setTimeout(kill, options.limitMs ?? 30_000);
  return new Promise((resolvePromise) =>
    child.on('close', (code) => {
      clearTimeout(limit);
      resolvePromise({ acks, killed, exitCode: code, stderr });
    }),
  );
}
