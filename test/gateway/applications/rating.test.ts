/** A finished application is rated once by its applicant (好差评), and a bad rating opens a rectification. */
import { seedDemoData } from '../../../gateway/seed';
import { demoGuides } from '../../../gateway/seed/guides';
import { createResident, createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';

let gw: TestGateway;
const guide = demoGuides.find((g) => g.online && g.caseType === 'promised' && g.handledAt.some((h) => h.point === 'banner-hall'))!;

beforeAll(async () => {
  gw = await startTestGateway({ label: 'apprating' });
  await seedDemoData();
});
afterAll(() => gw.stop());

it('lets the applicant rate a completed application once; nobody else can', async () => {
  const resident = await createResident('13622220001');
  await gw.request('PUT', '/api/v1/me/real-name', { token: resident.token, body: { name: '孙丽', idNumber: '110101199003071006' } });
  const number = (await gw.request('POST', '/api/v1/applications', { token: resident.token, body: { guideCode: guide.code } })).body.number;
  const clerk = (await createStaff(['clerk'], { servicePoint: 'banner-hall' })).token;
  const approver = (await createStaff(['approver'], { department: guide.department })).token;
  const act = (token: string, action: string) => gw.request('POST', `/api/v1/staff/applications/${number}/transitions`, { token, body: { action } });

  const early = await gw.request('POST', '/api/v1/ratings', { token: resident.token, body: { caseType: 'application', caseId: number, level: 5 } });
  expect(early.status).toBeGreaterThanOrEqual(400);
  expect(early.status).toBeLessThan(500);

  for (const [token, action] of [[clerk, 'accept'], [approver, 'start_review'], [approver, 'approve'], [clerk, 'mark_ready'], [clerk, 'complete']] as const) {
    expect((await act(token, action)).status).toBe(200);
  }
  const other = await createResident('13622220002');
  expect((await gw.request('POST', '/api/v1/ratings', { token: other.token, body: { caseType: 'application', caseId: number, level: 1 } })).status).toBe(404);
  const rated = await gw.request('POST', '/api/v1/ratings', { token: resident.token, body: { caseType: 'application', caseId: number, level: 2, comment: '等了很久' } });
  expect(rated.status).toBe(201);
  const again = await gw.request('POST', '/api/v1/ratings', { token: resident.token, body: { caseType: 'application', caseId: number, level: 5 } });
  expect(again.status).toBe(409);
  const supervisor = (await createStaff(['supervisor'])).token;
  const rect = await gw.request('GET', '/api/v1/staff/rectifications', { token: supervisor });
  expect(JSON.stringify(rect.body)).toContain(number);
  const stats = await gw.request('GET', '/api/v1/staff/ratings/stats?by=guide', { token: supervisor });
  expect(JSON.stringify(stats.body)).toContain(guide.code);
});
