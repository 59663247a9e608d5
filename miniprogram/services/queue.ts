/** The hall queue: the public "now serving" display and the clerk's calling at a window. */
import { api } from './api';

export interface NowServing {
  servicePoint: { id: string; name: string };
  date: string;
  windows: Array<{
    code: string;
    name: string;
    ticketPrefix: string;
    calling: Array<{ number: string; counter: number | null; calledAt: string }>;
    waiting: number;
  }>;
  latest: Array<{ number: string; counter: number | null; calledAt: string; window: { code: string; name: string } }>;
  updatedAt: string;
}

export interface StaffTicket {
  id: string;
  number: string;
  kind: 'booked' | 'walk_in';
  kindName: string;
  status: 'waiting' | 'called' | 'served' | 'no_show';
  statusName: string;
  window: { code: string; name: string };
  date: string;
  issuedAt: string;
  queueAt: string;
  bookingId: string | null;
  guide: { code: string; name: string | null } | null;
  calledAt: string | null;
  counter: number | null;
}

export const fetchNowServing = (servicePointId: string) => api.get<NowServing>('/api/v1/queue/now-serving', { servicePointId });

export const fetchMyQueue = () => api.get<{ date: string; called: StaffTicket[]; waiting: StaffTicket[] }>('/api/v1/staff/queue');

export const callNext = (counter?: number) => api.post<{ ticket: StaffTicket | null; waiting: number }>('/api/v1/staff/queue/call-next', { counter });

export const markServed = (id: string) => api.post<StaffTicket>(`/api/v1/staff/queue/tickets/${encodeURIComponent(id)}/served`);

export const markNoShow = (id: string) => api.post<StaffTicket>(`/api/v1/staff/queue/tickets/${encodeURIComponent(id)}/no-show`);

export const checkInBooking = (code: string) => api.post<StaffTicket>('/api/v1/staff/queue/check-in', { code });

export const issueWalkIn = (window?: string) => api.post<StaffTicket>('/api/v1/staff/queue/walk-ins', { window });
