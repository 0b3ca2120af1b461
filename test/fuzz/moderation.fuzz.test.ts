/**
 * Hostile input through the FAQ (/faq, /faq-admin) and corpus editing (/source-admin), as Discord's JSON, into the
 * real interaction layer with a real SQLite FAQ and a scratch corpus: every subcommand and option, members and
 * moderators, in a server, another server and a direct message, and autocomplete on every option that has it.
 * For each input: nothing escapes, every response is valid for Discord and cannot ping, the member reads the
 * bot's own words, and a second copy of the bot answers the same.
 */
import { fuzzLeaves } from './fuzz-leaves.ts';
import { catchUnhandledRejections } from './unhandled.ts';

/** Inputs per subcommand and per autocomplete option, FUZZ_SCALE times (0.1 for a quick look). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (area: string) => Math.max(1, Math.round((area.endsWith('(autocomplete)') ? 2000 : 2500) * SCALE));

fuzzLeaves('moderation', (at) => ['faq', 'faq-admin', 'source-admin'].includes(at.command), runs);
catchUnhandledRejections();
