/** Booking routes: slots, residents' bookings (create, mine, cancel, reschedule), and staff slot and booking management. */
import { ApiRouter } from '../http/routes';
import { badRequest } from '../errors';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { actorOf, requireResident, requireStaff } from '../identity/middleware';
import { batchedRateLimit } from '../limits/batched-middleware';
import { rateLimit } from '../limits/rate-limit';
import { cancelBookingByStaff, cancelMyBooking } from './cancel';
import { createBooking } from './create';
import { getMyBooking, listBookingsForStaff, listMyBookings } from './read';
import { rescheduleMyBooking } from './reschedule';
import { bookingRules } from './rules';
import * as s from './schema';
import { listSlotsForStaff, updateSlot } from './slot-admin';
import { listSlots } from './slots';
import './rateable';

// A bad BOOKING_* setting stops the gateway at start, not at the first booking.
bookingRules();

const resident = (ctx: Parameters<typeof actorOf>[0]) => actorOf(ctx) as ResidentActor;
const staff = (ctx: Parameters<typeof actorOf>[0]) => actorOf(ctx) as StaffActor;
const hallStaff = requireStaff('clerk', 'supervisor');

export const bookingRoutes = new ApiRouter('/api/v1')
  .route({
    method: 'get', path: '/slots', summary: 'Slots of a guide at a service point on a date, with seats left', tags: ['bookings'],
    use: [batchedRateLimit('slots', { address: [{ limit: 600, windowSeconds: 600 }], account: [{ limit: 300, windowSeconds: 600 }] })],
    query: s.SlotQuerySchema,
    handler: (_ctx, { query }) => listSlots(query),
  })
  .route({
    method: 'post', path: '/bookings', summary: 'Book a slot (header Idempotency-Key optional: the same key makes one booking)', tags: ['bookings'], auth: true, status: 201,
    use: [requireResident, rateLimit('booking', { account: [{ limit: 60, windowSeconds: 3600 }], address: [{ limit: 600, windowSeconds: 3600 }] })],
    body: s.CreateBookingSchema,
    handler: async (ctx, { body }) => {
      const idempotencyKey = ctx.get('Idempotency-Key') || undefined;
      if (idempotencyKey !== undefined && !s.IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw badRequest('request.invalid', '请求标识（Idempotency-Key）应为1-100位字母、数字或 _ - . :', { in: 'header', issues: [{ field: 'Idempotency-Key', message: '格式有误' }] });
      }
      const { booking, replayed } = await createBooking(resident(ctx), { ...body, idempotencyKey });
      if (replayed) ctx.set('Idempotent-Replayed', 'true');
      return booking;
    },
  })
  .route({
    method: 'get', path: '/bookings/mine', summary: "The resident's bookings with codes and QR payloads", tags: ['bookings'], auth: true,
    use: [requireResident],
    handler: (ctx) => listMyBookings(resident(ctx)),
  })
  .route({
    method: 'get', path: '/bookings/:id', summary: 'One of the resident\'s bookings', tags: ['bookings'], auth: true,
    use: [requireResident], params: s.BookingIdParams,
    handler: (ctx, { params }) => getMyBooking(resident(ctx), params.id),
  })
  .route({
    method: 'delete', path: '/bookings/:id', summary: 'Cancel a booking (until 2 hours before by default)', tags: ['bookings'], auth: true,
    use: [requireResident], params: s.BookingIdParams,
    handler: (ctx, { params }) => cancelMyBooking(resident(ctx), params.id),
  })
  .route({
    method: 'post', path: '/bookings/:id/reschedule', summary: 'Move a booking to another slot', tags: ['bookings'], auth: true,
    use: [requireResident, rateLimit('booking', { account: [{ limit: 60, windowSeconds: 3600 }], address: [{ limit: 600, windowSeconds: 3600 }] })],
    params: s.BookingIdParams, body: s.RescheduleSchema,
    handler: (ctx, { params, body }) => rescheduleMyBooking(resident(ctx), params.id, body),
  })
  .route({
    method: 'get', path: '/staff/bookings', summary: "A service point's bookings of a day (hall staff)", tags: ['bookings', 'staff'], auth: true,
    use: [hallStaff], query: s.StaffBookingQuerySchema,
    handler: (ctx, { query }) => listBookingsForStaff(staff(ctx), query),
  })
  .route({
    method: 'post', path: '/staff/bookings/:id/cancel', summary: 'Cancel a booking with a reason told to the resident by SMS', tags: ['bookings', 'staff'], auth: true,
    use: [hallStaff], params: s.BookingIdParams, body: s.StaffCancelSchema,
    handler: (ctx, { params, body }) => cancelBookingByStaff(staff(ctx), params.id, body.reason),
  })
  .route({
    method: 'get', path: '/staff/slots', summary: "A service point's slots of a day with capacity and bookings", tags: ['bookings', 'staff'], auth: true,
    use: [hallStaff], query: s.StaffSlotQuerySchema,
    handler: (ctx, { query }) => listSlotsForStaff(staff(ctx), query),
  })
  .route({
    method: 'patch', path: '/staff/slots/:id', summary: 'Change a slot\'s capacity or close it; bookings beyond it are cancelled with SMS', tags: ['bookings', 'staff'], auth: true,
    use: [hallStaff], params: s.SlotIdParams, body: s.SlotChangeSchema,
    handler: (ctx, { params, body }) => updateSlot(staff(ctx), params.id, body),
  });
