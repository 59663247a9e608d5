/**
 * Efficiency supervision (效能监察): counts by light, by department and window, the on-time rate,
 * the average working days taken, the overdue list — and a job that escalates overdue cases.
 */
import { ApplicationModel, OPEN_STATES, type Application } from '../../models/application';
import { chinaDate, loadCalendarOverrides, workingDaysBetween } from '../calendar/working-days';
import { registerTask } from '../worker/runner';
import { applicationLight, effectiveDeadline } from './clock';
import { presentForStaff } from './presenter';

type App = Application & { _id: unknown };

export async function supervisionDashboard(range: { from?: string; to?: string } = {}) {
  await loadCalendarOverrides();
  const now = new Date();
  const open = (await ApplicationModel.find({ state: { $in: OPEN_STATES } }).lean()) as App[];
  const byLight = { green: 0, yellow: 0, red: 0, notStarted: 0 };
  const byDepartment = new Map<string, { open: number; red: number; yellow: number }>();
  const byWindow = new Map<string, { open: number; red: number; yellow: number }>();
  const overdue: ReturnType<typeof presentForStaff>[] = [];
  for (const a of open) {
    const light = applicationLight(a, now);
    if (light) byLight[light]++;
    else byLight.notStarted++;
    const windowKey = `${a.servicePoint}:${a.windowCode ?? '-'}`;
    for (const [map, key] of [[byDepartment, a.department], [byWindow, windowKey]] as const) {
      const row = map.get(key) ?? { open: 0, red: 0, yellow: 0 };
      row.open++;
      if (light === 'red') row.red++;
      if (light === 'yellow') row.yellow++;
      map.set(key, row);
    }
    if (light === 'red') overdue.push(presentForStaff(a, now));
  }
  const completedQuery: Record<string, unknown> = { state: 'completed', 'clock.startedOn': { $exists: true } };
  if (range.from || range.to) completedQuery.completedOn = { ...(range.from && { $gte: range.from }), ...(range.to && { $lte: range.to }) };
  const completed = (await ApplicationModel.find(completedQuery, { clock: 1, completedOn: 1, promisedDays: 1, pause: 1, state: 1 }).lean()) as App[];
  let onTime = 0;
  let totalDays = 0;
  for (const a of completed) {
    if (a.completedOn! <= a.clock!.deadline!) onTime++;
    totalDays += Math.max(0, workingDaysBetween(a.clock!.startedOn!, a.completedOn!) - (a.clock!.pausedDays ?? 0));
  }
  overdue.sort((x, y) => String(x.promisedDate).localeCompare(String(y.promisedDate)));
  return {
    asOf: chinaDate(now),
    open: open.length,
    byLight,
    byDepartment: [...byDepartment.entries()].map(([department, v]) => ({ department, ...v })).sort((a, b) => b.red - a.red || b.open - a.open),
    byWindow: [...byWindow.entries()].map(([window, v]) => ({ window, ...v })).sort((a, b) => b.red - a.red || b.open - a.open),
    completed: completed.length,
    onTimeRate: completed.length ? onTime / completed.length : null,
    averageWorkingDays: completed.length ? Math.round((totalDays / completed.length) * 10) / 10 : null,
    overdue,
  };
}

/** Marks newly overdue open cases as escalated (once each), with a timeline entry supervisors see. */
export async function escalateOverdue(now = new Date()): Promise<number> {
  await loadCalendarOverrides();
  const today = chinaDate(now);
  // Candidates: the stored deadline has passed (a pause only moves it later, checked below).
  const candidates = (await ApplicationModel.find({ state: { $in: OPEN_STATES }, 'clock.deadline': { $lt: today }, escalatedAt: { $exists: false } }).lean()) as App[];
  let escalated = 0;
  for (const a of candidates) {
    if (applicationLight(a, now) !== 'red') continue;
    const res = await ApplicationModel.updateOne(
      { _id: a._id, escalatedAt: { $exists: false } },
      { $set: { escalatedAt: now }, $push: { timeline: { at: now, action: 'escalate', from: a.state, to: a.state, by: { kind: 'system', name: '效能监察' }, note: `已超过承诺办结日期（${effectiveDeadline(a, now)}），已提交督办` } } },
    );
    escalated += res.modifiedCount;
  }
  return escalated;
}

registerTask({ name: 'application-escalation', intervalMs: 10 * 60_000, mode: 'singleton', run: async () => void (await escalateOverdue()) });
