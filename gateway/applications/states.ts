/**
 * The application flow as a table: for each action, the states it may start from, where it goes,
 * and who may take it. Anything else is refused with 409 and a clear message.
 */
import type { ApplicationState } from '../../models/application';
import type { StaffRole } from '../../models/staff';

export const ACTIONS = ['accept', 'request_supplement', 'refuse', 'start_review', 'approve', 'reject', 'mark_ready', 'complete', 'pause', 'resume', 'extend'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActionRule {
  from: ApplicationState[];
  /** Target state; `resume` returns to the state the case came from, `pause`/`extend` keep it. */
  to?: ApplicationState;
  roles: StaffRole[];
  /** A chief representative (首席代表) at the window may also take it. */
  chief?: boolean;
  /** Must be done by staff of the case's department (approvers). */
  department?: boolean;
}

export const RULES: Record<Action, ActionRule> = {
  accept: { from: ['submitted'], to: 'accepted', roles: ['clerk'] },
  request_supplement: { from: ['submitted', 'accepted', 'under_review'], to: 'supplement_requested', roles: ['clerk', 'approver'] },
  refuse: { from: ['submitted', 'supplement_requested'], to: 'not_accepted', roles: ['clerk'] },
  start_review: { from: ['accepted'], to: 'under_review', roles: ['approver'], chief: true, department: true },
  approve: { from: ['under_review'], to: 'approved', roles: ['approver'], chief: true, department: true },
  reject: { from: ['under_review'], to: 'rejected', roles: ['approver'], chief: true, department: true },
  mark_ready: { from: ['approved'], to: 'result_ready', roles: ['clerk', 'approver'] },
  complete: { from: ['result_ready', 'accepted'], to: 'completed', roles: ['clerk'] },
  pause: { from: ['accepted', 'under_review'], roles: ['approver', 'clerk'] },
  resume: { from: ['supplement_requested', 'accepted', 'under_review'], roles: ['clerk', 'approver'] },
  extend: { from: ['accepted', 'under_review', 'supplement_requested', 'approved'], roles: ['approver', 'clerk', 'supervisor'] },
};

export const STATE_NAMES: Record<ApplicationState, string> = {
  submitted: '已提交（待受理）',
  accepted: '已受理',
  supplement_requested: '待补正材料',
  not_accepted: '不予受理',
  under_review: '审查中',
  approved: '审批通过',
  rejected: '审批未通过',
  result_ready: '结果待领取',
  completed: '已办结',
};

export const ACTION_NAMES: Record<Action | 'register' | 'submit' | 'supply' | 'escalate' | 'extension_requested', string> = {
  register: '窗口登记',
  submit: '网上申报',
  accept: '受理',
  request_supplement: '要求补正材料',
  refuse: '不予受理',
  start_review: '开始审查',
  approve: '审批通过',
  reject: '审批不通过',
  mark_ready: '结果待领取',
  complete: '办结',
  pause: '特别程序（暂停计时）',
  resume: '恢复计时',
  extend: '延长办理时限',
  supply: '申请人补充材料',
  escalate: '超期督办',
  extension_requested: '申请延长时限',
};

export const SPECIAL_PROCEDURES = { site_inspection: '现场踏勘', expert_review: '专家评审', public_notice: '公示', hearing: '听证' } as const;
export type SpecialProcedure = keyof typeof SPECIAL_PROCEDURES;
