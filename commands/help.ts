/** `/help` — a member's guide: what the bot is, each command with one example, and the tips of each face. */
import { corpusCoverage } from '../src/answers/answer.ts';
import { answeringCommands, defineCommand, OPEN } from '../src/commands/declare.ts';

export default defineCommand({
  name: 'help',
  description: 'What this bot does and how to ask it.',
  options: {},
  // it only describes the bot: it does not count against the per-user cooldown
  gates: OPEN,
  answer: (_input, ctx) => ({
    command: 'help',
    query: null,
    title: 'talks-bot: quotes on the Qatar-mediated hostage talks',
    found: true,
    results: [],
    total: 0,
    notes: [],
    suggestions: [],
    guide: {
      intro: [
        'Every answer is a verbatim quote from news reporting, with its source: outlet, authors, date.',
        corpusCoverage(ctx.knowledge),
        'A date marked "inferred" was reasoned from the text; sources that disagree are shown side by side.',
      ],
      commands: answeringCommands(ctx.commands).map(({ name, leaf }) => ({
        usage: `/${name}${leaf.primary ? ` <${leaf.primary}>` : ''}`,
        description: leaf.description,
        example: leaf.example ? `/${name} ${leaf.example}` : null,
      })),
      tips: [
        { face: 'console', text: 'Type a question without a command to search the sources for it.' },
        { face: 'console', text: '/more shows the next page of the last answer; /quit (or Ctrl-D) leaves.' },
        { face: 'discord', text: 'Answers are shown to you alone: "Post in channel" shares one, and ◀ ▶ page through it.' },
        { face: 'discord', text: '/faq finds the moderators’ answers to common questions.' },
        { face: 'discord', text: 'On any message, Apps → "Find sources" looks up quotes for what it claims.' },
      ],
    },
  }),
});
