/**
 * Hostile input through the quote commands (/who, /when, /terms, /search, /timeline, /source, /help), as
 * Discord's JSON, into the real interaction layer: every option with text a member could type or paste and values
 * of the wrong type or missing, autocomplete on every option that has it, "Find sources" on any message, and
 * commands the bot does not have. For each input: nothing escapes, every response is valid for Discord and cannot
 * ping, the member reads the bot's own words, and a second copy of the bot answers the same.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { fakeMessage } from '../delivery/discord/fake-discord.ts';
import { hostileText, wrongValue } from './arbitraries.ts';
import { fuzz } from './fuzz-report.ts';
import { fuzzLeaves, LEAVES, TIMEOUT } from './fuzz-leaves.ts';
import { askers, autocompleteOn, envelope, slashOn, unknownCommand } from './interactions.ts';
import { catchUnhandledRejections } from './unhandled.ts';

/**
 * Inputs per area, FUZZ_SCALE times (0.1 for a quick look). Answering from the corpus costs up to 40 ms per input
 * for a 6,000-character /when, against 1 ms for a refusal, so the slow commands get fewer.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS: Record<string, number> = {
  '/who': 1000,
  '/when': 500,
  '/terms': 700,
  '/search': 1500,
  '/timeline': 1500,
  '/source': 2000,
  '/help': 2000,
  '/who name (autocomplete)': 800,
  'Find sources': 1500,
  'unknown commands': 3000,
  'malformed interactions': 2000,
};
const runs = (area: string) => Math.max(1, Math.round((RUNS[area] ?? 1500) * SCALE));

const quoteCommands = new Set(COMMANDS.map((c) => c.name));
const { bot } = fuzzLeaves('commands', (at) => quoteCommands.has(at.command), runs);
catchUnhandledRejections();

describe('"Find sources" on any message', () => {
  const TARGET_ID = '400000000000000004';
  const message = fc
    .tuple(
      hostileText,
      fc.array(fc.record({ description: fc.option(hostileText, { nil: undefined }), title: fc.option(hostileText, { nil: undefined }) }), {
        maxLength: 3,
      }),
    )
    .map(([content, embeds]) => fakeMessage({ id: TARGET_ID, content, embeds, timestamp: '2026-11-24T00:00:00.000Z' }));
  it('searches the message text, whatever it is', { timeout: TIMEOUT }, async () => {
    await fuzz('Find sources', fc.tuple(message, askers), runs('Find sources'), ([target, asker]) =>
      bot().check(
        envelope(
          2,
          {
            id: '100000000000000002',
            name: 'Find sources',
            type: 3,
            target_id: TARGET_ID,
            resolved: { messages: { [TARGET_ID]: target } },
          },
          asker,
        ),
      ),
    );
  });
});

describe('commands the bot does not have', () => {
  it('says so, for any name, path and command type', { timeout: TIMEOUT }, async () => {
    await fuzz('unknown commands', unknownCommand(LEAVES.map((l) => l.command)), runs('unknown commands'), (interaction) =>
      bot().check(interaction),
    );
  });
});

describe('interactions as Discord never sends them', () => {
  const broken = fc
    .tuple(fc.constantFrom(...LEAVES), fc.constantFrom('no user', 'permissions not a number', 'roles not a list'))
    .chain(([at, how]) =>
      fc.tuple(
        fc.oneof(slashOn(at), ...Object.keys(at.leaf.options).map((o) => autocompleteOn(at, o))),
        fc.constant(how),
        fc.oneof(hostileText, wrongValue),
      ),
    );
  it('no user, permissions that are not a number, roles that are not a list: answered, nothing escapes', { timeout: TIMEOUT }, async () => {
    await fuzz('malformed interactions', broken, runs('malformed interactions'), ([interaction, how, junk]) => {
      const member = interaction.member as Record<string, unknown> | undefined;
      if (how === 'no user') {
        delete interaction.member;
        delete interaction.user;
      } else if (member && how === 'permissions not a number') member.permissions = junk;
      else if (member) member.roles = junk;
      return bot().check(interaction);
    });
  });
});
