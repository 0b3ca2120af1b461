/**
 * `npm start`: the console, answering from the bundled corpus with no Discord token. The Discord transport will start
 * here when DISCORD_TOKEN is set.
 */
import 'dotenv/config';
import { loadKnowledgeOrExit } from './console/load-or-exit.ts';
import { runRepl } from './console/repl.ts';

if (process.env.DISCORD_TOKEN) {
  console.error('talks-bot: DISCORD_TOKEN is set, but this build has no Discord transport yet; starting the console.');
}
const knowledge = loadKnowledgeOrExit();
await runRepl(knowledge);
