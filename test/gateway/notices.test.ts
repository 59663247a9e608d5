/** Policy notices: published by staff, listed publicly, sent by SMS only to opted-in subscribers. */
import { drainQueue } from '../../gateway/notifications/delivery';
import { fanOutNextBatch } from '../../gateway/notices/service';
import type { FakeAliyun } from '../support/fake-aliyun';
import { createResident, createStaff } from '../support/factories';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { startSmsFake } from '../support/sms';

let gw: TestGateway;
let fake: FakeAliyun;
const SECRET = 'callback-secret-0123456789';

beforeAll(async () => {
  const sms = await startSmsFake();
  fake = sms.fake;
  gw = await startTestGateway({ label: 'notices', env: { ...sms.env, SMS_CALLBACK_SECRET: SECRET } });
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});

async function fanOutAll() {
  while (await fanOutNextBatch());
}

it('reaches only opted-in subscribers of the topic, once each, and is listed for everyone', async () => {
  const supervisor = await createStaff(['supervisor']);
  const farmer = await createResident('13800000001');
  const worker = await createResident('13800000002');
  const optedOut = await createResident('13800000003');
  const put = (token: string, topics: string[]) => gw.request('PUT', '/api/v1/me/subscriptions', { token, body: { topics } });
  expect((await put(farmer.token, ['agriculture', 'social_security'])).body.topics).toEqual(['agriculture', 'social_security']);
  await put(worker.token, ['employment']);
  await put(optedOut.token, ['agriculture']);
  await gw.request('POST', `/api/v1/notifications/aliyun/sms-up?token=${SECRET}`, { body: [{ phone_number: '13800000003', content: 'TD' }] });

  const published = await gw.request('POST', '/api/v1/staff/notices', {
    token: supervisor.token,
    body: { title: '2026年耕地地力保护补贴申报', body: '请于12月15日前到所在苏木乡镇便民服务大厅申报。', smsSummary: '请于12月15日前到镇便民服务大厅申报', audience: { type: 'topic', topic: 'agriculture' } },
  });
  expect(published.status).toBe(201);
  await fanOutAll();
  await fanOutAll(); // running it again sends nothing more
  await drainQueue('w1');
  expect(fake.sent.map((m) => m.phone)).toEqual(['13800000001']);
  expect(fake.sent[0].params).toEqual({ title: '2026年耕地地力保护补贴申报', summary: '请于12月15日前到镇便民服务大厅申报' });

  const list = await gw.request('GET', '/api/v1/notices');
  expect(list.body.items[0]).toMatchObject({ id: published.body.id, title: '2026年耕地地力保护补贴申报', audience: { topic: 'agriculture', topicName: '农牧业补贴与生产' } });
  expect((await gw.request('GET', `/api/v1/notices/${published.body.id}`)).body.body).toContain('12月15日');
  const mine = await gw.request('GET', '/api/v1/me/messages', { token: farmer.token });
  expect(mine.body.items[0].text).toContain('耕地地力保护补贴');
  expect((await gw.request('GET', '/api/v1/me/messages', { token: worker.token })).body.items).toEqual([]);
});

it('lets a resident who replied TD opt back in by subscribing in the app', async () => {
  const supervisor = await createStaff(['supervisor']);
  const resident = await createResident('13800000004');
  await gw.request('POST', `/api/v1/notifications/aliyun/sms-up?token=${SECRET}`, { body: [{ phone_number: '13800000004', content: '退订' }] });
  await gw.request('PUT', '/api/v1/me/subscriptions', { token: resident.token, body: { topics: ['employment'] } });
  fake.reset();
  await gw.request('POST', '/api/v1/staff/notices', {
    token: supervisor.token,
    body: { title: '春季招聘会', body: '3月1日在旗人才市场举办。', smsSummary: '3月1日旗人才市场招聘会', audience: { type: 'topic', topic: 'employment' } },
  });
  await fanOutAll();
  await drainQueue('w1');
  expect(fake.sent.map((m) => m.phone)).toContain('13800000004');
});

it('needs a verified phone to subscribe, and staff rights to publish', async () => {
  const wechatOnly = await createResident();
  const res = await gw.request('PUT', '/api/v1/me/subscriptions', { token: wechatOnly.token, body: { topics: ['education'] } });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('notice.phone_required');
  const clerk = await createStaff(['clerk']);
  const body = { title: '标题', body: '正文内容', smsSummary: '摘要', audience: { type: 'all' } };
  expect((await gw.request('POST', '/api/v1/staff/notices', { token: clerk.token, body })).status).toBe(403);
  expect((await gw.request('POST', '/api/v1/staff/notices', { token: wechatOnly.token, body })).status).toBe(401);
  const bad = await gw.request('PUT', '/api/v1/me/subscriptions', { token: wechatOnly.token, body: { topics: ['lottery'] } });
  expect(bad.status).toBe(400);
});
