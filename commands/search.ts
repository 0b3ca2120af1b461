/** `/search <text>` — the best quotes for any words. */
import { answerSearch } from '../src/answers/search.ts';
import { defineCommand } from '../src/commands/declare.ts';
import { stringOption } from '../src/commands/options.ts';

export default defineCommand({
  name: 'search',
  description: 'Search the sources for quotes about anything in the talks.',
  options: {
    text: stringOption({
      description: 'What to look for: "communications cell", "kicked out of Doha"',
      required: true,
      emptyMessage: 'Type a few words to search for.',
    }),
  },
  primary: 'text',
  example: 'kicked out of Doha',
  answer: ({ text }, ctx) => answerSearch(ctx.knowledge, text, ctx.page.limit, ctx.page.offset),
});
