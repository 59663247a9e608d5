/**
 * Changing bookings through HTTP: residents cancel and reschedule their own (another resident's
 * answers 404), staff cancel with a reason, change a slot's capacity or close it. Clock: Tuesday
 * 2026-04-28, 10:00 China time.
 */
import { seedDemoData } from '../../../gateway/seed';
import { AuditLogModel } from '../../../models/audit-log';
import { BookingModel } from '../../../models/booking';
import { SlotModel } from '../../../models/slot';
import { createBookingResident, HALL_GUIDE, restoreClock, setChinaNow, TOWNSHIP_GUIDE } from '../../support/booking-factories';
import { createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';

let gw: TestGateway;
let clerk: { id: string; token: string };

beforeAll(async () => {
  gw = await startTestGateway({ label: 'book_changes' });
  await seedDemoData();
  clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
});
afterAll(async () => {
  restoreClock();
  await gw.stop();
});
beforeEach(() => setChinaNow('2026-04-28', '10:00'));

const slot = (date: string, hhmm: string, window = 'market', point = 'banner-hall') => `${point}:${window}:${date}T${hhmm}`;
const book = (token: string, slotId: string, guideCode = HALL_GUIDE) => gw.request('POST', '/api/v1/bookings', { token, body: { slotId, guideCode } });
const seats = async (slotId: string) => (await SlotModel.findById(slotId).lean())?.booked ?? 0;

describe('a resident\'s own bookings', () => {
  it('lists mine with code and QR payload, and another resident gets 404 for every booking route', async () => {
    const owner = await createBookingResident();
    const stranger = await createBookingResident();
    const made = await book(owner.token, slot('2026-04-29', '09:00'));
    const mine = await gw.request('GET', '/api/v1/bookings/mine', { token: owner.token });
    expect(mine.body).toMatchObject({ realNameBound: true, smsNotice: true, blockedUntil: null });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: made.body.id, code: made.body.code, qrPayload: `OW-BOOKING:${made.body.code}` })]);
    expect((await gw.request('GET', `/api/v1/bookings/${made.body.id}`, { token: owner.token })).body.code).toBe(made.body.code);

    expect((await gw.request('GET', '/api/v1/bookings/mine', { token: stranger.token })).body.items).toEqual([]);
    for (const [method, path, body] of [
      ['GET', `/api/v1/bookings/${made.body.id}`, undefined],
      ['DELETE', `/api/v1/bookings/${made.body.id}`, undefined],
      ['POST', `/api/v1/bookings/${made.body.id}/reschedule`, { slotId: slot('2026-04-30', '09:00') }],
    ] as const) {
      const res = await gw.request(method, path, { token: stranger.token, body });
      expect({ path, method, status: res.status, code: res.body.error?.code }).toEqual({ path, method, status: 404, code: 'booking.not_found' });
    }
    expect((await gw.request('GET', '/api/v1/bookings/not-an-id', { token: owner.token })).status).toBe(404);
    expect((await BookingModel.findById(made.body.id).lean())!.status).toBe('booked');
  });
});

describe('cancel', () => {
  it('frees the seat, and a second DELETE answers with the cancelled booking', async () => {
    const resident = await createBookingResident();
    const id = slot('2026-04-29', '10:00');
    const made = await book(resident.token, id);
    expect(await seats(id)).toBe(1);
    const cancelled = await gw.request('DELETE', `/api/v1/bookings/${made.body.id}`, { token: resident.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusName: '已取消', cancellation: { by: 'resident', reason: '本人取消' }, changeable: false });
    expect(await seats(id)).toBe(0);
    expect((await gw.request('DELETE', `/api/v1/bookings/${made.body.id}`, { token: resident.token })).body.status).toBe('cancelled');
    const moveCancelled = await gw.request('POST', `/api/v1/bookings/${made.body.id}/reschedule`, { token: resident.token, body: { slotId: slot('2026-04-30', '10:00') } });
    expect(moveCancelled.body.error).toMatchObject({ code: 'booking.not_changeable', message: '该预约已取号、办理、取消或过期，不能改约' });
    // The day is free again.
    expect((await book(resident.token, slot('2026-04-29', '10:30'))).status).toBe(201);
  });

  it('is refused less than 2 hours before the slot', async () => {
    const resident = await createBookingResident();
    const made = await book(resident.token, slot('2026-04-29', '09:00'));
    setChinaNow('2026-04-29', '07:00');
    const ok = await createBookingResident();
    const other = await book(ok.token, slot('2026-04-30', '09:00'));
    setChinaNow('2026-04-29', '07:01');
    const late = await gw.request('DELETE', `/api/v1/bookings/${made.body.id}`, { token: resident.token });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'booking.cancel_too_late', message: '距预约开始已不足2小时，不能再取消或改约；如有变化请联系窗口' });
    expect((await gw.request('DELETE', `/api/v1/bookings/${other.body.id}`, { token: ok.token })).status).toBe(200);
  });
});

