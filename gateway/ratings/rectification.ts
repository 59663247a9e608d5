/**
 * The rectification of a bad rating (差评整改): the handling department responds within the
 * deadline, a supervisor verifies the response (approves, or sends it back), then records the
 * call-back to the resident. Each step is guarded by the status it starts from.
 */
import { Types } from 'mongoose';
import { RatingModel, type RatingRecord } from '../../models/rating';
import { UserModel } from '../../models/user';
import { loadCalendarOverrides } from '../calendar/working-days';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors';
import { hasRole, type StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { decryptPersonal } from '../privacy/crypto';
import { deadlineRangeFor } from '../supervision/light-ranges';
import type { Light } from '../supervision/lights';
import { presentRatingForStaff } from './presenter';
import { RATING_RULES, RECTIFICATION_STATUS_NAMES, type RectificationStatus } from './rules';

export interface RectificationFilter {
  status?: RectificationStatus;
  light?: Light;
  department?: string;
  page: number;
  pageSize: number;
}

/** Supervisors see every rectification; other staff those of their department. */
function scopeOf(actor: StaffActor): Record<string, unknown> | null {
  if (hasRole(actor, 'supervisor')) return {};
  return actor.department ? { department: actor.department } : null;
}

export async function listRectifications(actor: StaffActor, filter: RectificationFilter, now = new Date()) {
  await loadCalendarOverrides();
  const scope = scopeOf(actor);
  if (!scope) return { items: [], total: 0 };
  const q: Record<string, unknown> = { ...scope, 'rectification.status': filter.status ?? { $type: 'string' } };
  if (filter.department && !scope.department) q.department = filter.department;
  if (filter.light) {
    // Lights belong to rectifications waiting for the handler.
    q['rectification.status'] = filter.status && filter.status !== 'open' ? { $in: [] } : 'open';
    q['rectification.dueDate'] = deadlineRangeFor(filter.light, now, RATING_RULES.warnWorkingDays);
  }
  const [items, total] = await Promise.all([
    RatingModel.find(q).sort({ 'rectification.dueDate': 1, ratedAt: 1 }).skip((filter.page - 1) * filter.pageSize).limit(filter.pageSize).lean(),
    RatingModel.countDocuments(q),
  ]);
  return { items: (items as RatingRecord[]).map((r) => presentRatingForStaff(r, now)), total };
}

async function load(actor: StaffActor, id: string): Promise<RatingRecord> {
  const scope = scopeOf(actor);
  const r = Types.ObjectId.isValid(id) ? ((await RatingModel.findById(id).lean()) as RatingRecord | null) : null;
  if (!r?.rectification || !scope || (scope.department && r.department !== scope.department)) throw notFound('rectification.not_found', '未找到该整改事项');
  return r;
}

export async function getRectification(actor: StaffActor, id: string) {
  await loadCalendarOverrides();
  return presentRatingForStaff(await load(actor, id), new Date());
}

const by = (actor: StaffActor) => ({ staffId: actor.staffId, name: actor.username });

function expect(r: RatingRecord, status: RectificationStatus, action: string): void {
  if (r.rectification!.status !== status) {
    throw conflict('rectification.invalid_transition', `整改当前状态为“${RECTIFICATION_STATUS_NAMES[r.rectification!.status as RectificationStatus]}”，不能${action}`);
  }
}

async function update(actor: StaffActor, r: RatingRecord, action: string, change: Record<string, unknown>) {
  const res = await RatingModel.updateOne({ _id: r._id, 'rectification.status': r.rectification!.status }, change);
  if (res.matchedCount !== 1) throw new AppError(409, 'rectification.changed', '该整改事项刚被其他人处理过，请刷新后重试');
  await recordAudit(actor, `rectification.${action}`, { type: 'rating', id: String(r._id) }, { caseType: r.caseType, caseId: r.caseId });
  return getRectification(actor, String(r._id));
}

export async function respondToRectification(actor: StaffActor, id: string, input: { text: string }) {
  const r = await load(actor, id);
  if (!hasRole(actor, 'supervisor') && actor.department !== r.department) throw forbidden('rectification.not_your_department', '该整改事项不属于您所在部门');
  expect(r, 'open', '提交整改情况');
  return update(actor, r, 'respond', { $set: { 'rectification.status': 'responded' }, $push: { 'rectification.responses': { at: new Date(), text: input.text, by: by(actor) } } });
}

export async function verifyRectification(actor: StaffActor, id: string, input: { approved: boolean; note?: string }) {
  if (!hasRole(actor, 'supervisor')) throw forbidden('rectification.supervisor_only', '只有效能监察人员可以审核整改');
  const r = await load(actor, id);
  expect(r, 'responded', '审核');
  if (!input.approved && !input.note?.trim()) throw badRequest('rectification.note_required', '退回整改时请写明理由');
  const next = input.approved ? 'verified' : 'open';
  return update(actor, r, input.approved ? 'approve' : 'send_back', {
    $set: { 'rectification.status': next },
    $push: { 'rectification.reviews': { at: new Date(), approved: input.approved, note: input.note?.trim() || undefined, by: by(actor) } },
  });
}

export async function recordCallback(actor: StaffActor, id: string, input: { reached: boolean; satisfied?: boolean; note?: string }) {
  if (!hasRole(actor, 'supervisor')) throw forbidden('rectification.supervisor_only', '只有效能监察人员可以登记回访');
  const r = await load(actor, id);
  expect(r, 'verified', '登记回访');
  if (input.reached && input.satisfied === undefined) throw badRequest('rectification.satisfied_required', '请登记群众对整改结果是否满意');
  const now = new Date();
  const attempts = (r.rectification!.callbacks ?? []).length + 1;
  const done = input.reached || attempts >= RATING_RULES.maxCallbackAttempts;
  const callback = { at: now, reached: input.reached, satisfied: input.reached ? input.satisfied : undefined, note: input.note?.trim() || undefined, by: by(actor) };
  return update(actor, r, 'callback', {
    $push: { 'rectification.callbacks': callback },
    ...(done ? { $set: { 'rectification.status': 'closed', 'rectification.closedAt': now, 'rectification.outcome': input.reached ? 'called_back' : 'unreachable' } } : {}),
  });
}

/** The resident's number for the call-back (supervisors; audited). Never for anonymous cases. */
export async function callbackContact(actor: StaffActor, id: string) {
  if (!hasRole(actor, 'supervisor')) throw forbidden('rectification.supervisor_only', '只有效能监察人员可以查看回访号码');
  const r = await load(actor, id);
  if (r.anonymous) throw conflict('rectification.anonymous', '该事项为匿名提交，不提供联系方式');
  const user = await UserModel.findById(r.userId, { phoneEnc: 1 }).lean();
  if (!user?.phoneEnc) throw notFound('rectification.no_phone', '该群众没有登记手机号码');
  await recordAudit(actor, 'rectification.contact_read', { type: 'rating', id: String(r._id) });
  return { phone: decryptPersonal(user.phoneEnc) };
}
