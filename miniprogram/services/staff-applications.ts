/** Staff work on applications: the inbox sorted by light, one case, its transitions, supervision. */
import { api } from './api';
import type { ApplicationState, Light, OwnApplication } from './applications';

export type ApplicationAction =
  | 'accept'
  | 'request_supplement'
  | 'refuse'
  | 'start_review'
  | 'approve'
  | 'reject'
  | 'mark_ready'
  | 'complete'
  | 'pause'
  | 'resume'
  | 'extend';

export type SpecialProcedure = 'site_inspection' | 'expert_review' | 'public_notice' | 'hearing';

export interface StaffApplication extends OwnApplication {
  caseType: 'immediate' | 'promised';
  promisedDays: number;
  legalDeadline: string | null;
  windowCode: string | null;
  assignee: { staffId: string; name: string } | null;
  extensionRequest: { days: number; reason: string; by: string } | null;
  escalatedAt: string | null;
}

export interface TransitionInput {
  action: ApplicationAction;
  note?: string;
  reason?: string;
  missing?: string;
  procedure?: SpecialProcedure;
  days?: number;
  pickup?: string;
}

export interface InboxFilter {
  state?: ApplicationState;
  light?: Light;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export interface SupervisionDashboard {
  asOf: string;
  open: number;
  byLight: { green: number; yellow: number; red: number; notStarted: number };
  byDepartment: Array<{ department: string; open: number; red: number; yellow: number }>;
  byWindow: Array<{ window: string; open: number; red: number; yellow: number }>;
  completed: number;
  onTimeRate: number | null;
  averageWorkingDays: number | null;
  overdue: StaffApplication[];
}

export interface SmsRecord {
  id: string;
  kind: string;
  phone?: string;
  status: string;
  preview?: string;
  createdAt: string;
  [field: string]: unknown;
}

export const fetchInbox = (filter: InboxFilter = {}) =>
  api.get<{ items: StaffApplication[]; total: number }>('/api/v1/staff/applications', { ...filter, page: filter.page ?? 1, pageSize: filter.pageSize ?? 20 });

export const fetchStaffApplication = (number: string) => api.get<StaffApplication>(`/api/v1/staff/applications/${encodeURIComponent(number)}`);

export const applyTransition = (number: string, input: TransitionInput) =>
  api.post<StaffApplication>(`/api/v1/staff/applications/${encodeURIComponent(number)}/transitions`, input);

export const registerWalkIn = (guideCode: string, applicant: { name: string; phone: string }) =>
  api.post<StaffApplication>('/api/v1/staff/applications', { guideCode, applicant });

export const fetchSupervision = () => api.get<SupervisionDashboard>('/api/v1/staff/supervision/applications');

export const fetchSmsLog = (page = 1, pageSize = 20) => api.get<{ items: SmsRecord[]; total: number }>('/api/v1/staff/messages', { page, pageSize });
