/** Load generation: autocannon against HTTP, and a fixed-concurrency loop for in-process calls. */
import autocannon from 'autocannon';

export interface HttpFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Fixed concurrency for `seconds`, cycling through `paths`. */
export async function httpLoad(base: string, paths: string[], options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {}): Promise<HttpFigures> {
  const result = await autocannon({
    url: base,
    connections: options.connections ?? 50,
    duration: options.seconds ?? 5,
    headers: options.headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/** Runs `op` with `concurrency` callers for `seconds`; returns completed operations per second. */
export async function loopLoad(op: (i: number) => Promise<unknown>, options: { concurrency?: number; seconds?: number } = {}): Promise<number> {
  const concurrency = options.concurrency ?? 50;
  const end = Date.now() + (options.seconds ?? 5) * 1000;
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
