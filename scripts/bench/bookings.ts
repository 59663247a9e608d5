/**
 * Bookings: slot listing over HTTP (against bare Koa, and its database part against the raw
 * driver), and a booking burst — many real-name residents asking for few seats at once — checked
 * for correctness (exactly `capacity` bookings, no overbooking, no 5xx) with its throughput set
 * against the raw driver doing the same conditional seat update from as many callers.
 */
import mongoose from 'mongoose';
import { slotIdOf } from '../../gateway/bookings/schedule';
import { BookingModel } from '../../models/booking';
import { SlotModel } from '../../models/slot';
import { bookableHallDate, createBookingResident, HALL_GUIDE, type BookingResident } from '../../test/support/booking-factories';
import { createStaff } from '../../test/support/factories';
import { CONNECTIONS, record, SECONDS } from './figures';
import { bareBaseline, recordHttp, type HttpContext } from './http';
import { batchRate, httpLoad, loopLoad } from './load';

const BURST = Number(process.env.BENCH_BOOKING_BURST ?? 200);
const CAPACITY = 10;

export async function benchSlotListing(ctx: HttpContext): Promise<void> {
  console.log(`\nSlot listing at ${CONNECTIONS} connections (clients spread over 500 addresses, as many residents are)`);
  const baseline = await bareBaseline(ctx);
  const dates = [await bookableHallDate(1), await bookableHallDate(2), await bookableHallDate(3)];
  const path = (date: string) => `/api/v1/slots?guideCode=${HALL_GUIDE}&servicePointId=banner-hall&date=${date}`;
  const first = await (await fetch(ctx.gateway.url + path(dates[0]))).json();
  if (!Array.isArray(first.items) || first.items.length === 0) throw new Error(`slot listing returned no slots: ${JSON.stringify(first).slice(0, 300)}`);
  // Every request from another resident's address (the gateway trusts X-Forwarded-For here), so
  // each one also pays its per-address rate-limit count, as in production.
  const requests = Array.from({ length: 500 }, (_, i) => ({ path: path(dates[i % dates.length]), headers: { 'x-forwarded-for': `10.${(i >> 8) & 255}.${i & 255}.7` } }));
  const listing = await httpLoad(ctx.gateway.url, [], { connections: CONNECTIONS, seconds: SECONDS, requests });
  recordHttp('slot listing', listing, baseline);
  const ids = (first.items as Array<{ id: string }>).map((s) => s.id);
  const slots = mongoose.connection.db!.collection('slots');
  const raw = await loopLoad(() => slots.find({ _id: { $in: ids } } as never).toArray(), { concurrency: CONNECTIONS, seconds: SECONDS });
  record('raw driver find of a day\'s slots ops/s', raw, 'ops/s');
  record('slot listing vs raw driver find', listing.rps, 'req/s', raw);
}

export async function benchBookingBurst(ctx: HttpContext): Promise<void> {
  console.log(`\nBooking burst: ${BURST} real-name residents ask for ${CAPACITY} seats of one slot at once`);
  const residents: BookingResident[] = [];
  while (residents.length < BURST) residents.push(...(await Promise.all(Array.from({ length: 25 }, () => createBookingResident()))));
  const clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
  const slotId = slotIdOf('banner-hall', 'market', await bookableHallDate(4), '10:00');
  const set = await fetch(`${ctx.gateway.url}/api/v1/staff/slots/${encodeURIComponent(slotId)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${clerk.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ capacity: CAPACITY, reason: '压力测试' }),
  });
  if (set.status !== 200) throw new Error(`setting the slot's capacity failed: ${set.status} ${await set.text()}`);

  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const started = process.hrtime.bigint();
  const answers = await Promise.all(
    residents.map(async (r) => {
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${ctx.gateway.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json', 'x-forwarded-for': `10.9.${residents.indexOf(r) & 255}.1` },
        body: JSON.stringify({ slotId, guideCode: HALL_GUIDE }),
      });
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string } } };
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

  const won = answers.filter((a) => a.status === 201).map((a) => a.body.id);
  const full = answers.filter((a) => a.status === 409 && a.body.error?.code === 'booking.slot_full').length;
  const slot = await SlotModel.findById(slotId).lean();
  const stored = await BookingModel.countDocuments({ slotId });
  const exact = won.length === CAPACITY && full === BURST - CAPACITY && slot?.booked === CAPACITY && stored === CAPACITY && new Set(won).size === CAPACITY;
  console.log(`  answers: ${JSON.stringify(statuses)}; slot booked ${slot?.booked}/${slot?.capacity}; bookings stored ${stored}`);
  record('booking burst exact (no overbooking, no 5xx)', exact ? 1 : 0, 'bool');
  record('booking burst 5xx answers', Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0), 'count');

  // The same atomic seat update, from as many callers, with the plain driver on a scratch slot.
  const scratch = mongoose.connection.db!.collection<{ _id: string; booked: number; capacity: number; holders: unknown[] }>('bench_seats');
  await scratch.deleteMany({});
  await scratch.insertOne({ _id: 'burst', booked: 0, capacity: CAPACITY, holders: [] });
  const raw = await batchRate(
    BURST,
    (i) => scratch.updateOne({ _id: 'burst', 'holders.bookingId': { $ne: `b${i}` }, $expr: { $lt: ['$booked', '$capacity'] } }, { $inc: { booked: 1 }, $push: { holders: { bookingId: `b${i}`, at: new Date() } } }),
    BURST,
  );
  record('raw driver conditional seat updates/s', raw, 'ops/s');
  record('booking burst answers/s vs raw seat updates', BURST / seconds, 'req/s', raw);
  record('booking burst p50 latency', pct(50), 'ms');
  record('booking burst p99 latency', pct(99), 'ms');
  await scratch.drop();
}
