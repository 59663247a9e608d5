/**
 * The three booking SMS through the real SMS path (the real Aliyun SDK against the signature-checking
 * fake, with the templates registered so wrong variables are refused): confirmation on booking and
 * rescheduling, cancellation by the resident and by staff, and the reminder the day before.
 */
import { sendBookingReminders } from '../../../gateway/bookings/tasks';
import { templateCodeFor } from '../../../gateway/notifications/queue';
import { TEMPLATES } from '../../../gateway/notifications/templates';
import { seedDemoData } from '../../../gateway/seed';
import { MessageModel } from '../../../models/message';
import type { FakeAliyun } from '../../support/fake-aliyun';
import { createBookingResident, HALL_GUIDE, restoreClock, setChinaNow } from '../../support/booking-factories';
import { createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { deliverQueuedSms, startSmsFake } from '../../support/sms';

let gw: TestGateway;
let fake: FakeAliyun;

const BOOKING_KINDS = ['booking_confirmed', 'booking_reminder', 'booking_cancelled'] as const;

beforeAll(async () => {
  const sms = await startSmsFake();
  fake = sms.fake;
  gw = await startTestGateway({ label: 'book_sms', env: sms.env });
  await seedDemoData();
});
afterAll(async () => {
  restoreClock();
  await gw.stop();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  for (const kind of BOOKING_KINDS) {
    fake.registerTemplate(templateCodeFor(kind), Object.keys(TEMPLATES[kind].params.shape), TEMPLATES[kind].text);
  }
  setChinaNow('2026-04-28', '10:00');
});

const slot = (date: string, hhmm: string) => `banner-hall:market:${date}T${hhmm}`;
const book = (token: string, slotId: string) => gw.request('POST', '/api/v1/bookings', { token, body: { slotId, guideCode: HALL_GUIDE } });
const sentTo = (phone: string) => fake.sent.filter((m) => m.phone === phone).map((m) => ({ template: m.templateCode, params: m.params }));

it('confirms a booking, and confirms again with the new time after rescheduling', async () => {
  const resident = await createBookingResident({ phone: '13912340001' });
  const made = await book(resident.token, slot('2026-04-29', '09:00'));
  await gw.request('POST', `/api/v1/bookings/${made.body.id}/reschedule`, { token: resident.token, body: { slotId: slot('2026-04-30', '15:30') } });
  await deliverQueuedSms();
  expect(sentTo('13912340001')).toEqual([
    { template: 'OW_BOOKING_CONFIRMED', params: { item: '企业设立登记', place: '准格尔旗政务服务中心市场准入综合窗口', time: '4月29日（周三）09:00-09:30', code: made.body.code } },
    { template: 'OW_BOOKING_CONFIRMED', params: { item: '企业设立登记', place: '准格尔旗政务服务中心市场准入综合窗口', time: '4月30日（周四）15:30-16:00', code: made.body.code } },
  ]);
  expect(fake.sent[0].content).toContain(`预约码${made.body.code}`);
  expect(fake.sent[0].signName).toBe('一窗通办');
});

it('tells the resident of a cancellation, by themselves or by staff with the reason', async () => {
  const resident = await createBookingResident({ phone: '13912340002' });
  const clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
  const first = await book(resident.token, slot('2026-04-29', '10:00'));
  await gw.request('DELETE', `/api/v1/bookings/${first.body.id}`, { token: resident.token });
  const second = await book(resident.token, slot('2026-04-30', '10:00'));
  await gw.request('POST', `/api/v1/staff/bookings/${second.body.id}/cancel`, { token: clerk.token, body: { reason: '窗口系统升级暂停办理' } });
  await deliverQueuedSms();
  const cancellations = sentTo('13912340002').filter((m) => m.template === 'OW_BOOKING_CANCELLED');
  expect(cancellations).toEqual([
    { template: 'OW_BOOKING_CANCELLED', params: { item: '企业设立登记', time: '4月29日（周三）10:00', reason: '本人取消' } },
    { template: 'OW_BOOKING_CANCELLED', params: { item: '企业设立登记', time: '4月30日（周四）10:00', reason: '窗口系统升级暂停办理' } },
  ]);
});

it('reminds the day before from 9:00, once, and not those who booked that same day', async () => {
  const early = await createBookingResident({ phone: '13912340003' });
  const made = await book(early.token, slot('2026-04-30', '09:30'));
  const noPhone = await createBookingResident({ phone: false });
  await book(noPhone.token, slot('2026-04-30', '11:00'));

  setChinaNow('2026-04-29', '08:30');
  const lastMinute = await createBookingResident({ phone: '13912340004' });
  await book(lastMinute.token, slot('2026-04-30', '10:00'));
  expect(await sendBookingReminders()).toBe(false);
  expect(await MessageModel.countDocuments({ kind: 'booking_reminder' })).toBe(0); // before 9:00

  setChinaNow('2026-04-29', '09:05');
  await sendBookingReminders();
  await sendBookingReminders(); // a second run (or a second worker) sends nothing more
  await deliverQueuedSms();
  expect(sentTo('13912340003').filter((m) => m.template === 'OW_BOOKING_REMINDER')).toEqual([
    { template: 'OW_BOOKING_REMINDER', params: { item: '企业设立登记', place: '准格尔旗政务服务中心市场准入综合窗口', time: '09:30-10:00', code: made.body.code } },
  ]);
  expect(fake.sent.find((m) => m.templateCode === 'OW_BOOKING_REMINDER' && m.phone === '13912340003')!.content).toContain('您预约了明天09:30-10:00');
  expect(sentTo('13912340004').map((m) => m.template)).toEqual(['OW_BOOKING_CONFIRMED']);
  expect(await MessageModel.countDocuments({ kind: 'booking_reminder', userId: early.id })).toBe(1);
  expect(await MessageModel.countDocuments({ userId: noPhone.id })).toBe(0);
});

it('reminds a rescheduled booking of its new time', async () => {
  const resident = await createBookingResident({ phone: '13912340005' });
  const made = await book(resident.token, slot('2026-05-06', '14:30'));
  setChinaNow('2026-05-05', '09:30');
  await sendBookingReminders();
  setChinaNow('2026-05-05', '10:00');
  await gw.request('POST', `/api/v1/bookings/${made.body.id}/reschedule`, { token: resident.token, body: { slotId: slot('2026-05-07', '16:00') } });
  setChinaNow('2026-05-06', '09:30');
  await sendBookingReminders();
  await deliverQueuedSms();
  expect(sentTo('13912340005').filter((m) => m.template === 'OW_BOOKING_REMINDER').map((m) => m.params.time)).toEqual(['14:30-15:00', '16:00-16:30']);
});

it('tells residents whose booking a closed slot cancels, with the staff member\'s reason', async () => {
  const resident = await createBookingResident({ phone: '13912340006' });
  const clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
  await book(resident.token, slot('2026-05-07', '10:00'));
  const closed = await gw.request('PATCH', `/api/v1/staff/slots/${slot('2026-05-07', '10:00')}`, { token: clerk.token, body: { closed: true, reason: '大厅停电检修' } });
  expect(closed.body.cancelledBookings).toHaveLength(1);
  await deliverQueuedSms();
  expect(sentTo('13912340006')).toEqual([
    expect.objectContaining({ template: 'OW_BOOKING_CONFIRMED' }),
    { template: 'OW_BOOKING_CANCELLED', params: { item: '企业设立登记', time: '5月7日（周四）10:00', reason: '大厅停电检修' } },
  ]);
});
