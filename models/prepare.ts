/**
 * Collections and indexes are made explicitly, by the code that connects, before anything reads or
 * writes: mongoose's automatic creation (turned off where the connection is made) runs in the
 * background, so a first write could create the same collection at the same moment. That is
 * harmless on a native mongod; the Wine-run build this project falls back to offline crashes on it.
 */
import type { Model } from 'mongoose';

/** The connection options that leave creation to `prepareCollections`. */
export const EXPLICIT_CREATION = { autoCreate: false, autoIndex: false } as const;

/**
 * Creates each model's collection (an existing one is left as it is) and then its indexes. Resolves
 * once every model is done; when one fails, rejects with its error only after the others have
 * finished, so a retry never overlaps work still in flight.
 */
export async function prepareCollections(models: Iterable<Model<any>>): Promise<void> {
  const results = await Promise.allSettled(
    [...models].map(async (model) => {
      await model.createCollection();
      await model.createIndexes();
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
