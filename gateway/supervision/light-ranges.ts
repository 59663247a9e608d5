/**
 * The deadline dates `lightFor` paints each light, as a MongoDB range on a YYYY-MM-DD field, so
 * lists can filter by light in the database: red before today, yellow from today to the last date
 * still at most `warnWorkingDays` working days away, green after that.
 */
import { addWorkingDays, chinaDate, shiftDate } from '../calendar/working-days';
import type { Light } from './lights';

export type DateRange = { $lt: string } | { $gte: string; $lte: string } | { $gt: string };

export function deadlineRangeFor(light: Light, now: Date, warnWorkingDays = 1): DateRange {
  const today = chinaDate(now);
  const yellowUntil = shiftDate(addWorkingDays(today, warnWorkingDays + 1), -1);
  if (light === 'red') return { $lt: today };
  if (light === 'yellow') return { $gte: today, $lte: yellowUntil };
  return { $gt: yellowUntil };
}
