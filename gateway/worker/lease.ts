/** Acquire/renew/release a named lease held by one process at a time (MongoDB as the arbiter). */
import { LeaseModel } from '../../models/lease';
import { isDuplicateKey } from '../db/errors';

/** True when `owner` now holds `name` for `ttlMs` (newly or renewed). */
export async function acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
  const now = new Date();
  try {
    const doc = await LeaseModel.findOneAndUpdate(
      { _id: name, $or: [{ expiresAt: { $lte: now } }, { owner }] },
      { $set: { owner, expiresAt: new Date(now.getTime() + ttlMs) } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return doc?.owner === owner;
  } catch (err) {
    // The upsert collided with a live lease held by someone else.
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export async function releaseLease(name: string, owner: string): Promise<void> {
  await LeaseModel.deleteOne({ _id: name, owner });
}
