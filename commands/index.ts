/** Every slash command, in the order `/help` lists them. */
import type { AnyCommand } from '../src/commands/define-command.ts';
import who from './who.ts';
import when from './when.ts';
import terms from './terms.ts';
import search from './search.ts';
import timeline from './timeline.ts';
import source from './source.ts';
import help from './help.ts';

export const COMMANDS: readonly AnyCommand[] = [who, when, terms, search, timeline, source, help];
