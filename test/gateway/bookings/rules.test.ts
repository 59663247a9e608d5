/**
 * Booking rules through HTTP, each refusal with its own code and Chinese message, and nothing left
 * behind by a refusal. The booking clock stands on Tuesday 2026-04-28, 10:00 China time, before the
 * Labour Day holiday (May 1-5; Saturday May 9 is a make-up workday).
 */
import { bookingIdFor } from '../../../gateway/bookings/create';
import { useBookingRules } from '../../../gateway/bookings/rules';
import { takeSeat } from '../../../gateway/bookings/seats';
import { seedDemoData } from '../../../gateway/seed';
import { BookingModel } from '../../../models/booking';
import { loadedCatalogue, reloadCatalogue } from '../../../gateway/guides/catalogue';
import { GuideModel } from '../../../models/guide';
import { ServicePointModel } from '../../../models/service-point';
import { MessageModel } from '../../../models/message';
import { SlotModel } from '../../../models/slot';
import { createBookingResident, HALL_GUIDE, restoreClock, setChinaNow, TOWNSHIP_GUIDE } from '../../support/booking-factories';
import { createResident, createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { waitFor } from '../../support/wait';

let gw: TestGateway;
let clerk: { token: string };

beforeAll(async () => {
  gw = await startTestGateway({ label: 'book_rules' });
  await seedDemoData();
  clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
});
afterAll(async () => {
  restoreClock();
  await gw.stop();
});
beforeEach(() => {
  setChinaNow('2026-04-28', '10:00');
  useBookingRules(undefined);
});

const slot = (date: string, hhmm: string, window = 'market', point = 'banner-hall') => `${point}:${window}:${date}T${hhmm}`;
const book = (token: string, slotId: string, guideCode = HALL_GUIDE, headers: Record<string, string> = {}) =>
  gw.request('POST', '/api/v1/bookings', { token, body: { slotId, guideCode }, headers });
const listSlots = (date: string, guideCode = HALL_GUIDE, point = 'banner-hall') =>
  gw.request('GET', `/api/v1/slots?guideCode=${guideCode}&servicePointId=${point}&date=${date}`);

/** What a refusal must not change: bookings, queued SMS and taken seats. */
async function footprint() {
  const seats = await SlotModel.aggregate<{ n: number }>([{ $group: { _id: null, n: { $sum: '$booked' } } }]);
  return { bookings: await BookingModel.countDocuments(), messages: await MessageModel.countDocuments(), seats: seats[0]?.n ?? 0 };
}

async function expectRefused(res: { status: number; body: any }, status: number, code: string, message?: string | RegExp) {
  expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
  if (message) expect(res.body.error.message).toMatch(message);
}

describe('GET /slots', () => {
  it('lists a day\'s slots with capacity and seats left, and the bookable dates around the holiday', async () => {
    const res = await listSlots('2026-04-29');
    expect(res.status).toBe(200);
    expect(res.body.bookableDates).toEqual(['2026-04-29', '2026-04-30', '2026-05-06', '2026-05-07', '2026-05-08']);
    expect(res.body.items).toHaveLength(12);
    expect(res.body.items[0]).toMatchObject({
      id: slot('2026-04-29', '09:00'),
      start: '2026-04-29T09:00:00+08:00',
      end: '2026-04-29T09:30:00+08:00',
      capacity: 12,
      remaining: 12,
      bookable: true,
      window: { code: 'market', name: '市场准入综合窗口' },
    });
    const resident = await createBookingResident();
    expect((await book(resident.token, slot('2026-04-29', '09:00'))).status).toBe(201);
    expect((await listSlots('2026-04-29')).body.items[0]).toMatchObject({ capacity: 12, remaining: 11 });
    // Without a date: the first bookable one.
    expect((await gw.request('GET', `/api/v1/slots?guideCode=${HALL_GUIDE}&servicePointId=banner-hall`)).body.date).toBe('2026-04-29');
  });

  it('shows holidays as closed and today as not bookable', async () => {
    expect((await listSlots('2026-05-01')).body).toMatchObject({ open: false, items: [] });
    const today = await listSlots('2026-04-28');
    expect(today.body.items.length).toBeGreaterThan(0);
    expect(today.body.items.every((s: { bookable: boolean }) => !s.bookable)).toBe(true);
    expect(today.body.items[11].unavailableReason).toBe('预约需至少提前1天，当天办理请到大厅现场取号');
  });

  it('answers unknown guides, points that do not handle the guide, and bad dates', async () => {
    await expectRefused(await listSlots('2026-04-29', 'nope'), 404, 'guide.not_found', '未找到该办事事项');
    await expectRefused(await listSlots('2026-04-29', HALL_GUIDE, 'dalu'), 400, 'booking.point_mismatch', '该网点不办理此事项，请选择其他网点');
    await expectRefused(await listSlots('2026-04-29', HALL_GUIDE, 'atlantis'), 404, 'service_point.not_found');
    await expectRefused(await listSlots('29.04.2026'), 400, 'request.invalid', '日期');
    const township = await listSlots('2026-04-29', TOWNSHIP_GUIDE, 'dalu');
    expect(township.body.items[0]).toMatchObject({ window: { code: 'T1' }, capacity: 2 });
  });
});

describe('GET /slots from the in-memory catalogue', () => {
  it('follows a guide that stops taking bookings, and reads a service point the catalogue does not hold yet', async () => {
    await reloadCatalogue();
    const listed = async () => (await listSlots('2026-04-29')).status;
    expect(await listed()).toBe(200);
    try {
      // An administrator's change reaches every instance's catalogue through the change stream.
      await GuideModel.updateOne({ code: HALL_GUIDE }, { $set: { bookable: false } });
      await waitFor(async () => (await listed()) === 409);
      await expectRefused(await listSlots('2026-04-29'), 409, 'booking.not_bookable', '该事项暂不支持预约');
    } finally {
      await GuideModel.updateOne({ code: HALL_GUIDE }, { $set: { bookable: true } });
      await waitFor(async () => (await listed()) === 200);
    }
    // A point added after the catalogue was built is read from the database: the township guide is
    // handled at a new point (the catalogue follows), then the point opens (the catalogue polls for
    // points, so it does not hold it yet) with the township point's windows and hours.
    await GuideModel.updateOne({ code: TOWNSHIP_GUIDE }, { $push: { handledAt: { point: 'dalu-annex', windows: ['T1'] } } });
    await waitFor(async () => Boolean(loadedCatalogue()?.guides.get(TOWNSHIP_GUIDE)?.handledAt.some((h) => h.point === 'dalu-annex')));
    const township = (await ServicePointModel.findOne({ code: 'dalu' }).lean())!;
    await ServicePointModel.create({ ...township, _id: undefined, code: 'dalu-annex', name: '达鲁苏木便民服务大厅分厅' });
    expect(loadedCatalogue()!.storedPoints.has('dalu-annex')).toBe(false);
    const annex = await gw.request('GET', `/api/v1/slots?guideCode=${TOWNSHIP_GUIDE}&servicePointId=dalu-annex&date=2026-04-29`);
    expect(annex.status).toBe(200);
    expect(annex.body).toMatchObject({ servicePoint: { id: 'dalu-annex' } });
    expect(annex.body.items[0]).toMatchObject({ window: { code: 'T1' }, capacity: 2 });
  });
});

describe('POST /bookings', () => {
  it('books a slot for a real-name resident: 201 with a code, a QR payload and the SMS flag', async () => {
    const resident = await createBookingResident();
    const res = await book(resident.token, slot('2026-04-30', '15:00'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{8}$/),
      status: 'booked',
      statusName: '已预约',
      guide: { code: HALL_GUIDE, name: '企业设立登记' },
      servicePoint: { id: 'banner-hall', name: '准格尔旗政务服务中心' },
      window: { code: 'market' },
      date: '2026-04-30',
      start: '2026-04-30T15:00:00+08:00',
      timeLabel: '4月30日（周四） 15:00-15:30',
      smsNotice: true,
      changeable: true,
      changeDeadline: '2026-04-30T13:00:00+08:00',
    });
    expect(res.body.qrPayload).toBe(`OW-BOOKING:${res.body.code}`);
    expect(await MessageModel.countDocuments({ kind: 'booking_confirmed', 'cause.id': res.body.id })).toBe(1);
  });

  it('needs a logged-in resident with a bound real name', async () => {
    const before = await footprint();
    const anonymous = await gw.request('POST', '/api/v1/bookings', { body: { slotId: slot('2026-04-29', '10:00'), guideCode: HALL_GUIDE } });
    expect(anonymous.status).toBe(401);
    expect((await book(clerk.token, slot('2026-04-29', '10:00'))).status).toBe(401);
    const unbound = await createResident('13700000001');
    await expectRefused(await book(unbound.token, slot('2026-04-29', '10:00')), 403, 'booking.real_name_required', '预约需实名认证，请先绑定本人姓名和身份证号');
    expect(await footprint()).toEqual(before);
  });

  it('books only from tomorrow, within the next 5 working days, on open days and existing slots', async () => {
    const resident = await createBookingResident();
    const before = await footprint();
    await expectRefused(await book(resident.token, slot('2026-04-28', '16:00')), 409, 'booking.cutoff_passed', '预约需至少提前1天');
    await expectRefused(await book(resident.token, slot('2026-04-28', '09:00')), 409, 'booking.cutoff_passed', '该时段已过');
    await expectRefused(await book(resident.token, slot('2026-05-09', '09:00')), 409, 'booking.beyond_window', '仅可预约未来5个工作日内的时段');
    await expectRefused(await book(resident.token, slot('2026-05-01', '09:00')), 409, 'booking.day_closed', '该日不对外办公');
    await expectRefused(await book(resident.token, slot('2026-04-29', '09:10')), 404, 'slot.not_found');
    await expectRefused(await book(resident.token, slot('2026-04-29', '12:30')), 404, 'slot.not_found');
    await expectRefused(await book(resident.token, 'banner-hall;market'), 404, 'slot.not_found');
    await expectRefused(await book(resident.token, slot('2026-04-29', '09:00', 'social')), 400, 'booking.point_mismatch', '该窗口不办理此事项');
    await expectRefused(await book(resident.token, slot('2026-04-29', '09:00'), 'nope'), 404, 'guide.not_found');
    await expectRefused(await gw.request('POST', '/api/v1/bookings', { token: resident.token, body: { guideCode: HALL_GUIDE } }), 400, 'request.invalid', '预约时段');
    expect(await footprint()).toEqual(before);
    expect((await book(resident.token, slot('2026-05-08', '17:00'))).status).toBe(201);
  });

  it('opens a make-up Saturday (调休) when it falls in the window', async () => {
    setChinaNow('2026-05-06', '10:00');
    const resident = await createBookingResident();
    expect((await listSlots('2026-05-06')).body.bookableDates).toEqual(['2026-05-07', '2026-05-08', '2026-05-09', '2026-05-11', '2026-05-12']);
    expect((await book(resident.token, slot('2026-05-09', '09:00'))).status).toBe(201);
  });

  it('with same-day booking configured, stops a slot 60 minutes before it starts', async () => {
    useBookingRules({ leadDays: 0 });
    const resident = await createBookingResident();
    await expectRefused(await book(resident.token, slot('2026-04-28', '10:30')), 409, 'booking.cutoff_passed', '该时段开始前60分钟已停止预约');
    expect((await book(resident.token, slot('2026-04-28', '11:00'))).status).toBe(201);
  });

  it('refuses guides that are not bookable', async () => {
    await GuideModel.updateOne({ code: '11150622MB1A52861R4000117004000' }, { $set: { bookable: false } });
    const resident = await createBookingResident();
    await expectRefused(await book(resident.token, slot('2026-04-29', '09:00'), '11150622MB1A52861R4000117004000'), 409, 'booking.not_bookable', '该事项暂不支持预约');
  });

  it('allows one booking per person per day, also when the requests come at once', async () => {
    const resident = await createBookingResident();
    const first = await book(resident.token, slot('2026-04-29', '09:30'));
    expect(first.status).toBe(201);
    const before = await footprint();
    const second = await book(resident.token, slot('2026-04-29', '15:30'));
    await expectRefused(second, 409, 'booking.daily_limit', '每人每天限预约1次');
    expect(second.body.error.details).toEqual({ bookingId: first.body.id });
    expect(await footprint()).toEqual(before);
    expect((await book(resident.token, slot('2026-04-30', '15:30'))).status).toBe(201);

    const other = await createBookingResident();
    const times = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
    const answers = await Promise.all(times.map((t) => book(other.token, slot('2026-05-06', t))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'booking.daily_limit')).toBe(true);
    expect(await BookingModel.countDocuments({ userId: other.id })).toBe(1);
    const seats = await SlotModel.find({ _id: { $in: times.map((t) => slot('2026-05-06', t)) } }).lean();
    expect(seats.reduce((n, s) => n + s.booked, 0)).toBe(1);
  });

  it('answers "slot full" when the seats are gone, and "closed" when staff closed it', async () => {
    const id = slot('2026-05-07', '16:00');
    expect((await gw.request('PATCH', `/api/v1/staff/slots/${id}`, { token: clerk.token, body: { capacity: 1, reason: '人员外出培训' } })).status).toBe(200);
    const [a, b] = [await createBookingResident(), await createBookingResident()];
    expect((await book(a.token, id)).status).toBe(201);
    const before = await footprint();
    await expectRefused(await book(b.token, id), 409, 'booking.slot_full', '该时段已约满，请选择其他时段');
    const closing = slot('2026-05-07', '16:30');
    expect((await gw.request('PATCH', `/api/v1/staff/slots/${closing}`, { token: clerk.token, body: { closed: true, reason: '系统升级' } })).status).toBe(200);
    await expectRefused(await book(b.token, closing), 409, 'booking.slot_closed', '该时段已停止预约');
    expect(await footprint()).toEqual({ ...before });
  });
});

