/** Residents: WeChat login against the fake WeChat, SMS login through the real SMS path, masking, real name. */
import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import { createLogger, useLogger } from '../../../gateway/logger';
import { issueToken } from '../../../gateway/identity/tokens';
import { SmsCodeModel } from '../../../models/sms-code';
import { UserModel } from '../../../models/user';
import type { FakeAliyun } from '../../support/fake-aliyun';
import { startFakeWechat, type FakeWechat } from '../../support/fake-wechat';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { deliverQueuedSms, lastCodeSentTo, startSmsFake } from '../../support/sms';

const logLines: string[] = [];
useLogger(createLogger('info', new Writable({ write(chunk, _e, cb) { logLines.push(String(chunk)); cb(); } })));

let gw: TestGateway;
let wechat: FakeWechat;
let aliyun: FakeAliyun;

beforeAll(async () => {
  wechat = await startFakeWechat();
  const sms = await startSmsFake();
  aliyun = sms.fake;
  gw = await startTestGateway({
    label: 'login',
    env: { ...sms.env, WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, WECHAT_API_BASE: wechat.apiBase, LOG_LEVEL: 'info' },
  });
});
afterAll(async () => {
  await gw.stop();
  await wechat.close();
  await aliyun.close();
});

async function smsLogin(phone: string) {
  expect((await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone } })).status).toBe(202);
  await deliverQueuedSms();
  const res = await gw.request('POST', '/api/v1/auth/sms-login', { body: { phone, code: lastCodeSentTo(aliyun, phone) } });
  expect(res.status).toBe(200);
  return res.body as { token: string; user: { id: string; phone: string } };
}

describe('WeChat login', () => {
  it('exchanges the wx.login code for a token, and the same WeChat user gets the same account', async () => {
    const first = await gw.request('POST', '/api/v1/auth/wechat', { body: { code: wechat.codeFor('alice') } });
    expect(first.status).toBe(200);
    expect(first.body.token).toBeTruthy();
    const again = await gw.request('POST', '/api/v1/auth/wechat', { body: { code: wechat.codeFor('alice') } });
    expect(again.body.user.id).toBe(first.body.user.id);
    const me = await gw.request('GET', '/api/v1/me', { token: first.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: first.body.user.id, wechatBound: true, phone: null, realName: null });
    const stored = await UserModel.findById(first.body.user.id).lean();
    expect(JSON.stringify(stored)).not.toContain('openid-alice');
  });

  it.each([
    [40029, 400, 'identity.wechat_code_invalid'],
    [45011, 429, 'identity.wechat_rate_limited'],
    [-1, 503, 'identity.wechat_busy'],
    [40226, 403, 'identity.wechat_risky_user'],
  ])('maps WeChat errcode %s to %s %s', async (errcode, status, code) => {
    wechat.failNext(errcode);
    const res = await gw.request('POST', '/api/v1/auth/wechat', { body: { code: wechat.codeFor('bob') } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a code used twice, as WeChat does', async () => {
    const code = wechat.codeFor('carol');
    expect((await gw.request('POST', '/api/v1/auth/wechat', { body: { code } })).status).toBe(200);
    expect((await gw.request('POST', '/api/v1/auth/wechat', { body: { code } })).body.error.code).toBe('identity.wechat_code_invalid');
  });

  it('rejects a missing code with a readable 400', async () => {
    const res = await gw.request('POST', '/api/v1/auth/wechat', { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
  });
});

describe('SMS-code login', () => {
  it('sends a code through Aliyun (login_code template, parameter code) and logs in with it', async () => {
    const session = await smsLogin('13800138000');
    expect(session.user.phone).toBe('138****8000');
    const sent = aliyun.sent.filter((m) => m.phone === '13800138000');
    expect(sent).toHaveLength(1);
    expect(sent[0].templateCode).toBe('OW_LOGIN_CODE');
    expect(sent[0].params).toEqual({ code: expect.stringMatching(/^\d{6}$/) });
    expect(sent[0].signName).toBe('一窗通办');
    const me = await gw.request('GET', '/api/v1/me', { token: session.token });
    expect(me.body.phone).toBe('138****8000');
    expect(me.text).not.toContain('13800138000');
    // Stored encrypted and hashed, never in clear.
    const stored = await UserModel.findById(session.user.id).lean();
    expect(JSON.stringify(stored)).not.toContain('13800138000');
    const code = await SmsCodeModel.findOne({}).sort({ createdAt: -1 }).lean();
    expect(JSON.stringify(code)).not.toContain(sent[0].params.code);
  });

  it('logs the same phone into the same account', async () => {
    const a = await smsLogin('13900000001');
    await SmsCodeModel.updateMany({}, { $set: { createdAt: new Date(0) } });
    await mongoose.connection.db!.collection('ratelimits').deleteMany({});
    const b = await smsLogin('13900000001');
    expect(b.user.id).toBe(a.user.id);
  });

  it('accepts common ways of writing the number', async () => {
    const res = await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone: '+86 139-0000-0002' } });
    expect(res.status).toBe(202);
  });

  it.each(['12345', '23800138000', '1380013800a', ''])('refuses %p with a clear Chinese error', async (phone) => {
    const res = await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/手机号/);
  });

  it('limits sending to one code a minute per phone, with Retry-After', async () => {
    expect((await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone: '13700000003' } })).status).toBe(202);
    const again = await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone: '13700000003' } });
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('identity.code_rate_limited');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('allows five attempts, then the code is dead', async () => {
    const phone = '13600000004';
    await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone } });
    await deliverQueuedSms();
    const real = lastCodeSentTo(aliyun, phone);
    const wrong = real === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await gw.request('POST', '/api/v1/auth/sms-login', { body: { phone, code: wrong } });
      expect(res.status).toBe(400);
    }
    const late = await gw.request('POST', '/api/v1/auth/sms-login', { body: { phone, code: real } });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('identity.code_invalid');
  });

  it('refuses an expired code and a used code', async () => {
    const phone = '13500000005';
    await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone } });
    await deliverQueuedSms();
    const code = lastCodeSentTo(aliyun, phone);
    await SmsCodeModel.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await gw.request('POST', '/api/v1/auth/sms-login', { body: { phone, code } })).status).toBe(400);
    await SmsCodeModel.updateMany({}, { $set: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await gw.request('POST', '/api/v1/auth/sms-login', { body: { phone, code } })).status).toBe(200);
    expect((await gw.request('POST', '/api/v1/auth/sms-login', { body: { phone, code } })).status).toBe(400);
  });
});

