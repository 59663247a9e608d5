/**
 * Complaints, consultations and suggestions (投诉、咨询、建议): filing with photos, following by the
 * signed-in filer or by tracking number + the phone's last four digits, and staff handling.
 */
import { api, upload, type QueryValue } from './api';
import type { ChosenUpload } from './applications';
import type { Light } from './applications';

export type ComplaintType = 'complaint' | 'consultation' | 'suggestion';
export type ComplaintCategory = 'attitude' | 'slow_handling' | 'improper_fees' | 'bribery' | 'system_fault' | 'other';
export type ComplaintStatus = 'received' | 'acknowledged' | 'assigned' | 'replied' | 'closed';

export interface ComplaintOptions {
  types: Array<{ code: ComplaintType; name: string }>;
  categories: Array<{ code: ComplaintCategory; name: string; description: string }>;
  photos: { max: number; maxBytes: number };
}

export interface ComplaintInput {
  type: ComplaintType;
  category: ComplaintCategory;
  content: string;
  anonymous?: boolean;
  target?: { department?: string; window?: string; staff?: string; guideCode?: string };
  /** Needed unless the signed-in resident has a verified phone. */
  phone?: string;
}

export interface Complaint {
  trackingNumber: string;
  type: ComplaintType;
  typeName: string;
  category: ComplaintCategory;
  categoryName: string;
  content: string;
  target: { department: string | null; window: string | null; staff: string | null };
  anonymous: boolean;
  status: ComplaintStatus;
  statusName: string;
  department: string | null;
  receivedAt: string;
  acknowledgeBy: string;
  answerBy: string;
  closedAt: string | null;
  photos: Array<{ id: string; name: string | null; url: string }>;
  replies: Array<{ text: string; department: string | null; at: string }>;
  additions: Array<{ text: string; at: string }>;
  timeline: Array<{ type: string; name: string; at: string; department: string | null }>;
  rated: boolean;
  actions: { addInformation: boolean; addPhotos: boolean; confirm: boolean; reopen: boolean; rate: boolean };
}

export interface ComplaintSummary {
  trackingNumber: string;
  typeName: string;
  categoryName: string;
  excerpt: string;
  status: ComplaintStatus;
  statusName: string;
  receivedAt: string;
  answerBy: string;
  repliedAt: string | null;
}

/** Who may follow an item: the signed-in filer (nothing needed) or anyone with the phone's last four. */
export interface Holder {
  phoneLast4?: string;
}

const path = (trackingNumber: string, rest = '') => `/api/v1/complaints/${encodeURIComponent(trackingNumber)}${rest}`;

export const fetchComplaintOptions = () => api.get<ComplaintOptions>('/api/v1/complaints/categories');

export const fileComplaint = (input: ComplaintInput) => api.post<Complaint>('/api/v1/complaints', input);

export const uploadComplaintPhoto = (trackingNumber: string, file: ChosenUpload, holder: Holder = {}) =>
  upload<Complaint>(path(trackingNumber, `/photos${holder.phoneLast4 ? `?phoneLast4=${holder.phoneLast4}` : ''}`), { ...file, field: 'photos' });

export const lookupComplaint = (trackingNumber: string, holder: Holder = {}) =>
  api.get<Complaint>(path(trackingNumber), { phoneLast4: holder.phoneLast4 } as Record<string, QueryValue>);

export const listMyComplaints = () => api.get<{ items: ComplaintSummary[]; total: number }>('/api/v1/me/complaints', { page: 1, pageSize: 50 });

export const addComplaintInformation = (trackingNumber: string, text: string, holder: Holder = {}) =>
  api.post<Complaint>(path(trackingNumber, '/information'), { text, ...holder });

export const confirmComplaintAnswer = (trackingNumber: string, holder: Holder = {}) => api.post<Complaint>(path(trackingNumber, '/confirm'), { ...holder });

export const reopenComplaint = (trackingNumber: string, reason: string, holder: Holder = {}) =>
  api.post<Complaint>(path(trackingNumber, '/reopen'), { reason, ...holder });

/* Staff */

export interface StaffComplaint {
  trackingNumber: string;
  typeName: string;
  categoryName: string;
  status: ComplaintStatus;
  statusName: string;
  light: Light | null;
  lightName: string | null;
  dueDate: string | null;
  department: string | null;
  target: { department: string | null; window: string | null; staff: string | null };
  channel: string;
  anonymous: boolean;
  escalated: boolean;
  receivedAt: string;
  excerpt?: string;
  content?: string;
  filer?: { phone: string | null; name: string | null; registered: boolean } | null;
  photos?: Array<{ id: string; name: string | null; url: string }>;
  answerBy?: string;
  replies?: Array<{ text: string; department: string | null; staff: string | null; at: string }>;
  additions?: Array<{ text: string; at: string }>;
  events?: Array<{ type: string; name: string; at: string; by: { kind: string; name: string | null }; note: string | null; department: string | null }>;
}

export type StaffComplaintAction = 'acknowledge' | 'assign' | 'reply' | 'close';

const staffPath = (trackingNumber: string, rest = '') => `/api/v1/staff/complaints/${encodeURIComponent(trackingNumber)}${rest}`;

export const fetchStaffComplaints = (filter: { light?: Light; status?: ComplaintStatus } = {}) =>
  api.get<{ items: StaffComplaint[]; total: number }>('/api/v1/staff/complaints', { ...filter, page: 1, pageSize: 50 });

export const fetchStaffComplaint = (trackingNumber: string) => api.get<StaffComplaint>(staffPath(trackingNumber));

export const actOnComplaint = (trackingNumber: string, action: StaffComplaintAction, body: Record<string, string | undefined>) =>
  api.post<StaffComplaint>(staffPath(trackingNumber, `/${action}`), body);
