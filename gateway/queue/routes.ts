/** Queue routes: check-in (clerk and kiosk), walk-ins, calling at the window, and the public hall display. */
import { ApiRouter } from '../http/routes';
import type { StaffActor } from '../identity/actor';
import { actorOf, requireStaff } from '../identity/middleware';
import { rateLimit } from '../limits/rate-limit';
import { callNext, listQueue, markNoShow, markServed } from './calling';
import { checkInAtKiosk, checkInByClerk } from './check-in';
import { nowServing } from './display';
import * as s from './schema';
import { issueWalkIn } from './walk-in';

const staff = (ctx: Parameters<typeof actorOf>[0]) => actorOf(ctx) as StaffActor;
const hallStaff = requireStaff('clerk', 'supervisor');
const clerk = requireStaff('clerk');

export const queueRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'post', path: '/staff/queue/check-in', summary: 'Check a booking in by code (or QR payload): it becomes a ticket', tags: ['queue', 'staff'], auth: true, status: 201,
    use: [hallStaff], body: s.ClerkCheckInSchema,
    handler: async (ctx, { body }) => {
      const { ticket, repeated } = await checkInByClerk(staff(ctx), body.code);
      if (repeated) ctx.set('Idempotent-Replayed', 'true');
      return ticket;
    },
  })
  .route({
    method: 'post', path: '/queue/kiosk/check-in', summary: 'Self-service kiosk check-in with the code and the last 4 of ID number or phone', tags: ['queue'], status: 201,
    use: [rateLimit('kiosk', { address: [{ limit: 30, windowSeconds: 60 }, { limit: 600, windowSeconds: 3600 }] })],
    body: s.KioskCheckInSchema,
    handler: async (ctx, { body }) => {
      const { ticket, repeated } = await checkInAtKiosk(body);
      if (repeated) ctx.set('Idempotent-Replayed', 'true');
      return ticket;
    },
  })
  .route({
    method: 'post', path: '/staff/queue/walk-ins', summary: 'Issue a walk-in ticket for a window', tags: ['queue', 'staff'], auth: true, status: 201,
    use: [hallStaff], body: s.WalkInSchema,
    handler: (ctx, { body }) => issueWalkIn(staff(ctx), body),
  })
  .route({
    method: 'get', path: '/staff/queue', summary: "A window's queue today in calling order", tags: ['queue', 'staff'], auth: true,
    use: [hallStaff], query: s.QueueQuerySchema,
    handler: (ctx, { query }) => listQueue(staff(ctx), query),
  })
  .route({
    method: 'post', path: '/staff/queue/call-next', summary: "Call the next ticket of the clerk's own window", tags: ['queue', 'staff'], auth: true,
    use: [clerk], body: s.CallNextSchema,
    handler: (ctx, { body }) => callNext(staff(ctx), body),
  })
  .route({
    method: 'post', path: '/staff/queue/tickets/:id/served', summary: 'Mark a called ticket served', tags: ['queue', 'staff'], auth: true,
    use: [hallStaff], params: s.TicketIdParams,
    handler: (ctx, { params }) => markServed(staff(ctx), params.id),
  })
  .route({
    method: 'post', path: '/staff/queue/tickets/:id/no-show', summary: 'Mark a called ticket as not answered (a booking no-show counts toward blocking)', tags: ['queue', 'staff'], auth: true,
    use: [hallStaff], params: s.TicketIdParams,
    handler: (ctx, { params }) => markNoShow(staff(ctx), params.id),
  })
  .route({
    method: 'get', path: '/queue/now-serving', summary: 'Hall display: numbers being called per window (no personal data)', tags: ['queue'],
    use: [rateLimit('display', { address: [{ limit: 600, windowSeconds: 60 }] })],
    query: s.NowServingQuerySchema,
    handler: (_ctx, { query }) => nowServing(query.servicePointId),
  });
