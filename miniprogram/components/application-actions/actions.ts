/**
 * Which flow actions a staff member may take on an application now, mirroring the gateway's table
 * (gateway/applications/states.ts) so the inbox only offers buttons that can work. The gateway
 * still decides; its refusal message is shown as-is.
 */
import type { ApplicationState } from '../../services/applications';
import type { StaffProfile, StaffRole } from '../../services/staff-auth';
import type { ApplicationAction, SpecialProcedure, StaffApplication } from '../../services/staff-applications';

/** What the staff member must write before the action goes through. */
export type ActionInput = 'none' | 'note' | 'reason' | 'missing' | 'procedure' | 'extension' | 'pickup';

export interface ActionSpec {
  action: ApplicationAction;
  label: string;
  input: ActionInput;
  /** Ends the case badly for the applicant: drawn as a warning button. */
  negative?: boolean;
  from: ApplicationState[];
  roles: StaffRole[];
  /** A chief representative of the case's department may take it too. */
  chief?: boolean;
  /** Approvers only on their own department's cases. */
  department?: boolean;
}

export const ACTION_SPECS: ActionSpec[] = [
  { action: 'accept', label: '受理', input: 'note', from: ['submitted'], roles: ['clerk'] },
  { action: 'start_review', label: '开始审查', input: 'none', from: ['accepted'], roles: ['approver'], chief: true, department: true },
  { action: 'approve', label: '审批通过', input: 'note', from: ['under_review'], roles: ['approver'], chief: true, department: true },
  { action: 'mark_ready', label: '结果待领取', input: 'pickup', from: ['approved'], roles: ['clerk', 'approver'] },
  { action: 'complete', label: '办结', input: 'note', from: ['result_ready', 'accepted'], roles: ['clerk'] },
  { action: 'request_supplement', label: '要求补正', input: 'missing', from: ['submitted', 'accepted', 'under_review'], roles: ['clerk', 'approver'] },
  { action: 'pause', label: '特别程序', input: 'procedure', from: ['accepted', 'under_review'], roles: ['approver', 'clerk'] },
  { action: 'resume', label: '恢复计时', input: 'note', from: ['supplement_requested', 'accepted', 'under_review'], roles: ['clerk', 'approver'] },
  { action: 'extend', label: '延长时限', input: 'extension', from: ['accepted', 'under_review', 'supplement_requested', 'approved'], roles: ['approver', 'clerk', 'supervisor'] },
  { action: 'refuse', label: '不予受理', input: 'reason', negative: true, from: ['submitted', 'supplement_requested'], roles: ['clerk'] },
  { action: 'reject', label: '审批不通过', input: 'reason', negative: true, from: ['under_review'], roles: ['approver'], chief: true, department: true },
];

export const PROCEDURE_NAMES: Record<SpecialProcedure, string> = {
  site_inspection: '现场踏勘',
  expert_review: '专家评审',
  public_notice: '公示',
  hearing: '听证',
};

type CaseFacts = Pick<StaffApplication, 'state' | 'department' | 'caseType' | 'paused'>;
type Staff = Pick<StaffProfile, 'roles' | 'department' | 'chiefRepresentative'>;

function mayTake(spec: ActionSpec, app: CaseFacts, staff: Staff): boolean {
  if (staff.roles.includes('admin')) return true;
  const byRole = staff.roles.some((r) => spec.roles.includes(r));
  const byChief = Boolean(spec.chief && staff.chiefRepresentative && staff.department === app.department);
  if (!byRole && !byChief) return false;
  if (spec.department && !byChief && staff.roles.includes('approver') && staff.department !== app.department) return false;
  return true;
}

function fitsCase(spec: ActionSpec, app: CaseFacts): boolean {
  if (!spec.from.includes(app.state)) return false;
  switch (spec.action) {
    case 'complete':
      return app.state === 'result_ready' || app.caseType === 'immediate';
    case 'pause':
      return !app.paused;
    case 'resume':
      return Boolean(app.paused) || app.state === 'supplement_requested';
    default:
      return true;
  }
}

/** The actions to offer, in the order of the flow; refusals last. */
export function availableActions(app: CaseFacts, staff: Staff): ActionSpec[] {
  return ACTION_SPECS.filter((spec) => fitsCase(spec, app) && mayTake(spec, app, staff));
}

export interface ActionDraft {
  note: string;
  reason: string;
  missing: string;
  procedure: SpecialProcedure | '';
  days: string;
  pickup: string;
}

export const EMPTY_DRAFT: ActionDraft = { note: '', reason: '', missing: '', procedure: '', days: '', pickup: '' };

/** Why the draft cannot be sent yet, in the words the gateway would use; undefined when fine. */
export function draftProblem(input: ActionInput, draft: ActionDraft): string | undefined {
  switch (input) {
    case 'reason':
      return draft.reason.trim() ? undefined : '请填写理由';
    case 'missing':
      return draft.missing.trim() ? undefined : '请写明需要补正的材料';
    case 'procedure':
      return draft.procedure ? undefined : '请选择特别程序';
    case 'extension': {
      const days = Number(draft.days);
      if (!Number.isInteger(days) || days < 1 || days > 60) return '请填写需要延长的工作日天数（1-60）';
      return draft.reason.trim() ? undefined : '请填写延长时限的理由';
    }
    default:
      return undefined;
  }
}

/** The request body for the transition. */
export function transitionBody(spec: ActionSpec, draft: ActionDraft) {
  const text = (v: string) => (v.trim() ? v.trim() : undefined);
  switch (spec.input) {
    case 'reason':
      return { action: spec.action, reason: text(draft.reason) };
    case 'missing':
      return { action: spec.action, missing: text(draft.missing) };
    case 'procedure':
      return { action: spec.action, procedure: draft.procedure || undefined, note: text(draft.note) };
    case 'extension':
      return { action: spec.action, days: Number(draft.days), reason: text(draft.reason) };
    case 'pickup':
      return { action: spec.action, pickup: text(draft.pickup) };
    case 'note':
      return { action: spec.action, note: text(draft.note) };
    default:
      return { action: spec.action };
  }
}
