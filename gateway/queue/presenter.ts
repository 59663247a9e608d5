/** What leaves the server about a ticket: full for staff, numbers only for residents, kiosks and the hall display. */
import type { Ticket, TicketStatus } from '../../models/ticket';
import { isoChina } from '../bookings/timing';

export const TICKET_STATUS_NAMES: Record<TicketStatus, string> = { waiting: '等候中', called: '请到窗口', served: '已办理', no_show: '过号' };
const KIND_NAMES = { booked: '预约', walk_in: '现场' } as const;

type TicketDoc = Ticket & { _id: unknown };

/** For the resident and the kiosk: the number, where to go, how many are ahead. */
export function presentTicket(t: TicketDoc, windowName: string, waitingAhead?: number) {
  return {
    id: String(t._id),
    number: t.number,
    kind: t.kind,
    kindName: KIND_NAMES[t.kind],
    status: t.status,
    statusName: TICKET_STATUS_NAMES[t.status],
    servicePoint: { id: t.servicePoint },
    window: { code: t.window, name: windowName },
    date: t.date,
    issuedAt: isoChina(t.issuedAt),
    ...(waitingAhead !== undefined ? { waitingAhead } : {}),
  };
}

/** For the window clerk: also the queue time, the guide, and who called it to which counter. */
export function presentTicketForStaff(t: TicketDoc, windowName: string) {
  return {
    ...presentTicket(t, windowName),
    queueAt: isoChina(t.queueAt),
    bookingId: t.bookingId ?? null,
    guide: t.guideCode ? { code: t.guideCode, name: t.guideName ?? null } : null,
    calledAt: t.calledAt ? isoChina(t.calledAt) : null,
    calledBy: t.calledBy ?? null,
    counter: t.counter ?? null,
  };
}