describe('tokens', () => {
  it('refuses an expired token and a forged one', async () => {
    const { user } = await smsLoginFresh('13400000006');
    const expired = issueToken({ kind: 'resident', sub: user.id }, 60, Date.now() - 3600_000).token;
    const res = await gw.request('GET', '/api/v1/me', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.expired');
    const forged = `${expired.split('.')[0]}.AAAA`;
    expect((await gw.request('GET', '/api/v1/me', { token: forged })).body.error.code).toBe('auth.invalid');
    expect((await gw.request('GET', '/api/v1/me')).status).toBe(401);
  });
});

async function smsLoginFresh(phone: string) {
  return smsLogin(phone);
}

describe('real-name binding', () => {
  it('validates the ID check digit, stores it encrypted and shows only masks', async () => {
    const { token, user } = await smsLogin('13300000007');
    const bad = await gw.request('PUT', '/api/v1/me/real-name', { token, body: { name: '张三', idNumber: '150203199001011235' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('identity.id_invalid');
    const ok = await gw.request('PUT', '/api/v1/me/real-name', { token, body: { name: '张三丰', idNumber: '15020319900101103x' } });
    expect(ok.status).toBe(200);
    expect(ok.body.realName).toMatchObject({ name: '张*丰', idNumber: '1502**********103X' });
    const me = await gw.request('GET', '/api/v1/me', { token });
    expect(me.text).not.toMatch(/15020319900101103X|张三丰/);
    const stored = JSON.stringify(await UserModel.findById(user.id).lean());
    expect(stored).not.toMatch(/15020319900101103X|张三丰/);
  });

  it('refuses an ID number already bound to another account', async () => {
    const other = await smsLogin('13300000008');
    const res = await gw.request('PUT', '/api/v1/me/real-name', { token: other.token, body: { name: '李四', idNumber: '15020319900101103X' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('identity.id_taken');
  });

  it('rejects a name that is not a name', async () => {
    const { token } = await smsLogin('13300000009');
    const res = await gw.request('PUT', '/api/v1/me/real-name', { token, body: { name: '<script>', idNumber: '110101199003074477' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('identity.name_invalid');
  });
});

describe('logs', () => {
  it('hold no full phone number, ID number or code after all of the above', () => {
    const all = logLines.join('');
    expect(logLines.length).toBeGreaterThan(10);
    expect(all).not.toMatch(/13800138000|13300000007|15020319900101103X/);
    for (const m of aliyun.sent) if (m.params.code) expect(all).not.toContain(`"${m.params.code}"`);
  });
});
