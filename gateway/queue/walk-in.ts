/** Walk-in tickets (现场取号), issued by hall staff for a window of their service point. */
import { chinaDate } from '../calendar/working-days';
import { GuideModel } from '../../models/guide';
import { now as clockNow } from '../bookings/clock';
import { assertStaffScope } from '../bookings/scope';
import { badRequest, notFound } from '../errors';
import type { StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { countAhead, issueTicket, loadPointWindow } from './issue';
import { presentTicketForStaff } from './presenter';

export interface WalkInInput {
  /** Defaults to the staff member's own point and window. */
  servicePointId?: string;
  window?: string;
  guideCode?: string;
}

export async function issueWalkIn(actor: StaffActor, input: WalkInInput, now = clockNow()) {
  const servicePoint = input.servicePointId ?? actor.servicePoint;
  if (!servicePoint) throw badRequest('queue.point_required', '请选择服务网点');
  const windowCode = input.window ?? (servicePoint === actor.servicePoint ? actor.window : undefined);
  if (!windowCode) throw badRequest('queue.window_required', '请选择窗口');
  assertStaffScope(actor, servicePoint);
  const { point, window } = await loadPointWindow(servicePoint, windowCode);
  let guide: { code: string; name: string } | undefined;
  if (input.guideCode) {
    const g = await GuideModel.findOne({ code: input.guideCode }, { code: 1, name: 1 }).lean();
    if (!g) throw notFound('guide.not_found', '未找到该办事事项');
    guide = { code: g.code, name: g.name };
  }
  const ticket = await issueTicket({ point, window, date: chinaDate(now), issuedAt: now, kind: 'walk_in', guide, issuedVia: 'clerk', issuedBy: actor.staffId });
  await recordAudit(actor, 'ticket.walk_in', { type: 'ticket', id: String(ticket._id) }, { number: ticket.number, servicePoint, window: windowCode });
  return { ...presentTicketForStaff(ticket, window.name), waitingAhead: await countAhead(ticket) };
}
