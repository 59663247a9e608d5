/** Load generation: autocannon against HTTP, and a fixed-concurrency loop for in-process calls. */
import autocannon from 'autocannon';

export interface HttpFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  headers?: Record<string, string>;
  /** GET requests with their own headers, used instead of `paths`. */
  requests?: Array<{ path: string; headers?: Record<string, string> }>;
}

/**
 * Seconds of the same load, not counted, before each measured one (`BENCH_WARM_SECONDS`): a server's
 * first seconds on a path are spent compiling it, and the first figure measured after start-up
 * came out up to a third lower than the same run a moment later.
 */
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 2);

/** Fixed concurrency for `seconds` after the warm-up, cycling through `paths` (or `requests`). */
export async function httpLoad(base: string, paths: string[], options: LoadOptions = {}): Promise<HttpFigures> {
  const requests: NonNullable<LoadOptions['requests']> = options.requests ?? paths.map((path) => ({ path }));
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: options.connections ?? 50,
      duration,
      headers: options.headers,
      requests: requests.map((r) => ({ method: 'GET' as const, path: r.path, headers: r.headers })),
    });
  if (WARM_SECONDS > 0) await run(WARM_SECONDS);
  const result = await run(options.seconds ?? 5);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/** Runs `op` with `concurrency` callers for `seconds` after the warm-up; returns completed operations per second. */
export async function loopLoad(op: (i: number) => Promise<unknown>, options: { concurrency?: number; seconds?: number } = {}): Promise<number> {
  if (WARM_SECONDS > 0) await timedLoop(op, options.concurrency ?? 50, WARM_SECONDS);
  return timedLoop(op, options.concurrency ?? 50, options.seconds ?? 5);
}

async function timedLoop(op: (i: number) => Promise<unknown>, concurrency: number, seconds: number): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      let i = lane;
      while (Date.now() < end) {
        await op(i);
        i += concurrency;
        done++;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

/** Runs a fixed batch of `n` operations, `concurrency` at a time; returns operations per second. */
export async function batchRate(n: number, op: (i: number) => Promise<unknown>, concurrency = 8): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await op(next++);
    }),
  );
  return n / (Number(process.hrtime.bigint() - started) / 1e9);
}
