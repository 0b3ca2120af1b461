/**
 * A child process for the store tests: opens the FAQ store as the bot does (DATABASE_URL, else DATA_DIR) and adds
 * COUNT entries to GUILD, printing "ack N" after each commit returns — an acknowledged write.
 */
import { openFaqStore } from '../../src/faq/open-faq-store.ts';

const store = await openFaqStore(process.env);
const count = Number(process.env.COUNT ?? '100');
const tag = process.env.TAG ?? 'w';
for (let i = 0; i < count; i++) {
  await store.add(process.env.GUILD ?? 'g', { question: `${tag} question ${i}?`, answer: `Answer ${i} from ${tag}.` }, tag);
  process.stdout.write(`ack ${i}\n`);
}
await store.close();
