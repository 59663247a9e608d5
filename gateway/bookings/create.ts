/**
 * Booking a slot. Every rule is checked first (real name, no-show block, slot, time window); then
 * the seat is taken with the atomic conditional update (gateway/bookings/seats.ts), and one
 * transaction inserts the booking — whose unique day key enforces one booking per person per day —
 * and queues the confirmation SMS. If that transaction fails the seat is given back: any refusal
 * leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { customAlphabet } from 'nanoid';
import { BookingModel, type Booking } from '../../models/booking';
import { AppError, conflict } from '../errors';
import type { ResidentActor } from '../identity/actor';
import { loadResident } from '../identity/residents';
import { decryptPersonal } from '../privacy/crypto';
import { now as clockNow } from './clock';
import { enqueueConfirmation } from './messages';
import { assertNotBlocked } from './no-shows';
import { presentBooking, type PresentedBooking } from './presenter';
import { bookingRules } from './rules';
import { releaseSeat, takeSeat } from './seats';
import { assertSlotOpen, defaultCapacity, materializeSlot, resolveSlot } from './target';
import { assertBookableTime } from './timing';
import { isDatabaseUnavailable } from '../db/errors';
import { duplicateKeyOf, inTransaction } from './transaction';

/** 8 characters without look-alikes (0/O, 1/I): about 10^12 codes. */
export const newBookingCode = customAlphabet('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 8);

export interface CreateBookingInput {
  slotId: string;
  guideCode: string;
  /** The client's Idempotency-Key: the same key and request make one booking. */
  idempotencyKey?: string;
}

export interface CreatedBooking {
  booking: PresentedBooking;
  /** True when an earlier request with the same key made it. */
  replayed: boolean;
}

const dailyLimit = (existingId?: unknown) =>
  conflict('booking.daily_limit', '您在当天已有一个预约，每人每天限预约1次；如需换时间请改约', existingId ? { bookingId: String(existingId) } : undefined);

const requestHashOf = (input: CreateBookingInput) => createHash('sha256').update(`${input.slotId}\n${input.guideCode}`).digest('base64url');

/**
 * The booking's id. With an Idempotency-Key it is derived from the resident and the key, so a retry
 * after a lost answer or a 503 (a database failover) holds the very seat the first try took instead
 * of taking a second one; without a key every request is a new booking.
 */
export function bookingIdFor(userId: string, input: CreateBookingInput): Types.ObjectId {
  if (!input.idempotencyKey) return new Types.ObjectId();
  return new Types.ObjectId(createHash('sha256').update(`booking\n${userId}\n${input.idempotencyKey}`).digest().subarray(0, 12).toString('hex'));
}

/**
 * Gives the seat back after the booking's transaction failed — unless the failure leaves it unknown
 * whether the booking was written (the database went away mid-commit): then the seat stays with
 * the booking id, a retry with the same key takes it again, and the seat reconciliation frees it
 * if no booking ever appears. A seat is never freed under a booking that exists.
 */
async function releaseAfterFailure(slotId: string, bookingId: Types.ObjectId, err: unknown): Promise<void> {
  if (isDatabaseUnavailable(err)) return;
  if (await BookingModel.exists({ _id: bookingId, slotId })) return;
  await releaseSeat(slotId, String(bookingId));
}

async function replayOf(userId: string, input: CreateBookingInput): Promise<(Booking & { _id: unknown }) | undefined> {
  if (!input.idempotencyKey) return undefined;
  const prior = await BookingModel.findOne({ userId, idempotencyKey: input.idempotencyKey }).lean();
  if (!prior) return undefined;
  if (prior.requestHash !== requestHashOf(input)) {
    throw conflict('booking.idempotency_conflict', '该请求标识已用于另一笔不同的预约，请勿重复使用');
  }
  return prior;
}

export async function createBooking(actor: ResidentActor, input: CreateBookingInput, now = clockNow()): Promise<CreatedBooking> {
  const rules = bookingRules();
  const prior = await replayOf(actor.userId, input);
  if (prior) return { booking: presentBooking(prior, now, rules), replayed: true };

  const user = await loadResident(actor);
  if (!user.realName?.idHash) throw new AppError(403, 'booking.real_name_required', '预约需实名认证，请先绑定本人姓名和身份证号');
  await assertNotBlocked(actor.userId, now, rules);
  const target = await resolveSlot(input.guideCode, input.slotId, rules);
  await assertBookableTime(target.slot, now, rules);
  const dayKey = `${actor.userId}:${target.slot.date}`;
  // Checked again by the unique index; asking first spares a seat and reads better.
  const sameDay = await BookingModel.findOne({ dayKey }, { _id: 1 }).lean();
  if (sameDay) {
    // It may be this very request, made meanwhile by a retry with the same key.
    const replay = await replayOf(actor.userId, input);
    if (replay) return { booking: presentBooking(replay, now, rules), replayed: true };
    throw dailyLimit(sameDay._id);
  }
  assertSlotOpen(await materializeSlot(target.slot, defaultCapacity(target.window)));

  const phone = user.phoneEnc && user.phoneVerifiedAt ? decryptPersonal(user.phoneEnc) : undefined;
  const { slot } = target;
  const doc = {
    userId: actor.userId,
    guideCode: target.guide.code,
    guideName: target.guide.name,
    servicePoint: target.point.code,
    servicePointName: target.point.name,
    window: target.window.code,
    windowName: target.window.name,
    slotId: slot.id,
    date: slot.date,
    start: slot.start,
    end: slot.end,
    startAt: slot.startAt,
    endAt: slot.endAt,
    status: 'booked' as const,
    dayKey,
    idempotencyKey: input.idempotencyKey,
    requestHash: input.idempotencyKey ? requestHashOf(input) : undefined,
    smsNotice: Boolean(phone),
    channel: actor.channel,
    bookedAt: now,
  };
  const bookingId = bookingIdFor(actor.userId, input);
  await takeSeat(slot.id, String(bookingId));
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await inTransaction(async (session) => {
        const [booking] = await BookingModel.create([{ ...doc, _id: bookingId, code: newBookingCode() }], { session });
        const plain = booking.toObject();
        if (phone) await enqueueConfirmation(plain, phone, session);
        return plain;
      });
      return { booking: presentBooking(created, now, rules), replayed: false };
    } catch (err) {
      const key = duplicateKeyOf(err);
      if (key === 'code' && attempt < 3) continue; // a code collision: draw another
      await releaseAfterFailure(slot.id, bookingId, err);
      if (key === undefined) throw err;
      // Two requests with the same key at once: the loser answers with the winner's booking.
      const replay = await replayOf(actor.userId, input);
      if (replay) return { booking: presentBooking(replay, now, rules), replayed: true };
      if (key === 'dayKey') throw dailyLimit((await BookingModel.findOne({ dayKey: doc.dayKey }, { _id: 1 }).lean())?._id);
      throw err;
    }
  }
}
