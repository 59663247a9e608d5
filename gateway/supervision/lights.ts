/**
 * The supervision lights (效能监察): green on track, yellow when the promised deadline is at most
 * `warnWorkingDays` working days away, red once it has passed. Dates are China-time YYYY-MM-DD.
 */
import { chinaDate, workingDaysBetween } from '../calendar/working-days';

export type Light = 'green' | 'yellow' | 'red';

export const LIGHT_NAMES: Record<Light, string> = { green: '正常', yellow: '预警', red: '超期' };

export function lightFor(deadline: string, now: Date, warnWorkingDays = 1): Light {
  const today = chinaDate(now);
  if (today > deadline) return 'red';
  return workingDaysBetween(today, deadline) <= warnWorkingDays ? 'yellow' : 'green';
}
