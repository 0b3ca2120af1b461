/**
 * A child process for the store tests: opens the FAQ store in DATA_DIR and adds COUNT entries to GUILD, printing
 * "ack N" after each commit returns — an acknowledged write.
 */
import { FaqStore } from '../../src/faq/faq-store.ts';

const store = FaqStore.open(process.env.DATA_DIR ?? '');
const count = Number(process.env.COUNT ?? '100');
const tag = process.env.TAG ?? 'w';
for (let i = 0; i < count; i++) {
  store.add(process.env.GUILD ?? 'g', { question: `${tag} question ${i}?`, answer: `Answer ${i} from ${tag}.` }, tag);
  process.stdout.write(`ack ${i}\n`);
}
store.close();
