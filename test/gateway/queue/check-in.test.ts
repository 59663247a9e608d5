/**
 * Check-in at the hall: a clerk of the point (by code or scanned QR payload) or the self-service
 * kiosk (code + last 4 of ID number or phone) turns a booking into a queue ticket, on its day only.
 * Clock: bookings made on 2026-04-28; the hall day is Wednesday 2026-04-29.
 */
import { seedDemoData } from '../../../gateway/seed';
import { AuditLogModel } from '../../../models/audit-log';
import { BookingModel } from '../../../models/booking';
import { createBookingResident, HALL_GUIDE, restoreClock, setChinaNow, type BookingResident } from '../../support/booking-factories';
import { createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';

let gw: TestGateway;
let clerk: { token: string };

beforeAll(async () => {
  gw = await startTestGateway({ label: 'checkin' });
  await seedDemoData();
  clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'social' }); // a reception clerk of the hall
});
afterAll(async () => {
  restoreClock();
  await gw.stop();
});

async function booked(hhmm: string, date = '2026-04-29', options: { phone?: string | false } = {}): Promise<{ resident: BookingResident; id: string; code: string }> {
  setChinaNow('2026-04-28', '10:00');
  const resident = await createBookingResident(options);
  const res = await gw.request('POST', '/api/v1/bookings', { token: resident.token, body: { slotId: `banner-hall:market:${date}T${hhmm}`, guideCode: HALL_GUIDE } });
  expect(res.status).toBe(201);
  return { resident, id: res.body.id, code: res.body.code };
}

const checkIn = (code: string, token = clerk.token) => gw.request('POST', '/api/v1/staff/queue/check-in', { token, body: { code } });
const kiosk = (code: string, last4: string, servicePointId = 'banner-hall') => gw.request('POST', '/api/v1/queue/kiosk/check-in', { body: { servicePointId, code, last4 } });

describe('clerk check-in', () => {
  it('turns the booking into a ticket of its window; the same booking again gets the same ticket', async () => {
    const b = await booked('10:00');
    setChinaNow('2026-04-29', '09:40');
    const res = await checkIn(`OW-BOOKING:${b.code}`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: expect.stringMatching(/^A\d{3}$/), kind: 'booked', kindName: '预约', status: 'waiting', window: { code: 'market', name: '市场准入综合窗口' }, waitingAhead: expect.any(Number) });
    expect(await AuditLogModel.countDocuments({ action: 'booking.check_in', targetId: b.id })).toBe(1);
    const again = await checkIn(b.code.toLowerCase());
    expect(again.body.id).toBe(res.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const mine = await gw.request('GET', '/api/v1/bookings/mine', { token: b.resident.token });
    expect(mine.body.items[0]).toMatchObject({ status: 'checked_in', statusName: '已取号', ticket: { id: res.body.id, number: res.body.number }, changeable: false });
    // Checked in: no longer cancellable by the resident.
    expect((await gw.request('DELETE', `/api/v1/bookings/${b.id}`, { token: b.resident.token })).body.error.code).toBe('booking.not_cancellable');
  });

  it('only on the booking\'s day, until 15 minutes after its slot, and not when cancelled', async () => {
    const tomorrow = await booked('09:00', '2026-04-30');
    const today = await booked('09:00');
    const cancelled = await booked('11:00');
    await gw.request('DELETE', `/api/v1/bookings/${cancelled.id}`, { token: cancelled.resident.token });

    setChinaNow('2026-04-29', '09:46');
    const early = await checkIn(tomorrow.code);
    expect(early.body.error).toMatchObject({ code: 'queue.not_today', message: '该预约日期为4月30日（周四），请在预约当天到场取号' });
    expect((await checkIn(today.code)).body.error).toMatchObject({ code: 'queue.check_in_closed', message: '已超过预约时段，预约已失效，请现场取号办理' });
    expect((await checkIn(cancelled.code)).body.error.code).toBe('booking.cancelled');
    expect((await checkIn('ZZZZZZZZ')).body.error).toMatchObject({ code: 'booking.not_found' });
    setChinaNow('2026-04-29', '09:45');
    expect((await checkIn(today.code)).status).toBe(201);
  });

  it('sends a resident at the wrong hall to the right one, and needs staff', async () => {
    const b = await booked('14:30');
    setChinaNow('2026-04-29', '14:00');
    const township = await createStaff(['clerk'], { servicePoint: 'dalu', window: 'T1' });
    expect((await checkIn(b.code, township.token)).body.error).toMatchObject({ code: 'queue.wrong_point', message: '该预约的办理地点是准格尔旗政务服务中心，请前往该处取号' });
    expect((await checkIn(b.code, b.resident.token)).status).toBe(401);
    expect((await BookingModel.findById(b.id).lean())!.status).toBe('booked');
  });
});

describe('kiosk check-in', () => {
  it('checks in with the last 4 of the ID number or of the phone, and shows no personal data', async () => {
    const byId = await booked('15:00');
    const byPhone = await booked('15:30', '2026-04-29', { phone: '13955556789' });
    setChinaNow('2026-04-29', '14:50');
    const res = await kiosk(byId.code, byId.resident.idNumber.slice(-4));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: expect.stringMatching(/^A\d{3}$/), window: { name: '市场准入综合窗口' } });
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${byId.resident.idNumber}|${byId.resident.phone}|王`));
    expect((await kiosk(byPhone.code, '6789')).status).toBe(201);
  });

  it('answers a wrong code or wrong digits alike, and stops guessing after 5 tries per code', async () => {
    const b = await booked('16:00');
    setChinaNow('2026-04-29', '15:50');
    const wrongDigits = await kiosk(b.code, '0000');
    const wrongCode = await kiosk('ABCDEFGH', '0000');
    for (const res of [wrongDigits, wrongCode]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({ code: 'queue.check_in_failed', message: '预约码或证件号/手机号后四位不正确，请核对后重试' });
    }
    for (let i = 0; i < 4; i++) await kiosk(b.code, '0000');
    const blocked = await kiosk(b.code, b.resident.idNumber.slice(-4));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('queue.too_many_attempts');
    expect((await BookingModel.findById(b.id).lean())!.status).toBe('booked');
    expect((await kiosk(b.code, 'abc')).status).toBe(400);
  });

  it('sends a booking for another hall there', async () => {
    const b = await booked('16:30');
    setChinaNow('2026-04-29', '16:00');
    expect((await kiosk(b.code, b.resident.idNumber.slice(-4), 'dalu')).body.error.code).toBe('queue.wrong_point');
  });
});