describe('reschedule', () => {
  it('moves the booking to another slot, code kept, seats moved', async () => {
    const resident = await createBookingResident();
    const from = slot('2026-04-29', '11:00');
    const to = slot('2026-04-30', '14:30');
    const made = await book(resident.token, from);
    const moved = await gw.request('POST', `/api/v1/bookings/${made.body.id}/reschedule`, { token: resident.token, body: { slotId: to } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: made.body.id, code: made.body.code, slotId: to, date: '2026-04-30', status: 'booked' });
    expect([await seats(from), await seats(to)]).toEqual([0, 1]);
    // The old day is free, the new day is taken.
    expect((await book(resident.token, slot('2026-04-29', '11:30'))).status).toBe(201);
    expect((await book(resident.token, slot('2026-04-30', '15:00'))).body.error.code).toBe('booking.daily_limit');
  });

  it('moves to another service point that handles the guide', async () => {
    const resident = await createBookingResident();
    const made = await book(resident.token, slot('2026-04-29', '14:30'), TOWNSHIP_GUIDE);
    const moved = await gw.request('POST', `/api/v1/bookings/${made.body.id}/reschedule`, { token: resident.token, body: { slotId: slot('2026-04-29', '15:00', 'T1', 'dalu') } });
    expect(moved.body).toMatchObject({ servicePoint: { id: 'dalu', name: '大路镇便民服务大厅' }, window: { code: 'T1' } });
  });

  it('changes nothing when the new slot is full, the same, on a taken day, or too late', async () => {
    const resident = await createBookingResident();
    const from = slot('2026-05-06', '09:00');
    const made = await book(resident.token, from);
    const full = slot('2026-05-06', '09:30');
    await gw.request('PATCH', `/api/v1/staff/slots/${full}`, { token: clerk.token, body: { capacity: 1, reason: '人员调整' } });
    const other = await createBookingResident();
    expect((await book(other.token, full)).status).toBe(201);

    const move = (slotId: string) => gw.request('POST', `/api/v1/bookings/${made.body.id}/reschedule`, { token: resident.token, body: { slotId } });
    expect((await move(full)).body.error.code).toBe('booking.slot_full');
    expect((await move(from)).body.error).toMatchObject({ code: 'booking.same_slot', message: '新时段与原预约时段相同' });
    expect((await book(resident.token, slot('2026-05-07', '09:00'))).status).toBe(201);
    expect((await move(slot('2026-05-07', '10:00'))).body.error.code).toBe('booking.daily_limit');
    setChinaNow('2026-05-06', '08:00');
    expect((await move(slot('2026-05-08', '10:00'))).body.error.code).toBe('booking.cancel_too_late');

    expect([await seats(from), await seats(full), await seats(slot('2026-05-07', '10:00')), await seats(slot('2026-05-08', '10:00'))]).toEqual([1, 1, 0, 0]);
    expect((await BookingModel.findById(made.body.id).lean())).toMatchObject({ slotId: from, revision: 0, status: 'booked' });
  });
});

