/**
 * Graceful stop for the server processes (`npm start`, `npm run worker`): on SIGINT or SIGTERM the
 * steps run in order, each logged; a process whose stop outlasts the grace period says which step
 * it was in (and what that step still waits for) and exits anyway, as a service manager would make
 * it. A second signal exits at once.
 */
import type { Logger } from 'pino';

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
  /** What the step still waits for, logged when the grace period runs out. */
  pending?: () => unknown;
}

export function stopOnSignals(log: Logger, graceMs: number, steps: ShutdownStep[]): void {
  let current: ShutdownStep | undefined;
  const shutdown = async (signal: string) => {
    if (current) {
      log.warn({ signal, step: current.name }, 'second signal while stopping; exiting now');
      process.exit(1);
    }
    log.info({ signal }, 'stopping');
    const started = Date.now();
    setTimeout(() => {
      log.error({ step: current?.name, waitingFor: current?.pending?.(), graceMs }, 'stopping took longer than the grace period; exiting anyway');
      process.exit(1);
    }, graceMs).unref();
    for (const step of steps) {
      current = step;
      try {
        await step.run();
      } catch (err) {
        log.error({ err, step: step.name }, 'a shutdown step failed');
      }
    }
    log.info({ ms: Date.now() - started }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
