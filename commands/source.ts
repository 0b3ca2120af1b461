/** `/source [id]` — where a quote comes from: outlet, authors, date and how the date is known. */
import { answerSource } from '../src/answers/source.ts';
import { defineCommand, textChoices } from '../src/commands/declare.ts';
import { stringOption } from '../src/commands/options.ts';
import { choicesMatching } from '../src/answers/choices.ts';

export default defineCommand({
  name: 'source',
  description: 'Show a source: outlet, authors, date and how the date is known (empty: list the sources).',
  options: { id: stringOption({ description: 'A source id or passage id, as shown under a quote', maxLength: 100, autocomplete: true }) },
  primary: 'id',
  example: 'ap-how-the-hostage-deal-came-about',
  answer: ({ id }, ctx) => answerSource(ctx.knowledge, id ?? null, ctx.page.limit, ctx.page.offset),
  autocomplete: (_option, typed, { knowledge }) => (knowledge ? textChoices(choicesMatching([...knowledge.sourceById.keys()], typed)) : []),
});
