/** `/who <name or role>` — who someone in the talks is, in the sources' words. */
import { answerWho } from '../src/answers/who.ts';
import { entityChoices } from '../src/answers/entity-choices.ts';
import { defineCommand, textChoices } from '../src/commands/declare.ts';
import { stringOption } from '../src/commands/options.ts';

export default defineCommand({
  name: 'who',
  description: 'Who is someone in the talks? Quotes that say who they are and what they said.',
  options: {
    name: stringOption({
      description: 'A name, alias or role: "McGurk", "Qatari prime minister", "head of Mossad"',
      required: true,
      maxLength: 100,
      autocomplete: true,
    }),
  },
  primary: 'name',
  example: 'Qatari prime minister',
  answer: ({ name }, ctx) => answerWho(ctx.knowledge, name, ctx.page.limit, ctx.page.offset),
  autocomplete: (_option, typed, { knowledge }) => (knowledge ? textChoices(entityChoices(knowledge, typed)) : []),
});
