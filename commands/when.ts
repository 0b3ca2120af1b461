/** `/when [event]` — when something happened, dated from the sources; no event gives the timeline. */
import { answerWhen } from '../src/answers/when.ts';
import { answerTimeline } from '../src/answers/timeline.ts';
import { eventChoices } from '../src/answers/event-choices.ts';
import { defineCommand, textChoices } from '../src/commands/declare.ts';
import { stringOption } from '../src/commands/options.ts';

export default defineCommand({
  name: 'when',
  description: 'When did something happen? Dated quotes; sources that disagree are shown side by side.',
  options: {
    event: stringOption({ description: 'The event: "Raanans freed", "war cabinet approval" (empty: the timeline)', autocomplete: true }),
  },
  primary: 'event',
  example: 'Raanans freed',
  answer: ({ event }, ctx) =>
    event
      ? answerWhen(ctx.knowledge, event, ctx.page.limit, ctx.page.offset)
      : answerTimeline(ctx.knowledge, ctx.page.limit, ctx.page.offset),
  autocomplete: (_option, typed, { knowledge }) => (knowledge ? textChoices(eventChoices(knowledge, typed)) : []),
});
