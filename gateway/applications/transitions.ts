/**
 * Moving an application through its flow. Each action is checked against the table in states.ts
 * (state, role, department), applied atomically (guarded by the state and timeline length, so two
 * clerks cannot both act on what they saw), and — when the applicant should know — queues exactly
 * one SMS in the same transaction, keyed by the timeline entry that caused it.
 */
import { ApplicationModel, type Application, type ApplicationState } from '../../models/application';
import { addWorkingDays, chinaDate, loadCalendarOverrides, workingDaysBetween } from '../calendar/working-days';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors';
import { hasRole, type StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { enqueueMessage } from '../notifications/queue';
import type { MessageKind } from '../notifications/templates';
import { decryptPersonal } from '../privacy/crypto';
import { deadlineFor } from './clock';
import { presentForStaff } from './presenter';
import { ACTION_NAMES, RULES, SPECIAL_PROCEDURES, STATE_NAMES, type Action, type SpecialProcedure } from './states';

export interface TransitionInput {
  action: Action;
  note?: string;
  /** Why (refuse, reject, extend). */
  reason?: string;
  /** What is missing (request_supplement). */
  missing?: string;
  /** Which special procedure (pause). */
  procedure?: SpecialProcedure;
  /** Extra working days (extend). */
  days?: number;
  /** Where and how to collect the result (mark_ready). */
  pickup?: string;
}

type App = Application & { _id: unknown };

function mayAct(actor: StaffActor, app: App, action: Action): void {
  const rule = RULES[action];
  const byRole = hasRole(actor, ...rule.roles);
  const byChief = Boolean(rule.chief && actor.chiefRepresentative && actor.department === app.department);
  if (!byRole && !byChief) throw forbidden('application.role_forbidden', `您的岗位不能进行“${ACTION_NAMES[action]}”操作`);
  if (actor.roles.includes('admin')) return;
  if (rule.department && !byChief && actor.roles.includes('approver') && actor.department !== app.department) {
    throw forbidden('application.not_your_department', '该办件不属于您所在部门');
  }
  const clerkOnly = actor.roles.includes('clerk') && !actor.roles.includes('approver') && !actor.roles.includes('supervisor');
  if (clerkOnly && actor.servicePoint && actor.servicePoint !== app.servicePoint) {
    throw forbidden('application.not_your_point', '该办件不在您所在的服务网点办理');
  }
}

function refuseTransition(app: App, action: Action): never {
  throw conflict('application.invalid_transition', `办件当前状态为“${STATE_NAMES[app.state as ApplicationState]}”，不能进行“${ACTION_NAMES[action]}”操作`, { state: app.state, action });
}

interface Change {
  set: Record<string, unknown>;
  unset?: Record<string, 1>;
  to: ApplicationState;
  note?: string;
  sms?: { kind: MessageKind; params: Record<string, string> };
  timelineAction?: string;
}

function plan(app: App, input: TransitionInput, actor: StaffActor, today: string): Change {
  const rule = RULES[input.action];
  if (!rule.from.includes(app.state as ApplicationState)) refuseTransition(app, input.action);
  const c = app.clock ?? ({} as NonNullable<App['clock']>);
  const deadline = (paused: number, ext: number) => deadlineFor(c.startedOn!, app.promisedDays, paused, ext);
  const item = app.guideName;
  const number = app.number;
  switch (input.action) {
    case 'accept': {
      const set = { 'clock.startedOn': today, 'clock.pausedDays': 0, 'clock.extensionDays': 0, 'clock.deadline': addWorkingDays(today, app.promisedDays), 'clock.legalDeadline': addWorkingDays(today, app.legalDays) };
      return { set, to: 'accepted', note: input.note, sms: { kind: 'application_accepted', params: { number, item, promisedDate: set['clock.deadline'] } } };
    }
    case 'request_supplement': {
      if (!input.missing?.trim()) throw badRequest('application.missing_required', '请写明需要补正的材料');
      return {
        set: { state: 'supplement_requested', resumeTo: app.state, ...(c.startedOn ? { pause: { reason: 'supplement', since: today } } : {}) },
        to: 'supplement_requested',
        note: `需补正：${input.missing.trim()}`,
        sms: { kind: 'application_supplement', params: { number, item, missing: input.missing.trim() } },
      };
    }
    case 'refuse':
    case 'reject': {
      if (!input.reason?.trim()) throw badRequest('application.reason_required', input.action === 'refuse' ? '请填写不予受理的理由' : '请填写不予批准的理由');
      const to: ApplicationState = input.action === 'refuse' ? 'not_accepted' : 'rejected';
      return {
        set: { decision: { outcome: to, reason: input.reason.trim(), by: actor.username, at: new Date() } },
        unset: { pause: 1 },
        to,
        note: input.reason.trim(),
        sms: input.action === 'reject' ? { kind: 'application_rejected', params: { number, item, reason: input.reason.trim() } } : undefined,
      };
    }
    case 'start_review':
      return { set: { assignee: { staffId: actor.staffId, name: actor.username } }, to: 'under_review', note: input.note };
    case 'approve':
      return { set: { decision: { outcome: 'approved', by: actor.username, at: new Date() } }, to: 'approved', note: input.note, sms: { kind: 'application_approved', params: { number, item } } };
    case 'mark_ready': {
      const pickup = input.pickup?.trim() || '请携带身份证件到受理窗口领取';
      return { set: { result: { pickup } }, to: 'result_ready', note: pickup, sms: { kind: 'application_ready', params: { number, item, pickup } } };
    }
    case 'complete':
      if (app.state === 'accepted' && app.caseType !== 'immediate') refuseTransition(app, 'complete');
      return { set: { completedOn: today }, unset: { pause: 1 }, to: 'completed', note: input.note };
    case 'pause': {
      if (app.pause?.since) throw conflict('application.already_paused', '办件已暂停计时');
      if (!input.procedure || !(input.procedure in SPECIAL_PROCEDURES)) throw badRequest('application.procedure_required', '请选择特别程序（现场踏勘、专家评审、公示或听证）');
      return { set: { pause: { reason: input.procedure, since: today } }, to: app.state as ApplicationState, note: `${SPECIAL_PROCEDURES[input.procedure]}${input.note ? `：${input.note}` : ''}` };
    }
    case 'resume': {
      const since = app.pause?.since;
      if (!since && app.state !== 'supplement_requested') throw conflict('application.not_paused', '办件没有暂停计时');
      const paused = (c.pausedDays ?? 0) + (since ? Math.max(0, workingDaysBetween(since, today)) : 0);
      const to = (app.state === 'supplement_requested' ? app.resumeTo : app.state) as ApplicationState;
      const set: Record<string, unknown> = { 'clock.pausedDays': paused };
      if (c.startedOn) set['clock.deadline'] = deadline(paused, c.extensionDays ?? 0);
      return { set, unset: { pause: 1, resumeTo: 1 }, to, note: input.note };
    }
    case 'extend': {
      const days = input.days ?? app.extensionRequest?.days;
      if (!days || days < 1 || days > 60) throw badRequest('application.days_required', '请填写需要延长的工作日天数（1-60）');
      if (!input.reason?.trim() && !app.extensionRequest?.reason) throw badRequest('application.reason_required', '请填写延长时限的理由');
      const reason = input.reason?.trim() || app.extensionRequest!.reason!;
      if (!hasRole(actor, 'supervisor')) {
        // Not approved yet: the request waits for a supervisor.
        return { set: { extensionRequest: { days, reason, by: actor.username, at: new Date() } }, to: app.state as ApplicationState, note: `申请延长${days}个工作日：${reason}`, timelineAction: 'extension_requested' };
      }
      if (!c.startedOn) throw conflict('application.not_accepted', '办件尚未受理，不需要延长时限');
      const ext = (c.extensionDays ?? 0) + days;
      return { set: { 'clock.extensionDays': ext, 'clock.deadline': deadline(c.pausedDays ?? 0, ext) }, unset: { extensionRequest: 1 }, to: app.state as ApplicationState, note: `批准延长${days}个工作日：${reason}` };
    }
  }
}

export async function applyTransition(actor: StaffActor, number: string, input: TransitionInput) {
  await loadCalendarOverrides();
  const app = (await ApplicationModel.findOne({ number }).lean()) as App | null;
  if (!app) throw notFound('application.not_found', '未找到该办件');
  mayAct(actor, app, input.action);
  const now = new Date();
  const change = plan(app, input, actor, chinaDate(now));
  const event = { at: now, action: change.timelineAction ?? input.action, from: app.state, to: change.to, by: { kind: 'staff', staffId: actor.staffId, name: actor.username }, note: change.note };
  const session = await ApplicationModel.startSession();
  try {
    await session.withTransaction(async () => {
      const res = await ApplicationModel.updateOne(
        { _id: app._id, state: app.state, timeline: { $size: app.timeline.length } },
        { $set: { ...change.set, state: change.to }, ...(change.unset ? { $unset: change.unset } : {}), $push: { timeline: event } },
        { session },
      );
      if (res.matchedCount !== 1) throw new AppError(409, 'application.changed', '办件刚被其他人处理过，请刷新后重试');
      if (change.sms) {
        await enqueueMessage(
          { kind: change.sms.kind, phone: decryptPersonal(app.applicant!.phoneEnc), params: change.sms.params as never, dedupeKey: `application:${app.number}:event:${app.timeline.length}`, userId: app.applicant?.userId ?? undefined, cause: { type: 'application', id: app.number } },
          session,
        );
      }
    });
  } finally {
    await session.endSession();
  }
  await recordAudit(actor, `application.${event.action}`, { type: 'application', id: app.number }, { from: app.state, to: change.to });
  const updated = (await ApplicationModel.findOne({ _id: app._id }).lean()) as App;
  return presentForStaff(updated, now);
}
