/** Bookings: the slots of a guide at a service point, booking, my bookings, cancel and reschedule. */
import { api } from './api';

export interface Slot {
  id: string;
  date: string;
  start: string;
  end: string;
  /** "09:00-09:30". */
  time: string;
  window: { code: string; name: string };
  capacity: number;
  remaining: number;
  closed: boolean;
  bookable: boolean;
  unavailableReason?: string;
}

export interface SlotDay {
  guide: { code: string; name: string };
  servicePoint: { id: string; name: string };
  date: string | null;
  open: boolean;
  bookableDates: string[];
  items: Slot[];
}

export type BookingStatus = 'booked' | 'checked_in' | 'served' | 'no_show' | 'cancelled';

export interface Booking {
  id: string;
  code: string;
  /** What the QR code encodes, e.g. OW-BOOKING:<code>. */
  qrPayload: string;
  status: BookingStatus;
  statusName: string;
  guide: { code: string; name: string };
  servicePoint: { id: string; name: string };
  window: { code: string; name: string };
  slotId: string;
  date: string;
  start: string;
  end: string;
  timeLabel: string;
  smsNotice: boolean;
  smsNoticeHint?: string;
  changeable: boolean;
  changeDeadline: string;
  ticket: { id: string | null; number: string } | null;
  cancellation: { at: string; by: string | null; reason: string | null } | null;
  bookedAt: string;
}

export interface MyBookings {
  items: Booking[];
  realNameBound: boolean;
  smsNotice: boolean;
  blockedUntil: string | null;
}

export const listSlots = (guideCode: string, servicePointId: string, date?: string) =>
  api.get<SlotDay>('/api/v1/slots', { guideCode, servicePointId, date });

/** One key per confirmation: a retried tap or a lost answer never makes two bookings. */
export function newIdempotencyKey(): string {
  return `bk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export const createBooking = (slotId: string, guideCode: string, idempotencyKey: string) =>
  api.post<Booking>('/api/v1/bookings', { slotId, guideCode }, { 'Idempotency-Key': idempotencyKey });

export const listMyBookings = () => api.get<MyBookings>('/api/v1/bookings/mine');

export const getMyBooking = (id: string) => api.get<Booking>(`/api/v1/bookings/${encodeURIComponent(id)}`);

export const cancelBooking = (id: string) => api.delete<Booking>(`/api/v1/bookings/${encodeURIComponent(id)}`);

export const rescheduleBooking = (id: string, slotId: string) =>
  api.post<Booking>(`/api/v1/bookings/${encodeURIComponent(id)}/reschedule`, { slotId });
