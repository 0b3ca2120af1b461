/** `/timeline` — every dated statement in the sources, in date order. */
import { answerTimeline } from '../src/answers/timeline.ts';
import { defineCommand } from '../src/commands/declare.ts';

export default defineCommand({
  name: 'timeline',
  description: 'The dated events of the talks in order, each with the quote that dates it.',
  options: {},
  answer: (_input, ctx) => answerTimeline(ctx.knowledge, ctx.page.limit, ctx.page.offset),
});
