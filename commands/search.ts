/** `/search <text>` — the best quotes for any words. */
import { answerSearch } from '../src/answers/search.ts';
import { defineCommand, stringOption } from '../src/commands/define-command.ts';

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
  handle: ({ text }, ctx) => answerSearch(ctx.knowledge, text, ctx.page.limit, ctx.page.offset),
});
