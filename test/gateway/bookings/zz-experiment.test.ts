import { addWorkingDays, chinaDate } from '../../../gateway/calendar/working-days';
import { slotIdOf } from '../../../gateway/bookings/schedule';
import { seedDemoData } from '../../../gateway/seed';
import { createBookingResident, type BookingResident } from '../../support/booking-factories';
import { createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';

jest.setTimeout(600_000);
const GUIDE = '11150622MB1A52861R4000117003000';
let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway({ label: 'exp' }); await seedDemoData(); });
afterAll(() => gw.stop());

async function fire(residents: BookingResident[], slotId: string, guide = GUIDE) {
  const t = Date.now();
  const answers = await Promise.all(residents.map(async (r) => {
    const res = await fetch(`${gw.url}/api/v1/bookings`, { method: 'POST', headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ slotId, guideCode: guide }) });
    return res.status;
  }));
  const st = answers.reduce<Record<number, number>>((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {});
  process.stderr.write(`${slotId} ${Date.now() - t} ms ${JSON.stringify(st)}\n`);
}

it('measures', async () => {
  const residents: BookingResident[] = [];
  let t = Date.now();
  while (residents.length < 300) residents.push(...(await Promise.all(Array.from({ length: 25 }, () => createBookingResident()))));
  process.stderr.write(`residents ${Date.now() - t} ms\n`);
  const date = addWorkingDays(chinaDate(new Date()), 2);
  const clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
  // refusal before any transaction
  await fire(residents, slotIdOf('banner-hall', 'social', date, '14:30'));
  // capacity 300: all succeed
  const big = slotIdOf('banner-hall', 'market', date, '15:00');
  await gw.request('PATCH', `/api/v1/staff/slots/${encodeURIComponent(big)}`, { token: clerk.token, body: { capacity: 300, reason: '测试' } });
  await fire(residents, big);
});
