/** Staff sign in with username and password; roles decide which staff pages they see. */
import { api } from './api';

export type StaffRole = 'clerk' | 'approver' | 'supervisor' | 'admin';

export interface StaffProfile {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  servicePoint: string | null;
  window: string | null;
  department: string | null;
  chiefRepresentative: boolean;
}

export const staffLogin = (username: string, password: string) =>
  api.post<{ token: string; expiresAt: string; staff: StaffProfile }>('/api/v1/auth/staff-login', { username, password });

export const fetchStaffMe = () => api.get<StaffProfile>('/api/v1/staff/me');