describe('staff', () => {
  it('cancel a booking with a reason, audited; clerks of other points may not', async () => {
    const resident = await createBookingResident();
    const made = await book(resident.token, slot('2026-04-30', '16:00'));
    const elsewhere = await createStaff(['clerk'], { servicePoint: 'dalu', window: 'T1' });
    const refused = await gw.request('POST', `/api/v1/staff/bookings/${made.body.id}/cancel`, { token: elsewhere.token, body: { reason: '窗口临时关闭' } });
    expect(refused.body.error).toMatchObject({ code: 'staff.out_of_scope', message: '不属于您所在的服务网点，无权操作' });
    expect((await gw.request('POST', `/api/v1/staff/bookings/${made.body.id}/cancel`, { token: resident.token, body: { reason: '窗口临时关闭' } })).status).toBe(401);
    expect((await gw.request('POST', `/api/v1/staff/bookings/${made.body.id}/cancel`, { token: clerk.token, body: { reason: '' } })).body.error.code).toBe('request.invalid');

    const res = await gw.request('POST', `/api/v1/staff/bookings/${made.body.id}/cancel`, { token: clerk.token, body: { reason: '窗口临时关闭' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancellation: { by: 'staff', reason: '窗口临时关闭' } });
    expect(await seats(slot('2026-04-30', '16:00'))).toBe(0);
    expect(await AuditLogModel.findOne({ action: 'booking.cancel', targetId: made.body.id, staffId: clerk.id }).lean()).toBeTruthy();
    const again = await gw.request('POST', `/api/v1/staff/bookings/${made.body.id}/cancel`, { token: clerk.token, body: { reason: '窗口临时关闭' } });
    expect(again.body.error.code).toBe('booking.not_cancellable');
  });

  it('cut a slot\'s capacity: the latest bookings are cancelled first; closing cancels the rest; reopening takes bookings again', async () => {
    const id = slot('2026-05-08', '15:30');
    const people = [await createBookingResident(), await createBookingResident(), await createBookingResident()];
    const made: Array<{ id: string }> = [];
    for (const [i, p] of people.entries()) {
      setChinaNow('2026-04-28', `10:0${i}`);
      made.push((await book(p.token, id)).body);
    }
    const cut = await gw.request('PATCH', `/api/v1/staff/slots/${id}`, { token: clerk.token, body: { capacity: 1, reason: '窗口人员减少' } });
    expect(cut.status).toBe(200);
    expect(cut.body.slot).toMatchObject({ capacity: 1, booked: 1, closed: false });
    expect(cut.body.cancelledBookings.map((c: { id: string }) => c.id)).toEqual([made[2].id, made[1].id]);
    const statuses = async () => Promise.all(made.map(async (m) => (await BookingModel.findById(m.id).lean())!.status));
    expect(await statuses()).toEqual(['booked', 'cancelled', 'cancelled']);
    expect((await BookingModel.findById(made[1].id).lean())!.cancellation).toMatchObject({ by: 'staff', reason: '窗口人员减少', staffId: clerk.id });

    const closed = await gw.request('PATCH', `/api/v1/staff/slots/${id}`, { token: clerk.token, body: { closed: true, reason: '系统停机维护' } });
    expect(closed.body.slot).toMatchObject({ booked: 0, closed: true, closedReason: '系统停机维护' });
    expect(await statuses()).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await AuditLogModel.countDocuments({ action: 'slot.update', targetId: id })).toBe(2);

    const reopened = await gw.request('PATCH', `/api/v1/staff/slots/${id}`, { token: clerk.token, body: { closed: false, capacity: 5, reason: '恢复预约' } });
    expect(reopened.body.slot).toMatchObject({ capacity: 5, closed: false, closedReason: null });
    expect((await book((await createBookingResident()).token, id)).status).toBe(201);

    const day = await gw.request('GET', '/api/v1/staff/slots?servicePointId=banner-hall&date=2026-05-08&window=market', { token: clerk.token });
    expect(day.body.items.find((s: { id: string }) => s.id === id)).toMatchObject({ capacity: 5, booked: 1 });
    const list = await gw.request('GET', '/api/v1/staff/bookings?servicePointId=banner-hall&date=2026-05-08', { token: clerk.token });
    expect(list.body.items).toHaveLength(4);
    expect(list.body.items[0].resident).toEqual({ name: '王*明', phone: expect.stringMatching(/^139\*{4}\d{4}$/) });
  });

  it('may not change slots of other windows or past slots', async () => {
    const social = await gw.request('PATCH', `/api/v1/staff/slots/${slot('2026-04-30', '09:00', 'social')}`, { token: clerk.token, body: { capacity: 1, reason: '人员调整' } });
    expect(social.status).toBe(403);
    const past = await gw.request('PATCH', `/api/v1/staff/slots/${slot('2026-04-28', '09:00')}`, { token: clerk.token, body: { capacity: 1, reason: '人员调整' } });
    expect(past.body.error.code).toBe('slot.past');
    const nothing = await gw.request('PATCH', `/api/v1/staff/slots/${slot('2026-04-30', '09:00')}`, { token: clerk.token, body: { reason: '人员调整' } });
    expect(nothing.status).toBe(400);
    expect((await gw.request('PATCH', `/api/v1/staff/slots/${slot('2026-05-01', '09:00')}`, { token: clerk.token, body: { capacity: 1, reason: '人员调整' } })).body.error.code).toBe('slot.not_found');
  });
});
