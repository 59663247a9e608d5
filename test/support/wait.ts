/** A bounded wait for a condition that other processes, timers or the database bring about. */

/**
 * Polls `check` every 200 ms until it holds, for at most `ms`. The default outlasts one wait of the
 * driver's server selection (10 s): the shared Wine-run mongod can stall that long under load.
 */
export async function waitFor(check: () => Promise<boolean>, ms = 20_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} not met within ${ms / 1000} s`);
}
