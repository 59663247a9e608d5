/**
 * Applying one change to an item: atomically (guarded by the status and the number of events the
 * actor saw, so two people cannot both act on a stale view), with its timeline event, and — when
 * the resident should know — exactly one SMS queued in the same transaction.
 */
import { ComplaintModel, type ComplaintRecord, type ComplaintType } from '../../models/complaint';
import { AppError } from '../errors';
import { enqueueMessage } from '../notifications/queue';
import { decryptPersonal } from '../privacy/crypto';
import { TYPE_NAMES } from './rules';

export interface EventBy {
  kind: 'resident' | 'staff' | 'system';
  staffId?: string;
  name?: string;
}

export interface Change {
  set?: Record<string, unknown>;
  unset?: Record<string, 1>;
  /** Array fields to append to besides the timeline (replies, additions, photos). */
  push?: Record<string, unknown>;
  event: { type: string; by: EventBy; note?: string; department?: string };
  sms?: 'complaint_received' | 'complaint_replied';
}

export async function queueComplaintSms(
  c: Pick<ComplaintRecord, 'trackingNumber' | 'type' | 'filer'>,
  kind: 'complaint_received' | 'complaint_replied',
  dedupeKey: string,
  session?: Parameters<typeof enqueueMessage>[1],
): Promise<void> {
  if (!c.filer?.phoneEnc) return; // filed without a phone (some Open311 clients): nothing to send
  await enqueueMessage(
    {
      kind,
      phone: decryptPersonal(c.filer.phoneEnc),
      params: { trackingNumber: c.trackingNumber, type: TYPE_NAMES[c.type as ComplaintType] },
      dedupeKey,
      userId: c.filer.userId ?? undefined,
      cause: { type: 'complaint', id: c.trackingNumber },
    },
    session,
  );
}

export async function applyChange(c: ComplaintRecord, change: Change, now = new Date()): Promise<ComplaintRecord> {
  const seen = (c.events ?? []).length;
  const event = { at: now, ...change.event };
  const update = {
    ...(change.set ? { $set: change.set } : {}),
    ...(change.unset ? { $unset: change.unset } : {}),
    $push: { events: event, ...change.push },
  };
  const session = await ComplaintModel.startSession();
  try {
    await session.withTransaction(async () => {
      const res = await ComplaintModel.updateOne({ _id: c._id, status: c.status, events: { $size: seen } }, update, { session });
      if (res.matchedCount !== 1) throw new AppError(409, 'complaint.changed', '该事项刚刚有了新的进展，请刷新后重试');
      if (change.sms) await queueComplaintSms(c, change.sms, `complaint:${c.trackingNumber}:event:${seen}`, session);
    });
  } finally {
    await session.endSession();
  }
  return (await ComplaintModel.findById(c._id).lean()) as ComplaintRecord;
}
