/** `/help` — what the bot is and what each command does. */
import { defineCommand } from '../src/commands/define-command.ts';

export default defineCommand({
  name: 'help',
  description: 'What this bot does and how to ask it.',
  options: {},
  cooldown: false,
  handle: (_input, ctx) => ({
    command: 'help',
    query: null,
    title: 'talks-bot: quotes on the Qatar-mediated hostage talks',
    found: true,
    results: [],
    total: 0,
    notes: [
      `Every answer is a verbatim quote from news reporting with its source (outlet, authors, date). ${ctx.knowledge.corpus.sources.length} sources, ${ctx.knowledge.passages.length} passages.`,
      'Dates marked "inferred" were reasoned from the text, not stated by the source. Sources that disagree are shown side by side.',
      ...ctx.commands.map((c) => `/${c.name}${c.primary ? ` <${c.primary}>` : ''}: ${c.description}`),
    ],
    suggestions: [],
  }),
});
