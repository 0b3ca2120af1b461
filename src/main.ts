/**
 * `npm start`: with no Discord token, the console (answers from the bundled corpus); with DISCORD_TOKEN set, the
 * Discord bot.
 */
import 'dotenv/config';
import { loadKnowledgeOrExit } from './console/load-or-exit.ts';
import { runRepl } from './console/repl.ts';

const knowledge = loadKnowledgeOrExit();
await runRepl(knowledge);
