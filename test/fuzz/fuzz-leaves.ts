/**
 * One property test per command and subcommand of the catalog, and one per option with autocomplete, for the
 * commands a test file picks: each drives hostile interactions into the bot and checks what members would see.
 * The inputs per test come from `runs` (by the test's area name), so a slow command gets fewer and the total stays
 * over the figure.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { registrationCatalog } from '../../src/interactions/catalog.ts';
import { FuzzBot } from './fuzz-bot.ts';
import { fuzz } from './fuzz-report.ts';
import { autocompleteOn, type LeafAt, leavesOf, slashOn } from './interactions.ts';

export const TIMEOUT = 150_000;

/** Every command and subcommand the bot declares (the declarations alone: nothing answers from this catalog). */
export const LEAVES = leavesOf(registrationCatalog(COMMANDS));

/**
 * Declares the tests for the leaves `pick` chooses, against a bot started before them; returns that bot.
 *
 * @example
 * const bot = fuzzLeaves('faq', (at) => at.command.startsWith('faq'), (area) => 2500);
 */
export function fuzzLeaves(name: string, pick: (at: LeafAt) => boolean, runs: (area: string) => number): { bot: () => FuzzBot } {
  let bot: FuzzBot;
  beforeAll(async () => {
    bot = await FuzzBot.start();
  });
  afterAll(() => bot.close(name));
  const leaves = LEAVES.filter(pick);

  describe('every command and subcommand, with hostile options', () => {
    for (const at of leaves) {
      it(`${at.label}: nothing escapes, nothing pings, the bot's own words, the same answer twice`, { timeout: TIMEOUT }, async () => {
        await fuzz(at.label, slashOn(at), runs(at.label), (interaction) => bot.check(interaction));
      });
    }
  });

  describe('autocomplete on every option that has it', () => {
    for (const at of leaves) {
      for (const [option, spec] of Object.entries(at.leaf.options)) {
        if (!spec.autocomplete) continue;
        const area = `${at.label} ${option} (autocomplete)`;
        it(`${at.label} ${option}: suggestions valid for Discord whatever is typed`, { timeout: TIMEOUT }, async () => {
          await fuzz(area, autocompleteOn(at, option), runs(area), (interaction) => bot.check(interaction));
        });
      }
    }
  });
  return { bot: () => bot };
}
