/**
 * How a running bot logs a corpus reload: what changed and how it was taken in (`update`: applied to the running
 * knowledge; `build`: built in a worker beside it, for an `entities.yaml` change) at info, a refused corpus at error
 * (the old one serves).
 */
import type { Logger } from '../logging/logger.ts';
import type { ReloadResult } from './live-knowledge.ts';

/**
 * @example
 * live.watch({ onReload: (result) => logReload(logger, result) });
 */
export function logReload(logger: Logger, result: ReloadResult): void {
  if (!result.ok) logger.error({ problem: result.error, ms: result.ms }, 'corpus change refused; still answering from the previous corpus');
  else if (!result.unchanged) {
    const { added, changed, removed, sources, passages, ms, how } = result;
    logger.info({ added, changed, removed, sources, passages, ms, how }, 'corpus reloaded');
  }
}
