/**
 * The booking clock: the one source of "now" for booking and queue rules (cut-offs, windows,
 * check-in, no-shows, reminders), so tests can stand at any hour of any day. Production uses the
 * system time; only tests may move it.
 */
let source: () => Date = () => new Date();

export function now(): Date {
  return source();
}

/** Tests only: make `now()` answer from `fn` (undefined restores the system time). */
export function useClock(fn: (() => Date) | undefined): void {
  if (process.env.NODE_ENV !== 'test') throw new Error('the booking clock can be moved only in tests');
  source = fn ?? (() => new Date());
}
