/**
 * What staff do: supervisors (效能监察) acknowledge, assign to a department and close; the assigned
 * department answers. Every action is audited — with the tracking number, never the filer.
 */
import { ComplaintModel, type ComplaintRecord, type ComplaintStatus } from '../../models/complaint';
import { StaffModel } from '../../models/staff';
import { chinaDate, loadCalendarOverrides } from '../calendar/working-days';
import { badRequest, conflict, forbidden } from '../errors';
import { hasRole, type StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import type { Light } from '../supervision/lights';
import { applyChange, type Change } from './changes';
import { isRunning, lightFilter } from './deadlines';
import { loadForStaff, staffScope } from './access';
import { presentForHandler, presentHandlerSummary } from './handler-presenter';
import { COMPLAINT_RULES, STATUS_NAMES } from './rules';

const DAY_MS = 86_400_000;

export interface StaffListFilter {
  status?: ComplaintStatus;
  light?: Light;
  department?: string;
  type?: string;
  category?: string;
  escalated?: boolean;
  page: number;
  pageSize: number;
}

export async function listForStaff(actor: StaffActor, filter: StaffListFilter, now = new Date()) {
  await loadCalendarOverrides();
  const scope = staffScope(actor);
  if (!scope) return { items: [], total: 0 };
  const q: Record<string, unknown> = { ...scope };
  if (filter.department && !scope.department) q.department = filter.department;
  if (filter.type) q.type = filter.type;
  if (filter.category) q.category = filter.category;
  if (filter.escalated !== undefined) q['escalations.0'] = { $exists: filter.escalated };
  if (filter.light) Object.assign(q, lightFilter(filter.light, now));
  // A light implies a running status; asking for a light of a finished status finds nothing.
  if (filter.status) q.status = filter.light && !isRunning(filter.status) ? { $in: [] } : filter.status;
  // By light: the most urgent first; otherwise newest first.
  const sort: Record<string, 1 | -1> = filter.light ? { dueDate: 1, receivedAt: 1 } : { receivedAt: -1 };
  const [items, total] = await Promise.all([
    ComplaintModel.find(q).sort(sort).skip((filter.page - 1) * filter.pageSize).limit(filter.pageSize).lean(),
    ComplaintModel.countDocuments(q),
  ]);
  return { items: (items as ComplaintRecord[]).map((c) => presentHandlerSummary(c, now)), total };
}

export async function getForStaff(actor: StaffActor, trackingNumber: string) {
  await loadCalendarOverrides();
  return presentForHandler(await loadForStaff(actor, trackingNumber), new Date());
}

function requireSupervisor(actor: StaffActor, what: string): void {
  if (!hasRole(actor, 'supervisor')) throw forbidden('complaint.supervisor_only', `只有效能监察人员可以${what}`);
}

function refuseStatus(c: ComplaintRecord, action: string): never {
  throw conflict('complaint.invalid_transition', `该事项当前状态为“${STATUS_NAMES[c.status as ComplaintStatus]}”，不能${action}`, { status: c.status });
}

const by = (actor: StaffActor) => ({ kind: 'staff' as const, staffId: actor.staffId, name: actor.username });

async function act(actor: StaffActor, c: ComplaintRecord, action: string, change: Change, now: Date) {
  const updated = await applyChange(c, change, now);
  await recordAudit(actor, `complaint.${action}`, { type: 'complaint', id: c.trackingNumber }, { from: c.status, to: updated.status });
  return presentForHandler(updated, now);
}

export async function acknowledgeComplaint(actor: StaffActor, trackingNumber: string, input: { note?: string }) {
  requireSupervisor(actor, '签收');
  const c = await loadForStaff(actor, trackingNumber);
  if (c.status !== 'received') refuseStatus(c, '签收');
  const now = new Date();
  return act(actor, c, 'acknowledge', {
    set: { status: 'acknowledged', acknowledgedAt: now, dueDate: c.answerBy, dueStage: 'answer', overdueEscalated: false },
    event: { type: 'acknowledged', by: by(actor), note: input.note },
  }, now);
}

export async function assignComplaint(actor: StaffActor, trackingNumber: string, input: { department: string; note?: string }) {
  requireSupervisor(actor, '分派');
  const c = await loadForStaff(actor, trackingNumber);
  if (!['received', 'acknowledged', 'assigned'].includes(c.status)) refuseStatus(c, '分派');
  if (!(await StaffModel.exists({ department: input.department, active: true }))) {
    throw badRequest('complaint.department_unknown', '该部门还没有可以办理的工作人员账号，请核对部门名称');
  }
  const now = new Date();
  // Assigning an item nobody acknowledged yet acknowledges it too; the answer clock runs on.
  const ack = c.status === 'received' ? { acknowledgedAt: now, dueDate: c.answerBy, dueStage: 'answer', overdueEscalated: false } : {};
  return act(actor, c, 'assign', {
    set: { status: 'assigned', department: input.department, assignedAt: now, ...ack },
    event: { type: 'assigned', by: by(actor), note: input.note, department: input.department },
  }, now);
}

export async function replyToComplaint(actor: StaffActor, trackingNumber: string, input: { text: string }) {
  const c = await loadForStaff(actor, trackingNumber);
  if (!hasRole(actor, 'supervisor') && actor.department !== c.department) throw forbidden('complaint.not_your_department', '该事项不属于您所在部门');
  if (c.status !== 'acknowledged' && c.status !== 'assigned') refuseStatus(c, '答复');
  const now = new Date();
  const department = c.department ?? actor.department ?? '政务服务中心';
  return act(actor, c, 'reply', {
    set: { status: 'replied', repliedAt: now, repliedLate: chinaDate(now) > c.answerBy, autoCloseAt: new Date(now.getTime() + COMPLAINT_RULES.autoCloseDays * DAY_MS) },
    unset: { dueDate: 1, dueStage: 1 },
    push: { replies: { at: now, text: input.text, department, staffId: actor.staffId, staffName: actor.username } },
    event: { type: 'replied', by: by(actor), department },
    sms: 'complaint_replied',
  }, now);
}

export async function closeComplaint(actor: StaffActor, trackingNumber: string, input: { note: string }) {
  requireSupervisor(actor, '办结');
  const c = await loadForStaff(actor, trackingNumber);
  if (c.status === 'closed') refuseStatus(c, '办结');
  const now = new Date();
  return act(actor, c, 'close', {
    set: { status: 'closed', closedAt: now, closedBy: 'staff' },
    unset: { dueDate: 1, dueStage: 1, autoCloseAt: 1 },
    event: { type: 'closed', by: by(actor), note: input.note },
  }, now);
}
