/** `/terms [topic]` — the terms of the deal and of the proposals before it. */
import { answerTerms, TERM_TOPIC_NAMES } from '../src/answers/terms.ts';
import { defineCommand, textChoices } from '../src/commands/declare.ts';
import { stringOption } from '../src/commands/options.ts';
import { choicesMatching } from '../src/answers/choices.ts';

export default defineCommand({
  name: 'terms',
  description: 'Terms of the hostage deal and the proposals before it: hostages, prisoners, cease-fire, aid.',
  options: {
    topic: stringOption({
      description: 'A topic: "ratio", "cease-fire length", "final deal" (empty: the final deal, then the proposals)',
      autocomplete: true,
    }),
  },
  primary: 'topic',
  example: 'hostages',
  answer: ({ topic }, ctx) => answerTerms(ctx.knowledge, topic ?? null, ctx.page.limit, ctx.page.offset),
  autocomplete: (_option, typed) => textChoices(choicesMatching(['final deal', ...TERM_TOPIC_NAMES.map((t) => t.label)], typed)),
});
