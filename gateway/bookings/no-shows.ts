/**
 * No-show blocking: `noShowLimit` no-shows within `noShowWindowDays` block booking for `blockDays`,
 * counted from the no-show that reached the limit.
 */
import type { ClientSession } from 'mongoose';
import { NoShowModel } from '../../models/no-show';
import { AppError } from '../errors';
import { chinaDate } from '../calendar/working-days';
import type { BookingRules } from './rules';

const DAY_MS = 86400_000;

/** When the block ends, or undefined when `at` times (any order) do not block at `now`. */
export function blockedUntil(at: Date[], now: Date, rules: Pick<BookingRules, 'noShowLimit' | 'noShowWindowDays' | 'blockDays'>): Date | undefined {
  const times = at.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | undefined;
  for (let i = rules.noShowLimit - 1; i < times.length; i++) {
    if (times[i] - times[i - rules.noShowLimit + 1] <= rules.noShowWindowDays * DAY_MS) {
      until = Math.max(until ?? 0, times[i] + rules.blockDays * DAY_MS);
    }
  }
  return until !== undefined && until > now.getTime() ? new Date(until) : undefined;
}

/** The resident's current block, read from their recent no-shows. */
export async function currentBlock(userId: string, now: Date, rules: BookingRules): Promise<Date | undefined> {
  const since = new Date(now.getTime() - (rules.noShowWindowDays + rules.blockDays) * DAY_MS);
  const rows = await NoShowModel.find({ userId, at: { $gte: since } }, { at: 1 }).lean();
  return blockedUntil(rows.map((r) => r.at), now, rules);
}

export async function assertNotBlocked(userId: string, now: Date, rules: BookingRules): Promise<void> {
  const until = await currentBlock(userId, now, rules);
  if (!until) return;
  const [y, m, d] = chinaDate(until).split('-').map(Number);
  throw new AppError(
    403,
    'booking.blocked',
    `您在${rules.noShowWindowDays}天内有${rules.noShowLimit}次预约未到场，预约功能暂停至${y}年${m}月${d}日，期间可到大厅现场取号办理`,
    { blockedUntil: until.toISOString() },
  );
}

/** Records a booking's no-show once (the unique booking id makes repeats harmless). */
export async function recordNoShow(input: { userId: string; bookingId: string; at: Date; source: 'missed' | 'called' }, session?: ClientSession): Promise<void> {
  await NoShowModel.updateOne({ bookingId: input.bookingId }, { $setOnInsert: input }, { upsert: true, session });
}
