/** Transactions and duplicate-key errors, as the booking services use them. */
import mongoose, { type ClientSession } from 'mongoose';

/**
 * Runs `fn` in a transaction. The driver retries the whole callback on transient errors (write
 * conflicts under contention) with backoff, so contention ends in a result or a business error.
 */
export async function inTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = await mongoose.startSession();
  try {
    let result: T | undefined;
    await session.withTransaction(async () => {
      result = await fn(session);
    });
    return result as T;
  } finally {
    await session.endSession();
  }
}

/** The first field of the unique index a duplicate-key error hit, or undefined for other errors. */
export function duplicateKeyOf(err: unknown): string | undefined {
  const e = err as { code?: number; keyPattern?: Record<string, unknown>; keyValue?: Record<string, unknown> };
  if (e?.code !== 11000) return undefined;
  return Object.keys(e.keyPattern ?? e.keyValue ?? {})[0] ?? '';
}
