/**
 * Start-up against a Discord that may be down: an attempt that fails for a passing reason is logged as one readable
 * line (what failed, when the next attempt is) and tried again with exponential backoff and jitter, without end;
 * a configuration error (a refused token, disallowed intents) ends the attempts at once with a DiscordConfigError.
 */
import type { Logger } from '../../logging/logger.ts';
import { type RetrySchedule, retryDelayMs, sleep } from '../retry-schedule.ts';
import { DiscordConfigError, type StartFailure, startFailure } from './discord-failures.ts';

export interface UntilReachedOptions {
  logger: Logger;
  schedule: RetrySchedule;
  /** Aborting (a shutdown) ends the waiting: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How a failure is judged; default `startFailure(error)`. */
  judge?: (error: unknown) => StartFailure;
  random?: () => number;
}

/**
 * Runs `attempt` until it succeeds and returns its result; `what` names the step in the log ("log in").
 *
 * @example
 * await untilReached('log in', () => client.login(token), { logger, schedule: DEFAULT_RETRY_SCHEDULE });
 * // {"level":40,"attempt":1,"retryInMs":1043,"msg":"log in: Discord cannot be reached (connect ECONNREFUSED …); trying again in 1.0 s"}
 */
export async function untilReached<T>(what: string, attempt: () => Promise<T>, options: UntilReachedOptions): Promise<T> {
  const { logger, schedule, signal, judge = (error: unknown) => startFailure(error), random } = options;
  for (let failures = 0; ;) {
    if (signal?.aborted) throw signal.reason;
    try {
      const result = await attempt();
      if (failures > 0)
        logger.info(
          { attempts: failures + 1 },
          `${what}: Discord reached after ${failures} failed ${failures === 1 ? 'attempt' : 'attempts'}`,
        );
      return result;
    } catch (error) {
      const failure = judge(error);
      if (!failure.retry) throw new DiscordConfigError(failure.reason);
      failures++;
      const retryInMs = retryDelayMs(failures, schedule, random);
      logger.warn({ attempt: failures, retryInMs }, `${what}: ${failure.reason}; trying again in ${(retryInMs / 1000).toFixed(1)} s`);
      await sleep(retryInMs, signal);
    }
  }
}
