/**
 * Seats in a slot. Taking one is a single conditional update (`booked < capacity`, not closed):
 * the database decides, so no number of concurrent requests or gateway instances can overbook.
 */
import type { ClientSession } from 'mongoose';
import { SlotModel } from '../../models/slot';
import { slotClosed, slotFull } from './target';

export async function takeSeat(slotId: string, session: ClientSession): Promise<void> {
  const res = await SlotModel.updateOne(
    { _id: slotId, closed: false, $expr: { $lt: ['$booked', '$capacity'] } },
    { $inc: { booked: 1 } },
    { session },
  );
  if (res.modifiedCount === 1) return;
  const slot = await SlotModel.findById(slotId, { closed: 1 }, { session }).lean();
  throw slot?.closed ? slotClosed() : slotFull();
}

export async function releaseSeat(slotId: string, session: ClientSession, seats = 1): Promise<void> {
  await SlotModel.updateOne({ _id: slotId, booked: { $gte: seats } }, { $inc: { booked: -seats } }, { session });
}
