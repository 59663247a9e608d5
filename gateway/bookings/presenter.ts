/** Every field of a booking or slot that leaves the server. */
import type { Booking, BookingStatus } from '../../models/booking';
import type { BookingRules } from './rules';
import { changeDeadline, dateLabel, isoChina } from './timing';

export const BOOKING_STATUS_NAMES: Record<BookingStatus, string> = {
  booked: '已预约',
  checked_in: '已取号',
  served: '已办理',
  no_show: '未到场',
  cancelled: '已取消',
};

/** What the mini-program encodes in the QR code shown at the hall. */
export const qrPayload = (code: string) => `OW-BOOKING:${code}`;

const SMS_HINT = '您尚未验证手机号，将收不到预约短信提醒；可在“我的”页面验证手机号';

export function presentBooking(b: Booking & { _id: unknown }, now: Date, rules: BookingRules) {
  const deadline = changeDeadline(b.startAt, rules);
  return {
    id: String(b._id),
    code: b.code,
    qrPayload: qrPayload(b.code),
    status: b.status,
    statusName: BOOKING_STATUS_NAMES[b.status],
    guide: { code: b.guideCode, name: b.guideName },
    servicePoint: { id: b.servicePoint, name: b.servicePointName },
    window: { code: b.window, name: b.windowName },
    slotId: b.slotId,
    date: b.date,
    start: isoChina(b.startAt),
    end: isoChina(b.endAt),
    timeLabel: `${dateLabel(b.date)} ${b.start}-${b.end}`,
    smsNotice: b.smsNotice,
    ...(b.smsNotice ? {} : { smsNoticeHint: SMS_HINT }),
    changeable: b.status === 'booked' && now.getTime() <= deadline.getTime(),
    changeDeadline: isoChina(deadline),
    ticket: b.ticketNumber ? { id: b.ticketId ?? null, number: b.ticketNumber } : null,
    cancellation: b.cancellation?.at ? { at: b.cancellation.at, by: b.cancellation.by ?? null, reason: b.cancellation.reason ?? null } : null,
    bookedAt: b.bookedAt,
  };
}

export type PresentedBooking = ReturnType<typeof presentBooking>;
