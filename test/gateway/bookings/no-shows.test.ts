/**
 * No-shows and blocking: a booking not checked in by its slot's end plus 15 minutes is a no-show, so
 * is a called booked ticket nobody answers; two within 30 days block booking for 30 days. Also the
 * seat reconciliation after a process died mid-booking.
 */
import { markMissedBookings } from '../../../gateway/bookings/tasks';
import { reconcileSeats, takeSeat } from '../../../gateway/bookings/seats';
import { seedDemoData } from '../../../gateway/seed';
import { BookingModel } from '../../../models/booking';
import { NoShowModel } from '../../../models/no-show';
import { SlotModel } from '../../../models/slot';
import { createBookingResident, HALL_GUIDE, restoreClock, setChinaNow } from '../../support/booking-factories';
import { createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ label: 'book_noshow' });
  await seedDemoData();
});
afterAll(async () => {
  restoreClock();
  await gw.stop();
});
beforeEach(() => setChinaNow('2026-04-28', '10:00'));

const slot = (date: string, hhmm: string) => `banner-hall:market:${date}T${hhmm}`;
const book = (token: string, slotId: string) => gw.request('POST', '/api/v1/bookings', { token, body: { slotId, guideCode: HALL_GUIDE } });

it('marks a booking missed 15 minutes after its slot ended without a check-in', async () => {
  const resident = await createBookingResident();
  const made = await book(resident.token, slot('2026-04-29', '09:00'));
  setChinaNow('2026-04-29', '09:44');
  await markMissedBookings();
  expect((await BookingModel.findById(made.body.id).lean())!.status).toBe('booked');
  setChinaNow('2026-04-29', '09:46');
  await markMissedBookings();
  await markMissedBookings();
  const mine = await gw.request('GET', '/api/v1/bookings/mine', { token: resident.token });
  expect(mine.body.items[0]).toMatchObject({ status: 'no_show', statusName: '未到场' });
  expect(await NoShowModel.find({ userId: resident.id }).lean()).toEqual([expect.objectContaining({ source: 'missed', bookingId: made.body.id })]);
  // One no-show does not block.
  expect(mine.body.blockedUntil).toBeNull();
  expect((await book(resident.token, slot('2026-04-30', '09:00'))).status).toBe(201);
});

it('blocks booking for 30 days after two no-shows within 30 days, one of them at the window', async () => {
  const resident = await createBookingResident();
  const clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
  const first = await book(resident.token, slot('2026-04-29', '14:30'));
  setChinaNow('2026-04-29', '15:30');
  await markMissedBookings();
  expect((await BookingModel.findById(first.body.id).lean())!.status).toBe('no_show');

  // Second booking: checked in, called, and not there when called.
  setChinaNow('2026-04-29', '16:00');
  const second = await book(resident.token, slot('2026-05-06', '09:00'));
  setChinaNow('2026-05-06', '08:50');
  const ticket = await gw.request('POST', '/api/v1/staff/queue/check-in', { token: clerk.token, body: { code: second.body.code } });
  setChinaNow('2026-05-06', '09:02');
  const called = await gw.request('POST', '/api/v1/staff/queue/call-next', { token: clerk.token, body: {} });
  expect(called.body.ticket.id).toBe(ticket.body.id);
  expect((await gw.request('POST', `/api/v1/staff/queue/tickets/${ticket.body.id}/no-show`, { token: clerk.token })).body.status).toBe('no_show');
  expect((await BookingModel.findById(second.body.id).lean())!.status).toBe('no_show');

  setChinaNow('2026-05-06', '10:00');
  const refused = await book(resident.token, slot('2026-05-08', '09:00'));
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({
    code: 'booking.blocked',
    message: '您在30天内有2次预约未到场，预约功能暂停至2026年6月5日，期间可到大厅现场取号办理',
    details: { blockedUntil: '2026-06-05T01:02:00.000Z' },
  });
  expect((await gw.request('GET', '/api/v1/bookings/mine', { token: resident.token })).body.blockedUntil).toBe('2026-06-05T09:02:00+08:00');

  // The block ends 30 days after the second no-show.
  setChinaNow('2026-06-05', '09:03');
  expect((await book(resident.token, slot('2026-06-08', '09:00'))).status).toBe(201);
});

it('does not block for two no-shows more than 30 days apart', async () => {
  const resident = await createBookingResident();
  const first = await book(resident.token, slot('2026-04-30', '09:00'));
  setChinaNow('2026-04-30', '10:00');
  await markMissedBookings();
  setChinaNow('2026-05-29', '10:00');
  await book(resident.token, slot('2026-06-01', '09:00'));
  setChinaNow('2026-06-01', '10:00');
  await markMissedBookings();
  expect(await NoShowModel.countDocuments({ userId: resident.id })).toBe(2);
  expect((await BookingModel.findById(first.body.id).lean())!.status).toBe('no_show');
  expect((await book(resident.token, slot('2026-06-02', '09:00'))).status).toBe(201);
});

it('frees a seat left held by a booking that was never written', async () => {
  const resident = await createBookingResident();
  const id = slot('2026-04-30', '16:30');
  await book(resident.token, id);
  // A process took a seat and died before writing its booking.
  await takeSeat(id, '0123456789abcdef01234567');
  expect((await SlotModel.findById(id).lean())!.booked).toBe(2);
  expect(await reconcileSeats(new Date('2026-04-28T00:00:00Z'))).toBe(0); // still within the grace period
  expect(await reconcileSeats(new Date('2026-04-28T00:00:00Z'), 0)).toBe(1);
  const after = (await SlotModel.findById(id).lean())!;
  expect(after.booked).toBe(1);
  expect(after.holders.map((h) => h.bookingId)).toEqual([String((await BookingModel.findOne({ slotId: id }).lean())!._id)]);
});
