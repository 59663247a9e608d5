/** Staff: password login with lockout, expiring and revocable tokens, roles, administration, the audit log. */
import { seedDemoData } from '../../../gateway/seed';
import { AuditLogModel } from '../../../models/audit-log';
import { StaffModel } from '../../../models/staff';
import { createResident, createStaff, STAFF_PASSWORD } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ label: 'staff', env: { ADMIN_USERNAME: 'Chief-Admin', ADMIN_PASSWORD: 'Admin-password-1', BOT_TOKEN: 'bot-token-0123456789abcdef' } });
  await seedDemoData();
});
afterAll(() => gw.stop());

const login = (username: string, password: string) => gw.request('POST', '/api/v1/auth/staff-login', { body: { username, password } });

it('logs the first administrator (created at start) and the demo staff in', async () => {
  const admin = await login('chief-admin', 'Admin-password-1');
  expect(admin.status).toBe(200);
  expect(admin.body.staff).toMatchObject({ username: 'chief-admin', roles: ['admin'] });
  const clerk = await login('clerk', 'Demo@2026');
  expect(clerk.body.staff).toMatchObject({ roles: ['clerk'], servicePoint: 'banner-hall', window: 'market' });
  const me = await gw.request('GET', '/api/v1/staff/me', { token: clerk.body.token });
  expect(me.body.username).toBe('clerk');
});

it('answers a wrong password and an unknown user the same way', async () => {
  const wrong = await login('clerk2', 'nope');
  const unknown = await login('nobody', 'nope');
  expect(wrong.status).toBe(401);
  expect(unknown.body).toEqual(wrong.body);
  expect(wrong.body.error).toEqual({ code: 'auth.bad_credentials', message: '用户名或密码错误' });
});

it('locks an account after five wrong passwords, even against the right one, until an administrator unlocks it', async () => {
  const { id, username } = await createStaff(['clerk']);
  for (let i = 0; i < 4; i++) expect((await login(username, 'wrong-password')).status).toBe(401);
  const fifth = await login(username, 'wrong-password');
  expect(fifth.status).toBe(423);
  expect(fifth.body.error.code).toBe('auth.locked');
  expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await login(username, STAFF_PASSWORD)).status).toBe(423);
  const admin = (await login('chief-admin', 'Admin-password-1')).body.token;
  expect((await gw.request('PATCH', `/api/v1/staff/accounts/${id}`, { token: admin, body: { unlock: true } })).status).toBe(200);
  expect((await login(username, STAFF_PASSWORD)).status).toBe(200);
});

it('checks roles on every staff route', async () => {
  const clerk = await createStaff(['clerk']);
  const supervisor = await createStaff(['supervisor']);
  const admin = await createStaff(['admin']);
  const resident = await createResident('13812340000');
  expect((await gw.request('GET', '/api/v1/staff/accounts', { token: clerk.token })).status).toBe(403);
  expect((await gw.request('GET', '/api/v1/staff/accounts', { token: supervisor.token })).status).toBe(403);
  expect((await gw.request('GET', '/api/v1/staff/accounts', { token: admin.token })).status).toBe(200);
  expect((await gw.request('GET', '/api/v1/staff/audit-log', { token: clerk.token })).status).toBe(403);
  expect((await gw.request('GET', '/api/v1/staff/audit-log', { token: supervisor.token })).status).toBe(200);
  const asResident = await gw.request('GET', '/api/v1/staff/accounts', { token: resident.token });
  expect(asResident.status).toBe(401);
  expect(asResident.body.error.code).toBe('auth.staff_required');
  expect((await gw.request('GET', '/api/v1/me', { token: clerk.token })).status).toBe(401);
});

it('lets administrators manage accounts; every change is audited; a deactivated account loses its token at once', async () => {
  const admin = await createStaff(['admin']);
  const created = await gw.request('POST', '/api/v1/staff/accounts', {
    token: admin.token,
    body: { username: 'approver-health', displayName: '卫健委审批员', password: 'Strong-pass-42', roles: ['approver'], department: '准格尔旗卫生健康委员会' },
  });
  expect(created.status).toBe(201);
  expect(created.text).not.toMatch(/passwordHash|Strong-pass/);
  const dup = await gw.request('POST', '/api/v1/staff/accounts', { token: admin.token, body: { username: 'approver-health', displayName: 'x', password: 'Strong-pass-42', roles: ['clerk'] } });
  expect(dup.status).toBe(409);
  const weak = await gw.request('POST', '/api/v1/staff/accounts', { token: admin.token, body: { username: 'weak', displayName: 'x', password: 'short', roles: ['clerk'] } });
  expect(weak.status).toBe(400);
  expect(weak.body.error.message).toContain('密码至少10位');

  const token = (await login('approver-health', 'Strong-pass-42')).body.token;
  expect((await gw.request('GET', '/api/v1/staff/me', { token })).status).toBe(200);
  await gw.request('PATCH', `/api/v1/staff/accounts/${created.body.id}`, { token: admin.token, body: { active: false } });
  const revoked = await gw.request('GET', '/api/v1/staff/me', { token });
  expect(revoked.status).toBe(401);
  expect(revoked.body.error.code).toBe('auth.revoked');

  const selfLock = await gw.request('PATCH', `/api/v1/staff/accounts/${admin.id}`, { token: admin.token, body: { active: false } });
  expect(selfLock.status).toBe(409);
  const actions = (await AuditLogModel.find({ staffId: admin.id }).lean()).map((a) => a.action);
  expect(actions).toEqual(expect.arrayContaining(['staff.create', 'staff.update']));
  const log = await gw.request('GET', `/api/v1/staff/audit-log?staffId=${admin.id}`, { token: (await createStaff(['supervisor'])).token });
  expect(log.body.items[0]).toMatchObject({ username: admin.username, target: { type: 'staff' }, ip: expect.any(String) });
  expect(await StaffModel.exists({ username: 'approver-health', active: false })).toBeTruthy();
});

it('authenticates the bot by its token and speaks for an unbound chat user only where binding is not needed', async () => {
  const headers = { authorization: 'Bot bot-token-0123456789abcdef', 'x-chat-user': 'wxid_abc123' };
  expect((await gw.request('GET', '/api/v1/bot/me', { headers })).body).toEqual({ bound: false, user: null });
  expect((await gw.request('GET', '/api/v1/me', { headers })).body.error.code).toBe('auth.binding_required');
  const bad = await gw.request('GET', '/api/v1/bot/me', { headers: { ...headers, authorization: 'Bot wrong-token-0123456789' } });
  expect(bad.status).toBe(401);
  expect(bad.body.error.code).toBe('auth.bot_invalid');
  const noUser = await gw.request('GET', '/api/v1/bot/me', { headers: { authorization: headers.authorization } });
  expect(noUser.status).toBe(400);
  expect(noUser.body.error.code).toBe('auth.chat_user_missing');
  // A resident token is not a bot.
  const resident = await createResident('13812340001');
  expect((await gw.request('GET', '/api/v1/bot/me', { token: resident.token })).status).toBe(401);
});
