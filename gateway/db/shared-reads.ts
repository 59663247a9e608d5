/**
 * Reads by a unique key that concurrent requests share. Every request that asks within the same
 * turn of the event loop (under load: every request parsed from the sockets that were ready
 * together) gets its document from one `$in` query instead of a round trip of its own. Nothing is
 * cached: each read is sent after the requests that wait on it arrived, so an answer is as fresh
 * as a read of its own would be. A failed query fails each of its requests alike (503 for an
 * outage). Built on DataLoader, with its cache off and its batches flushed by setImmediate (its
 * default flushes after the current promise jobs, which here is one request).
 */
import DataLoader from 'dataloader';

export interface SharedReadOptions<D> {
  /** The documents whose key is among `keys` (each key at most once). */
  fetch(keys: string[]): Promise<D[]>;
  /** A document's key. */
  keyOf(doc: D): string;
  /** Keys per query at most: a larger crowd is split over several queries. */
  maxBatchSize?: number;
}

/** Resolves with the document with this key, or null; documents are shared by equal keys in a batch, so treat them as read-only. */
export type SharedRead<D> = (key: string) => Promise<D | null>;

export function sharedReads<D>({ fetch, keyOf, maxBatchSize = 100 }: SharedReadOptions<D>): SharedRead<D> {
  const loader = new DataLoader<string, D | null>(
    async (keys) => {
      const docs = await fetch([...new Set(keys)]);
      const byKey = new Map(docs.map((d) => [keyOf(d), d]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { cache: false, maxBatchSize, batchScheduleFn: (flush) => setImmediate(flush) },
  );
  return (key) => loader.load(key);
}
