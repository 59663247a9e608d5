/**
 * Deadlines and lights of complaints, and the background sweep that escalates red items to
 * supervisors and closes replied items the resident left unconfirmed.
 */
import { ComplaintModel, type ComplaintRecord, type ComplaintStatus, type ComplaintType } from '../../models/complaint';
import { addWorkingDays, chinaDate, loadCalendarOverrides } from '../calendar/working-days';
import { deadlineRangeFor, type DateRange } from '../supervision/light-ranges';
import { lightFor, type Light } from '../supervision/lights';
import { registerTask } from '../worker/runner';
import { COMPLAINT_RULES, RUNNING_STATUSES } from './rules';

export const DEADLINE_TASK = 'complaint-deadlines';
const BATCH = 200;

const SYSTEM = { kind: 'system', name: '效能监察' };

/** Acknowledge and answer deadlines counted from the day an item is received. */
export function deadlinesFor(type: ComplaintType, receivedAt: Date): { acknowledgeBy: string; answerBy: string } {
  const start = chinaDate(receivedAt);
  const days = COMPLAINT_RULES.deadlines[type];
  return { acknowledgeBy: addWorkingDays(start, days.acknowledge), answerBy: addWorkingDays(start, days.answer) };
}

/** A fresh answer deadline for an item reopened today. */
export function reopenedAnswerBy(type: ComplaintType, now: Date): string {
  return addWorkingDays(chinaDate(now), COMPLAINT_RULES.deadlines[type].answer);
}

export function isRunning(status: string): boolean {
  return RUNNING_STATUSES.includes(status as ComplaintStatus);
}

/** The light of an item whose clock runs; null once it is replied or closed. */
export function complaintLight(c: Pick<ComplaintRecord, 'status' | 'dueDate'>, now: Date): Light | null {
  return c.dueDate && isRunning(c.status) ? lightFor(c.dueDate, now, COMPLAINT_RULES.warnWorkingDays) : null;
}

/** A MongoDB filter selecting the running items of one light. */
export function lightFilter(light: Light, now: Date): { status: { $in: ComplaintStatus[] }; dueDate: DateRange } {
  return { status: { $in: RUNNING_STATUSES }, dueDate: deadlineRangeFor(light, now, COMPLAINT_RULES.warnWorkingDays) };
}

/** Records an escalation for each running item that went red (once per stage). */
export async function escalateOverdue(now = new Date()): Promise<number> {
  await loadCalendarOverrides();
  const overdue = await ComplaintModel.find({ ...lightFilter('red', now), overdueEscalated: { $ne: true } }, { _id: 1, dueDate: 1, dueStage: 1 })
    .limit(BATCH)
    .lean();
  let escalated = 0;
  for (const c of overdue) {
    const stage = c.dueStage === 'acknowledge' ? '签收' : '答复';
    const res = await ComplaintModel.updateOne(
      { _id: c._id, dueDate: c.dueDate, overdueEscalated: { $ne: true } },
      {
        $set: { overdueEscalated: true },
        $push: {
          escalations: { at: now, stage: c.dueStage, dueDate: c.dueDate },
          events: { at: now, type: 'escalated', by: SYSTEM, note: `已超过${stage}期限（${c.dueDate}），已提交督办` },
        },
      },
    );
    escalated += res.modifiedCount;
  }
  return escalated;
}

/** Closes replied items the resident neither confirmed nor reopened in time. */
export async function autoCloseReplied(now = new Date()): Promise<number> {
  const due = await ComplaintModel.find({ status: 'replied', autoCloseAt: { $lte: now } }, { _id: 1 }).limit(BATCH).lean();
  let closed = 0;
  for (const c of due) {
    const res = await ComplaintModel.updateOne(
      { _id: c._id, status: 'replied', autoCloseAt: { $lte: now } },
      {
        $set: { status: 'closed', closedAt: now, closedBy: 'auto' },
        $unset: { autoCloseAt: 1 },
        $push: { events: { at: now, type: 'closed', by: SYSTEM, note: `答复后${COMPLAINT_RULES.autoCloseDays}日内未确认，自动办结` } },
      },
    );
    closed += res.modifiedCount;
  }
  return closed;
}

/** One sweep; true while a batch was full (more to do at once). */
export async function sweepComplaintDeadlines(now = new Date()): Promise<boolean> {
  const escalated = await escalateOverdue(now);
  const closed = await autoCloseReplied(now);
  return escalated >= BATCH || closed >= BATCH;
}

registerTask({ name: DEADLINE_TASK, intervalMs: 5 * 60_000, mode: 'singleton', run: () => sweepComplaintDeadlines() });
