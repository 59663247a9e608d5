/**
 * Calling at the window: tickets numbered per window and day, called in the defined order (slot
 * period first, booked before walk-ins of the same period, then issue order), never to two clerks,
 * closed as served or no-show, and shown on the hall display without personal data.
 */
import { seedDemoData } from '../../../gateway/seed';
import { BookingModel } from '../../../models/booking';
import { TicketSequenceModel } from '../../../models/ticket-sequence';
import { createBookingResident, HALL_GUIDE, restoreClock, setChinaNow } from '../../support/booking-factories';
import { createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';

let gw: TestGateway;
let reception: { token: string };
let clerkA: { id: string; token: string };
let clerkB: { id: string; token: string };

beforeAll(async () => {
  gw = await startTestGateway({ label: 'calling' });
  await seedDemoData();
  reception = await createStaff(['clerk'], { servicePoint: 'banner-hall' });
  clerkA = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
  clerkB = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
});
afterAll(async () => {
  restoreClock();
  await gw.stop();
});

async function bookFor(date: string, hhmm: string) {
  setChinaNow('2026-04-28', '10:00');
  const resident = await createBookingResident();
  const res = await gw.request('POST', '/api/v1/bookings', { token: resident.token, body: { slotId: `banner-hall:market:${date}T${hhmm}`, guideCode: HALL_GUIDE } });
  expect(res.status).toBe(201);
  return res.body as { id: string; code: string };
}

const walkIn = (window = 'market') => gw.request('POST', '/api/v1/staff/queue/walk-ins', { token: reception.token, body: { window, guideCode: HALL_GUIDE } });
const checkIn = (code: string) => gw.request('POST', '/api/v1/staff/queue/check-in', { token: reception.token, body: { code } });
const callNext = (token: string, counter?: number) => gw.request('POST', '/api/v1/staff/queue/call-next', { token, body: counter ? { counter } : {} });
const serve = (token: string, id: string) => gw.request('POST', `/api/v1/staff/queue/tickets/${id}/served`, { token });

it('numbers tickets per window and day, and calls them in the defined order', async () => {
  const onTime = await bookFor('2026-04-29', '10:00');
  const late = await bookFor('2026-04-29', '09:30');
  const issued: Record<string, string> = {};
  const at = async (hhmm: string, name: string, issue: () => Promise<{ body: { number: string } }>) => {
    setChinaNow('2026-04-29', hhmm);
    issued[(await issue()).body.number] = name;
  };
  await at('09:47', 'walk-in 09:47', () => walkIn());
  await at('09:50', 'booked 10:00, early', () => checkIn(onTime.code));
  await at('09:55', 'walk-in 09:55', () => walkIn());
  await at('10:05', 'walk-in 10:05', () => walkIn());
  await at('10:10', 'booked 09:30, late', () => checkIn(late.code));
  await at('10:12', 'walk-in 10:12', () => walkIn());
  expect(Object.keys(issued)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005', 'A006']);
  expect((await walkIn('social')).body.number).toBe('D001');

  const expected = ['walk-in 09:47', 'walk-in 09:55', 'booked 10:00, early', 'booked 09:30, late', 'walk-in 10:05', 'walk-in 10:12'];
  const queue = await gw.request('GET', '/api/v1/staff/queue', { token: clerkA.token });
  expect(queue.body.waiting.map((t: { number: string }) => issued[t.number])).toEqual(expected);
  expect(queue.body.waiting[0]).toMatchObject({ kind: 'walk_in', queueAt: '2026-04-29T09:30:00+08:00', guide: { code: HALL_GUIDE, name: '企业设立登记' } });

  const called: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    setChinaNow('2026-04-29', `10:${20 + i}`);
    const res = await callNext(clerkA.token, 3);
    expect(res.status).toBe(200);
    called.push(issued[res.body.ticket.number]);
    expect(res.body.waiting).toBe(expected.length - i - 1);
    expect((await serve(clerkA.token, res.body.ticket.id)).body.status).toBe('served');
  }
  expect(called).toEqual(expected);
  expect((await BookingModel.findById(onTime.id).lean())!.status).toBe('served');
  expect((await checkIn(onTime.code)).body.error).toMatchObject({ code: 'booking.already_served', message: '该预约已办理完毕' });
  expect((await callNext(clerkA.token)).body).toEqual({ ticket: null, waiting: 0 });

  // A new day starts again at 001.
  setChinaNow('2026-04-30', '09:00');
  expect((await walkIn()).body.number).toBe('A001');
});

it('issues walk-ins only for a known window of a point', async () => {
  setChinaNow('2026-05-11', '08:55');
  const supervisor = await createStaff(['supervisor']);
  const post = (token: string, body: Record<string, string>) => gw.request('POST', '/api/v1/staff/queue/walk-ins', { token, body });
  expect((await post(supervisor.token, { window: 'market' })).body.error.code).toBe('queue.point_required');
  expect((await post(reception.token, {})).body.error).toMatchObject({ code: 'queue.window_required', message: '请选择窗口' });
  expect((await post(reception.token, { window: 'nope' })).body.error.code).toBe('queue.window_not_found');
  expect((await post(supervisor.token, { servicePointId: 'dalu', window: 'T2' })).body).toMatchObject({ number: 'B001', window: { name: '社保医保窗口' } });
});

it('gives 40 tickets issued at once 40 different numbers', async () => {
  setChinaNow('2026-05-11', '09:00');
  const answers = await Promise.all(Array.from({ length: 40 }, () => walkIn('payment')));
  expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
  expect(answers.map((a) => a.body.number).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `E${String(i + 1).padStart(3, '0')}`));
});

