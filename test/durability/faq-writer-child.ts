/**
 * The child of the FAQ kill -9 test: opens the FAQ store as the bot does (SQLite under DATA_DIR) and writes without
 * end — adds, edits, aliases, removals, reverts and imports, as moderators would — printing one JSON line after each
 * write returns: the acknowledgement a moderator would have seen. RUN tells the runs apart.
 */
import { openFaqStore } from '../../src/faq/open-faq-store.ts';

const store = await openFaqStore({ DATA_DIR: process.env.DATA_DIR, DATABASE_URL: '' });
const run = process.env.RUN ?? '0';
const guild = process.env.GUILD ?? '100000000000000001';
const ack = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const mine: number[] = [];

for (let i = 0; ; i++) {
  const step = i % 6;
  const target = mine[(i * 7) % Math.max(mine.length, 1)];
  if (step === 0 || target === undefined) {
    const entry = await store.add(guild, { question: `Run ${run} question ${i}?`, answer: `Answer ${i} of run ${run}.` }, 'writer');
    mine.push(entry.id);
    ack({ op: 'add', id: entry.id, revision: entry.revision, question: entry.question, answer: entry.answer });
  } else if (step === 1 || step === 4) {
    const entry = await store.edit(guild, target, { answer: `Edited ${i} in run ${run}.` }, 'writer');
    ack({ op: 'edit', id: entry.id, revision: entry.revision, answer: entry.answer });
  } else if (step === 2) {
    const entry = await store.addAlias(guild, target, `run ${run} alias ${i}`, 'writer');
    ack({ op: 'alias', id: entry.id, revision: entry.revision, alias: `run ${run} alias ${i}` });
  } else if (step === 3) {
    await store.remove(guild, target, 'writer');
    const history = await store.history(guild, target);
    ack({ op: 'remove', id: target, revision: history.at(-1)?.revision });
    mine.splice(mine.indexOf(target), 1);
    const back = await store.revert(guild, target, 1, 'writer');
    mine.push(back.id);
    ack({ op: 'revert', id: back.id, revision: back.revision, answer: back.answer });
  } else {
    const questions = [0, 1, 2].map((n) => `Imported ${n} in run ${run} step ${i}?`);
    const report = await store.importGuild(
      guild,
      { format: 'talks-bot-faq/1', entries: questions.map((question) => ({ question, answer: 'From an export file.' })) },
      'writer',
    );
    ack({ op: 'import', added: report.added, questions });
  }
}
