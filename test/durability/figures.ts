/**
 * The durability figures a person reads after `npm test` (kills, writes acknowledged and survived), kept as JSON
 * under the test-output folder and printed with its path.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Records the figures of one area in `<tmp>/talks-bot-test-output/durability/figures.json`, replacing that area's
 * previous figures, and prints where.
 *
 * @example
 * recordFigures('faq', { runs: 50, kills: 50, acknowledged: 812, survived: 812 });
 */
export function recordFigures(area: string, figures: Record<string, number>): void {
  const dir = join(tmpdir(), 'talks-bot-test-output', 'durability');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'figures.json');
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // first area of this run, or an unreadable file from an older run: start again
  }
  all[area] = { ...figures, at: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`durability figures: ${file}`);
}