it('numbers on after the day\'s counter is lost, and keeps a past day\'s counter a week from now', async () => {
  setChinaNow('2026-05-12', '09:00');
  const first = await Promise.all(Array.from({ length: 3 }, () => walkIn('payment')));
  expect(first.map((a) => a.body.number).sort()).toEqual(['E001', 'E002', 'E003']);
  // The TTL monitor runs on the server's real clock: a counter of a day already past must not
  // expire at once (before this fix it lasted until a week after its day, and was deleted mid-rush).
  const counter = await TicketSequenceModel.findById('banner-hall:payment:2026-05-12').lean();
  expect(counter!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000);

  await TicketSequenceModel.deleteOne({ _id: 'banner-hall:payment:2026-05-12' });
  const after = await Promise.all(Array.from({ length: 20 }, () => walkIn('payment')));
  expect(after.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
  expect(after.map((a) => a.body.number).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `E${String(i + 4).padStart(3, '0')}`));
});

it('calls an early booked ticket at once when nobody else waits', async () => {
  const booked = await bookFor('2026-05-06', '11:00');
  setChinaNow('2026-05-06', '10:20');
  await checkIn(booked.code);
  const res = await callNext(clerkA.token);
  expect(res.body.ticket).toMatchObject({ kind: 'booked', queueAt: '2026-05-06T11:00:00+08:00' });
  await serve(clerkA.token, res.body.ticket.id);
});

it('gives each clerk a different ticket, one at a time, and lets only the window close it', async () => {
  setChinaNow('2026-05-07', '09:10');
  const first = await walkIn();
  const second = await walkIn();
  const [a, b] = await Promise.all([callNext(clerkA.token, 1), callNext(clerkB.token, 2)]);
  expect([a.body.ticket.id, b.body.ticket.id].sort()).toEqual([first.body.id, second.body.id].sort());

  await walkIn();
  const busy = await callNext(clerkA.token);
  expect(busy.status).toBe(409);
  expect(busy.body.error).toEqual({ code: 'queue.ticket_open', message: '请先将当前号标记为“已办理”或“过号”，再叫下一位' });

  const social = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'social' });
  expect((await serve(social.token, a.body.ticket.id)).status).toBe(403);
  expect((await gw.request('POST', `/api/v1/staff/queue/tickets/${a.body.ticket.id}/no-show`, { token: clerkA.token })).body.status).toBe('no_show');
  expect((await serve(clerkA.token, a.body.ticket.id)).body.error.code).toBe('ticket.not_called');
  expect((await serve(clerkA.token, '0123456789abcdef01234567')).status).toBe(404);
  expect((await callNext(clerkA.token)).status).toBe(200);

  expect((await callNext(reception.token)).body.error).toMatchObject({ code: 'queue.no_window' });
  const resident = await createBookingResident();
  expect((await callNext(resident.token)).status).toBe(401);
});

it('feeds the hall display with numbers being called and waiting counts, nothing personal', async () => {
  setChinaNow('2026-05-08', '14:40');
  const booked = await bookFor('2026-05-08', '15:00');
  setChinaNow('2026-05-08', '14:40');
  await checkIn(booked.code);
  await walkIn();
  await walkIn('social');
  setChinaNow('2026-05-08', '15:01');
  const called = await callNext(clerkB.token, 7);

  const display = await gw.request('GET', '/api/v1/queue/now-serving?servicePointId=banner-hall');
  expect(display.status).toBe(200);
  const market = display.body.windows.find((w: { code: string }) => w.code === 'market');
  expect(market).toEqual({ code: 'market', name: '市场准入综合窗口', ticketPrefix: 'A', calling: [{ number: called.body.ticket.number, counter: 7, calledAt: '2026-05-08T15:01:00+08:00' }], waiting: 1 });
  expect(display.body.windows.find((w: { code: string }) => w.code === 'social').waiting).toBe(1);
  expect(display.body.latest[0]).toMatchObject({ number: called.body.ticket.number, window: { name: '市场准入综合窗口' } });
  const text = JSON.stringify(display.body);
  expect(text).not.toMatch(new RegExp([booked.code, booked.id, '王', '139', 'userId', 'bookingId'].join('|')));
  expect((await gw.request('GET', '/api/v1/queue/now-serving?servicePointId=atlantis')).body.error.code).toBe('service_point.not_found');
});
