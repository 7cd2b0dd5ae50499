import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from 'pino';

/**
 * Off unless EVENT_LOOP_PROBE=true (`npm run bench:event-loop`): measures how long the event
 * loop was held up and, on each SIGUSR2, logs the largest and the 99th-percentile delay since
 * the last report, then starts over.
 */
export function startEventLoopProbe(enabled: boolean | undefined, logger: Logger): void {
  if (!enabled) return;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('SIGUSR2', () => {
    const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
    logger.warn({ eventLoop: { maxMs: ms(delay.max), p99Ms: ms(delay.percentile(99)), meanMs: ms(delay.mean), samples: delay.count } }, 'event loop delay');
    delay.reset();
  });
}
