/**
 * Which handling steps a staff member may take on an item now, as the gateway allows them:
 * supervisors acknowledge, assign and close; the assigned department (or a supervisor) answers.
 */
import type { ComplaintStatus, StaffComplaintAction } from '../../../services/complaints';
import type { StaffProfile } from '../../../services/staff-auth';

export interface ComplaintActionSpec {
  action: StaffComplaintAction;
  label: string;
  /** The field to fill in the dialog, and whether it is required. */
  field: 'note' | 'department' | 'text';
  fieldLabel: string;
  required: boolean;
}

const SPECS: Record<StaffComplaintAction, ComplaintActionSpec> = {
  acknowledge: { action: 'acknowledge', label: '签收', field: 'note', fieldLabel: '备注（可不填）', required: false },
  assign: { action: 'assign', label: '转交部门', field: 'department', fieldLabel: '承办部门', required: true },
  reply: { action: 'reply', label: '答复', field: 'text', fieldLabel: '答复内容（将告知群众）', required: true },
  close: { action: 'close', label: '办结', field: 'note', fieldLabel: '办结说明', required: true },
};

export function complaintActions(c: { status: ComplaintStatus; department: string | null }, staff: Pick<StaffProfile, 'roles' | 'department'>): ComplaintActionSpec[] {
  const supervisor = staff.roles.includes('supervisor') || staff.roles.includes('admin');
  const ownDepartment = Boolean(c.department && staff.department === c.department);
  const out: ComplaintActionSpec[] = [];
  if (supervisor && c.status === 'received') out.push(SPECS.acknowledge);
  if (supervisor && ['received', 'acknowledged', 'assigned'].includes(c.status)) out.push(SPECS.assign);
  if ((supervisor || ownDepartment) && ['acknowledged', 'assigned'].includes(c.status)) out.push(SPECS.reply);
  if (supervisor && c.status !== 'closed') out.push(SPECS.close);
  return out;
}

/** The request body of a step from what was typed. */
export function complaintActionBody(spec: ComplaintActionSpec, value: string): Record<string, string | undefined> {
  return { [spec.field]: value.trim() || undefined };
}