describe('Idempotency-Key', () => {
  it('makes one booking of repeated requests with the same key', async () => {
    const resident = await createBookingResident();
    const headers = { 'Idempotency-Key': 'mp-7f3a9c1e-0001' };
    const first = await book(resident.token, slot('2026-04-30', '10:00'), HALL_GUIDE, headers);
    const again = await book(resident.token, slot('2026-04-30', '10:00'), HALL_GUIDE, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await BookingModel.countDocuments({ userId: resident.id })).toBe(1);
    expect(await MessageModel.countDocuments({ kind: 'booking_confirmed', userId: resident.id })).toBe(1);
    await expectRefused(await book(resident.token, slot('2026-04-30', '10:30'), HALL_GUIDE, headers), 409, 'booking.idempotency_conflict');
    // Another resident's key is their own.
    const other = await createBookingResident();
    const theirs = await book(other.token, slot('2026-04-30', '10:00'), HALL_GUIDE, headers);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('makes one booking of the same request sent several times at once', async () => {
    const resident = await createBookingResident();
    const headers = { 'Idempotency-Key': 'retry-burst-42' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => book(resident.token, slot('2026-05-06', '14:30'), HALL_GUIDE, headers)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await BookingModel.countDocuments({ userId: resident.id })).toBe(1);
    expect((await SlotModel.findById(slot('2026-05-06', '14:30')).lean())!.booked).toBe(1);
  });

  it('lets a retry hold the seat a failed first try took (a failover lost its answer), not a second one', async () => {
    const resident = await createBookingResident();
    const key = 'mp-failover-0001';
    const target = slot('2026-05-07', '09:00');
    await book((await createBookingResident()).token, target); // the slot exists, one seat taken
    // The first try took its seat; its transaction then failed with the database away, so the seat stayed.
    await takeSeat(target, String(bookingIdFor(resident.id, { slotId: target, guideCode: HALL_GUIDE, idempotencyKey: key })));
    expect((await SlotModel.findById(target).lean())!.booked).toBe(2);
    const retry = await book(resident.token, target, HALL_GUIDE, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    const after = (await SlotModel.findById(target).lean())!;
    expect(after.booked).toBe(2);
    expect(after.holders.map((h) => h.bookingId)).toContain(retry.body.id);
  });

  it('frees the seat of a request whose key a concurrent request used for another slot', async () => {
    const resident = await createBookingResident();
    const headers = { 'Idempotency-Key': 'two-slots-one-key' };
    const [a, b] = [slot('2026-05-07', '10:00'), slot('2026-05-07', '10:30')];
    const answers = await Promise.all([book(resident.token, a, HALL_GUIDE, headers), book(resident.token, b, HALL_GUIDE, headers)]);
    expect(answers.map((x) => x.status).sort()).toEqual([201, 409]);
    const booked = await Promise.all([a, b].map(async (id) => (await SlotModel.findById(id).lean())?.booked ?? 0));
    expect(booked.sort()).toEqual([0, 1]);
  });

  it('refuses a malformed key', async () => {
    const resident = await createBookingResident();
    await expectRefused(await book(resident.token, slot('2026-04-30', '11:00'), HALL_GUIDE, { 'Idempotency-Key': 'has spaces/and$' }), 400, 'request.invalid', 'Idempotency-Key');
  });
});

describe('SMS flag', () => {
  it('tells a resident without a verified phone that no SMS will come, and queues none', async () => {
    const resident = await createBookingResident({ phone: false });
    const res = await book(resident.token, slot('2026-04-30', '11:30'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ smsNotice: false, smsNoticeHint: expect.stringContaining('验证手机号') });
    expect(await MessageModel.countDocuments({ 'cause.id': res.body.id })).toBe(0);
    expect((await gw.request('GET', '/api/v1/bookings/mine', { token: resident.token })).body).toMatchObject({ smsNotice: false, realNameBound: true, blockedUntil: null });
  });
});
