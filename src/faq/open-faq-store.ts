/**
 * Picks the FAQ store for this deployment: PostgreSQL when DATABASE_URL is set (several processes, several machines),
 * else SQLite in DATA_DIR (one process, the embedded default).
 */
import { PostgresFaqStore, type PostgresFaqStoreOptions } from './postgres-faq-store.ts';
import { SqliteFaqStore } from './sqlite-faq-store.ts';
import type { SqlFaqStore } from './sql-faq-store.ts';

export interface FaqStoreSettings {
  DATABASE_URL?: string | undefined;
  DATA_DIR?: string | undefined;
}

/**
 * @example
 * const store = await openFaqStore(process.env); // SQLite in ./data unless DATABASE_URL is set
 * logger.info({ faq: store.location }, 'FAQ database ready');
 */
export function openFaqStore(env: FaqStoreSettings, options: PostgresFaqStoreOptions = {}): Promise<SqlFaqStore> {
  const url = env.DATABASE_URL?.trim();
  if (url) return PostgresFaqStore.open(url, options);
  return SqliteFaqStore.open(env.DATA_DIR?.trim() || './data');
}
