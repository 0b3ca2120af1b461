/** Starts faq-writer.ts as a separate process (another shard or machine) and counts its acknowledged writes. */
import { spawn } from 'node:child_process';

export interface WriterProcess {
  done: Promise<number | null>;
  acked: () => number;
  kill: () => void;
  stderr: () => string;
}

/**
 * @example
 * const w = startWriter({ DATA_DIR: dir }, 'shard-a', 150, G1); expect(await w.done).toBe(0);
 */
export function startWriter(storeEnv: Record<string, string>, tag: string, count: number, guild: string): WriterProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/faq/faq-writer.ts'], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...storeEnv, TAG: tag, COUNT: String(count), GUILD: guild },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let acked = 0;
  let stderr = '';
  child.stdout.on(
    'data',
    (d: Buffer) =>
      (acked += d
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('ack')).length),
  );
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    done: new Promise((resolve) => child.on('exit', resolve)),
    acked: () => acked,
    kill: () => child.kill('SIGKILL'),
    stderr: () => stderr,
  };
}
