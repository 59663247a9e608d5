/** The filing form's state and the checks before sending. */
import type { ComplaintCategory, ComplaintInput, ComplaintType } from '../../../services/complaints';
import { isMobilePhone } from '../../../utils/validation';

export interface ComplaintDraft {
  type: ComplaintType;
  category: ComplaintCategory | '';
  content: string;
  department: string;
  staff: string;
  anonymous: boolean;
  phone: string;
}

export const EMPTY_COMPLAINT: ComplaintDraft = { type: 'complaint', category: '', content: '', department: '', staff: '', anonymous: false, phone: '' };

export const TYPE_HINTS: Record<ComplaintType, string> = {
  complaint: '对工作人员或办事过程不满意',
  consultation: '想了解政策或办事流程',
  suggestion: '对我们的服务提出建议',
};

export function draftProblem(draft: ComplaintDraft, needsPhone: boolean): string | undefined {
  if (!draft.category) return '请选择类别';
  if (draft.content.trim().length < 5) return '请具体描述您反映的问题（至少5个字）';
  if (needsPhone && !isMobilePhone(draft.phone)) return '请填写11位手机号码，用于查询进度和接收答复';
  return undefined;
}

export function toInput(draft: ComplaintDraft, needsPhone: boolean): ComplaintInput {
  const target = { department: draft.department.trim() || undefined, staff: draft.staff.trim() || undefined };
  return {
    type: draft.type,
    category: draft.category as ComplaintCategory,
    content: draft.content.trim(),
    anonymous: draft.anonymous,
    ...(target.department || target.staff ? { target } : {}),
    ...(needsPhone ? { phone: draft.phone.trim() } : {}),
  };
}
