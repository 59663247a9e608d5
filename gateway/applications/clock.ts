/**
 * The case clock in working days: it starts at acceptance, stops during a supplement (补正) or a
 * special procedure (site inspection, expert review, public notice), and is extended only with a
 * supervisor's approval. The effective deadline of a paused case moves with the pause.
 */
import type { Application } from '../../models/application';
import { addWorkingDays, chinaDate, workingDaysBetween } from '../calendar/working-days';
import { lightFor, type Light } from '../supervision/lights';

export const WARN_WORKING_DAYS = Number(process.env.APPLICATION_WARN_WORKING_DAYS ?? 1);

export function deadlineFor(startedOn: string, promisedDays: number, pausedDays: number, extensionDays: number): string {
  return addWorkingDays(startedOn, promisedDays + pausedDays + extensionDays);
}

/** Working days the current pause has lasted (0 when not paused). */
export function currentPauseDays(app: Pick<Application, 'pause'>, now: Date): number {
  return app.pause?.since ? Math.max(0, workingDaysBetween(app.pause.since, chinaDate(now))) : 0;
}

/** The promised deadline as of now (a paused clock pushes it out day by day). */
export function effectiveDeadline(app: Pick<Application, 'clock' | 'pause' | 'promisedDays'>, now: Date): string | undefined {
  const c = app.clock;
  if (!c?.startedOn) return undefined;
  return deadlineFor(c.startedOn, app.promisedDays, (c.pausedDays ?? 0) + currentPauseDays(app, now), c.extensionDays ?? 0);
}

/** The light of an open, accepted case; undefined before the clock starts or after it ends. */
export function applicationLight(app: Pick<Application, 'clock' | 'pause' | 'promisedDays' | 'state'>, now: Date): Light | undefined {
  if (!['accepted', 'under_review', 'supplement_requested', 'approved'].includes(app.state)) return undefined;
  const deadline = effectiveDeadline(app, now);
  return deadline ? lightFor(deadline, now, WARN_WORKING_DAYS) : undefined;
}
