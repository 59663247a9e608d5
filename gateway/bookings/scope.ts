/** Which staff may act on a service point's bookings and queues. */
import { forbidden } from '../errors';
import { hasRole, type StaffActor } from '../identity/actor';

/** Supervisors and administrators act anywhere; a clerk at their own service point (and window, when given). */
export function assertStaffScope(actor: StaffActor, servicePoint: string, window?: string): void {
  if (hasRole(actor, 'supervisor')) return;
  if (actor.servicePoint !== servicePoint) throw forbidden('staff.out_of_scope', '不属于您所在的服务网点，无权操作');
  if (window && actor.window && actor.window !== window) throw forbidden('staff.out_of_scope', '不属于您的窗口，无权操作');
}
