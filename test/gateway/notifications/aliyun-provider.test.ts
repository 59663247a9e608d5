/**
 * The Aliyun SMS provider, driven through the REAL SDK (@alicloud/dysmsapi20170525) against a
 * loopback fake that verifies ACS3-HMAC-SHA256 signatures and speaks SendSms/QuerySendDetails.
 */
import http from 'node:http';
import {
  aliyunSendDate,
  classifyAliyunError,
  classifySendSmsBody,
  createAliyunProvider,
} from '../../../gateway/notifications/providers/aliyun';
import type { SmsProvider, SmsSendRequest, SmsSendResult } from '../../../gateway/notifications/providers/types';
import {
  startFakeAliyun,
  unusedPort,
  verifyAcs3Signature,
  type CapturedRequest,
  type FakeAliyun,
  type FakeAliyunFailMode,
} from '../../support/fake-aliyun';

const TIMEOUT_MS = 800;
const PHONE = '13912345678';
const TEMPLATE = 'SMS_480100001';

let fake: FakeAliyun;
let provider: SmsProvider;
let seq = 0;

function request(overrides: Partial<SmsSendRequest> = {}): SmsSendRequest {
  seq += 1;
  return {
    phone: PHONE,
    templateCode: TEMPLATE,
    // Chinese, spaces and the !'()* characters the SDK sends raw but signs escaped.
    params: { name: "张三 (O'Neil)!*", item: '居民身份证换领', time: '2024-05-06 09:30' },
    outId: `ntf_${Date.now().toString(36)}_${seq}`,
    signName: '一窗通办',
    text: '【一窗通办】张三，您办理的居民身份证换领已受理，请于2024-05-06 09:30到窗口领取。',
    ...overrides,
  };
}

function providerFor(over: { endpoint?: string; accessKeyId?: string; accessKeySecret?: string } = {}): SmsProvider {
  return createAliyunProvider({
    endpoint: over.endpoint ?? fake.endpoint,
    protocol: 'http',
    accessKeyId: over.accessKeyId ?? fake.accessKeyId,
    accessKeySecret: over.accessKeySecret ?? fake.accessKeySecret,
    timeoutMs: TIMEOUT_MS,
  });
}

function expectNoPhone(result: SmsSendResult | Error): void {
  expect(JSON.stringify('message' in result ? result.message : result)).not.toContain(PHONE.slice(3));
}

/** Sends a captured (possibly altered) request again, byte for byte, on a fresh connection. */
function replay(req: CapturedRequest): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    delete headers.connection;
    headers['content-length'] = String(req.body.length);
    const out = http.request({ host: '127.0.0.1', port: fake.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    out.on('error', reject);
    out.end(req.body);
  });
}

beforeAll(async () => {
  fake = await startFakeAliyun();
  provider = providerFor();
});

beforeEach(() => {
  fake.reset();
  fake.registerTemplate(TEMPLATE, ['name', 'item', 'time'], '${name}，您办理的${item}已受理，请于${time}到窗口领取。');
});

afterAll(async () => {
  await fake.close();
});

describe('send()', () => {
  test('a correctly signed request is accepted and recorded exactly', async () => {
    const req = request();
    const result = await provider.send(req);
    expect(result).toEqual({ outcome: 'accepted', providerMessageId: expect.stringMatching(/^\d+\^0$/), requestId: expect.any(String) });
    expect(fake.sent).toHaveLength(1);
    const [m] = fake.sent;
    expect(m).toMatchObject({
      phone: PHONE,
      signName: '一窗通办',
      templateCode: TEMPLATE,
      params: req.params,
      outId: req.outId,
      status: 'sending',
      content: "【一窗通办】张三 (O'Neil)!*，您办理的居民身份证换领已受理，请于2024-05-06 09:30到窗口领取。",
    });
    expect(result.outcome === 'accepted' && result.providerMessageId).toBe(m.bizId);
    expect(fake.requests).toEqual({ SendSms: 1 });
  });

  test('a provider answering after its round trip: accepted once it answers', async () => {
    // (An answer held past the timeout is 'timeout-after-send' below; a held answer here would leave
    // a late reply on a kept-alive socket for the next test.)
    fake.latencyMs = 150;
    try {
      const started = Date.now();
      expect(await provider.send(request())).toMatchObject({ outcome: 'accepted' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(fake.sent).toHaveLength(1);
    } finally {
      fake.latencyMs = 0;
    }
  });

  test('a wrong secret is refused as technical SignatureDoesNotMatch (the fake verifies)', async () => {
    const result = await providerFor({ accessKeySecret: 'not-the-secret' }).send(request());
    expect(result).toMatchObject({ outcome: 'refused', kind: 'technical', code: 'SignatureDoesNotMatch' });
    expectNoPhone(result);
    expect(fake.sent).toHaveLength(0);
  });

  test('an unknown AccessKeyId is refused as technical InvalidAccessKeyId.NotFound', async () => {
    const result = await providerFor({ accessKeyId: 'LTAInobodyknowsme' }).send(request());
    expect(result).toMatchObject({ outcome: 'refused', kind: 'technical', code: 'InvalidAccessKeyId.NotFound' });
    expect(fake.sent).toHaveLength(0);
  });

  test.each([
    ['a number that is not a mainland mobile', { phone: '12345' }, 'isv.MOBILE_NUMBER_ILLEGAL'],
    ['a missing template variable', { params: { name: '张三', item: '社保卡' } }, 'isv.TEMPLATE_MISSING_PARAMETERS'],
    ['an unknown template', { templateCode: 'SMS_000000000' }, 'isv.SMS_TEMPLATE_ILLEGAL'],
    ['a variable over 35 characters', { params: { name: '张'.repeat(36), item: '社保卡', time: '明天' } }, 'isv.PARAM_LENGTH_LIMIT'],
  ])('the service rules: %s → refused permanent', async (_label, overrides, code) => {
    const result = await provider.send(request(overrides as Partial<SmsSendRequest>));
    expect(result).toMatchObject({ outcome: 'refused', kind: 'permanent', code });
    expect(fake.sent).toHaveLength(0);
  });

  const modes: Array<[FakeAliyunFailMode, Partial<SmsSendResult>]> = [
    ['BUSINESS_LIMIT_CONTROL', { outcome: 'refused', kind: 'temporary', code: 'isv.BUSINESS_LIMIT_CONTROL' }],
    ['MOBILE_NUMBER_ILLEGAL', { outcome: 'refused', kind: 'permanent', code: 'isv.MOBILE_NUMBER_ILLEGAL' }],
    ['Throttling.User', { outcome: 'refused', kind: 'temporary', code: 'Throttling.User' }],
    ['5xx', { outcome: 'refused', kind: 'temporary', code: 'ServiceUnavailable' }],
    ['html', { outcome: 'unknown', code: 'response.unparseable' }],
    ['timeout', { outcome: 'unknown', code: 'network.timeout' }],
    ['reset', { outcome: 'unknown', code: 'network.reset' }],
  ];
  test.each(modes.map(([mode, expected]) => [mode, Object.values(expected).join(' '), expected] as const))(
    'failure mode %s → %s, and the next send works',
    async (mode, _summary, expected) => {
      fake.failNext(mode);
      const started = Date.now();
      const result = await provider.send(request());
      const took = Date.now() - started;
      expect(result).toMatchObject(expected);
      expectNoPhone(result);
      expect(fake.sent).toHaveLength(0);
      if (mode === 'timeout') {
        expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
        expect(took).toBeLessThan(TIMEOUT_MS * 3);
      } else {
        expect(took).toBeLessThan(TIMEOUT_MS);
      }
      expect(await provider.send(request())).toMatchObject({ outcome: 'accepted' });
      // The SDK does not retry on its own: one call per send().
      expect(fake.requests.SendSms).toBe(2);
    },
  );

  test('timeout-after-send → unknown, and lookup() then finds it by outId (sending, then delivered)', async () => {
    const req = request();
    const sentAt = new Date();
    fake.failNext('timeout-after-send');
    const result = await provider.send(req);
    expect(result).toMatchObject({ outcome: 'unknown', code: 'network.timeout' });
    expectNoPhone(result);
    // The service did send it: a blind retry would send it twice.
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0].outId).toBe(req.outId);

    expect(await provider.lookup({ phone: req.phone, outId: req.outId, sentAt })).toEqual({ found: true, status: 'sending' });
    fake.deliver(req.outId);
    expect(await provider.lookup({ phone: req.phone, outId: req.outId, sentAt })).toEqual({ found: true, status: 'delivered', code: 'DELIVERED' });
    expect(fake.requests).toEqual({ SendSms: 1, QuerySendDetails: 2 });
  });

  test('connection refused → refused temporary network.unreachable (nothing was sent)', async () => {
    const port = await unusedPort();
    const result = await providerFor({ endpoint: `127.0.0.1:${port}` }).send(request());
    expect(result).toMatchObject({ outcome: 'refused', kind: 'temporary', code: 'network.unreachable' });
    expectNoPhone(result);
  });

  test('a keep-alive connection idle for longer than the timeout is reused safely', async () => {
    expect(await provider.send(request())).toMatchObject({ outcome: 'accepted' });
    const connections = fake.connections;
    await new Promise((r) => setTimeout(r, TIMEOUT_MS + 150));
    expect(await provider.send(request())).toMatchObject({ outcome: 'accepted' });
    expect(fake.connections).toBe(connections);
    expect(fake.sent).toHaveLength(2);
  });

  test('a stalled call right after a good one on the same connection still times out in timeoutMs', async () => {
    // httpx (under the SDK) leaves each request's read timer running; on a reused socket the
    // previous request's timer clears the new one's, so only the socket idle timer (connectTimeout,
    // which the provider sets equal to the read timeout) bounds this call.
    expect(await provider.send(request())).toMatchObject({ outcome: 'accepted' });
    const connections = fake.connections;
    fake.failNext('timeout');
    const started = Date.now();
    expect(await provider.send(request())).toMatchObject({ outcome: 'unknown', code: 'network.timeout' });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 400);
    expect(fake.connections).toBe(connections);
  });
});

describe('lookup()', () => {
  test('found:false for an outId never sent (even with other messages that day)', async () => {
    await provider.send(request());
    await provider.send(request());
    expect(await provider.lookup({ phone: PHONE, outId: 'ntf_never_sent', sentAt: new Date() })).toEqual({ found: false });
    expect(await provider.lookup({ phone: '13800000000', outId: fake.sent[0].outId!, sentAt: new Date() })).toEqual({ found: false });
  });

  test('with the BizId known, a failed receipt is reported with its error code', async () => {
    const req = request();
    const result = await provider.send(req);
    if (result.outcome !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(result)}`);
    fake.deliver(result.providerMessageId, false, 'MK:0001');
    expect(await provider.lookup({ phone: PHONE, outId: req.outId, sentAt: new Date(), providerMessageId: result.providerMessageId })).toEqual({
      found: true,
      providerMessageId: result.providerMessageId,
      status: 'failed',
      code: 'MK:0001',
    });
    const [call] = fake.captured.filter((c) => c.headers['x-acs-action'] === 'QuerySendDetails');
    const query = new URLSearchParams(call.url.slice(2));
    expect(Object.fromEntries(query)).toEqual({
      BizId: result.providerMessageId,
      CurrentPage: '1',
      PageSize: '50',
      PhoneNumber: PHONE,
      SendDate: aliyunSendDate(new Date()),
    });
  });

  test('throws when it cannot ask (the worker retries later), without the phone number in the error', async () => {
    fake.failNext('5xx', 1, 'QuerySendDetails');
    const err1 = await provider.lookup({ phone: PHONE, outId: 'x', sentAt: new Date() }).catch((e: Error) => e);
    expect(err1).toBeInstanceOf(Error);
    expect((err1 as Error).message).toMatch(/ServiceUnavailable/);
    expectNoPhone(err1 as Error);

    fake.failNext('timeout', 1, 'QuerySendDetails');
    const err2 = await provider.lookup({ phone: PHONE, outId: 'x', sentAt: new Date() }).catch((e: Error) => e);
    expect((err2 as Error).message).toMatch(/network\.timeout/);
    expectNoPhone(err2 as Error);

    await expect(providerFor({ accessKeySecret: 'wrong' }).lookup({ phone: PHONE, outId: 'x', sentAt: new Date() })).rejects.toThrow(/SignatureDoesNotMatch/);
  });
});

describe('the fake verifies signatures', () => {
  async function capturedSend(): Promise<CapturedRequest> {
    expect(await provider.send(request())).toMatchObject({ outcome: 'accepted' });
    const req = fake.captured.at(-1)!;
    expect(req.headers['x-acs-action']).toBe('SendSms');
    return req;
  }
  const secretFor = (ak: string) => (ak === fake.accessKeyId ? fake.accessKeySecret : undefined);

  test('the captured SDK request verifies; an altered phone number, action, body or secret does not', async () => {
    const req = await capturedSend();
    expect(req.url).toContain(`PhoneNumbers=${PHONE}`);
    expect(verifyAcs3Signature(req, secretFor)).toEqual({ ok: true, accessKeyId: fake.accessKeyId });

    const otherPhone = { ...req, url: req.url.replace(`PhoneNumbers=${PHONE}`, 'PhoneNumbers=13900000000') };
    expect(verifyAcs3Signature(otherPhone, secretFor)).toMatchObject({ ok: false, status: 400, code: 'SignatureDoesNotMatch' });

    const otherAction = { ...req, headers: { ...req.headers, 'x-acs-action': 'SendBatchSms' } };
    expect(verifyAcs3Signature(otherAction, secretFor)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });

    const otherBody = { ...req, body: Buffer.from('PhoneNumbers=13900000000') };
    expect(verifyAcs3Signature(otherBody, secretFor)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch', message: expect.stringMatching(/content-sha256/) });

    expect(verifyAcs3Signature(req, () => 'another-secret')).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyAcs3Signature(req, () => undefined)).toMatchObject({ ok: false, status: 404, code: 'InvalidAccessKeyId.NotFound' });

    const unsigned = { ...req, headers: { ...req.headers } };
    delete (unsigned.headers as Record<string, string>).authorization;
    expect(verifyAcs3Signature(unsigned, secretFor)).toMatchObject({ ok: false, code: 'IncompleteSignature' });
  });

  test('over the wire: a tampered replay is rejected, a verbatim replay hits the nonce check; nothing more is sent', async () => {
    const req = await capturedSend();
    const tampered = await replay({ ...req, url: req.url.replace(`PhoneNumbers=${PHONE}`, 'PhoneNumbers=13900000000') });
    expect(tampered).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
    const verbatim = await replay(req);
    expect(verbatim).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
    expect(fake.sent).toHaveLength(1);
  });
});

describe('classifyAliyunError / classifySendSmsBody (pure)', () => {
  const apiError = (name: string, statusCode: number, code: string, message = 'x') =>
    Object.assign(new Error(`${code}: code: ${statusCode}, ${message} request id: R1`), { name, statusCode, code, data: { Code: code, Message: message } });
  const netError = (code: string, message = `connect ${code} 1.2.3.4:443POST https://dysmsapi.aliyuncs.com/?PhoneNumbers=${PHONE} failed.`) =>
    Object.assign(new Error(message), { code });

  test.each<[string, unknown, Partial<SmsSendResult>]>([
    ['ThrottlingError', apiError('ThrottlingError', 400, 'Throttling.User'), { outcome: 'refused', kind: 'temporary', code: 'Throttling.User' }],
    ['ClientError SignatureDoesNotMatch', apiError('ClientError', 400, 'SignatureDoesNotMatch'), { outcome: 'refused', kind: 'technical', code: 'SignatureDoesNotMatch' }],
    ['ClientError 404 InvalidAccessKeyId.NotFound', apiError('ClientError', 404, 'InvalidAccessKeyId.NotFound'), { outcome: 'refused', kind: 'technical' }],
    ['ClientError 400 isv.INVALID_PARAMETERS', apiError('ClientError', 400, 'isv.INVALID_PARAMETERS'), { outcome: 'refused', kind: 'permanent', code: 'isv.INVALID_PARAMETERS' }],
    ['ServerError 503', apiError('ServerError', 503, 'ServiceUnavailable'), { outcome: 'refused', kind: 'temporary', code: 'ServiceUnavailable' }],
    ['ServerError 500', apiError('ServerError', 500, 'InternalError'), { outcome: 'unknown', code: 'InternalError' }],
    ['ServerError 502 without a code', apiError('ServerError', 502, 'undefined'), { outcome: 'unknown', code: 'http.502' }],
    ['ServerError 504', apiError('ServerError', 504, 'GatewayTimeout'), { outcome: 'unknown' }],
    ['SyntaxError (HTML page)', new SyntaxError(`Unexpected token '<', "<html>" is not valid JSON`), { outcome: 'unknown', code: 'response.unparseable' }],
    ['RequestTimeoutError (read)', Object.assign(new Error(`ReadTimeout(800). POST http://x/?PhoneNumbers=${PHONE} failed.`), { name: 'RequestTimeoutError' }), { outcome: 'unknown', code: 'network.timeout' }],
    ['RequestTimeoutError ("ConnectTimeout", really the socket idle timer)', Object.assign(new Error('ConnectTimeout: Connect x failed.'), { name: 'RequestTimeoutError' }), { outcome: 'unknown', code: 'network.timeout' }],
    ['ETIMEDOUT', netError('ETIMEDOUT'), { outcome: 'unknown', code: 'network.timeout' }],
    ['ECONNRESET', netError('ECONNRESET', `socket hang upPOST http://x/?PhoneNumbers=${PHONE} failed.`), { outcome: 'unknown', code: 'network.reset' }],
    ['EPIPE', netError('EPIPE'), { outcome: 'unknown', code: 'network.reset' }],
    ['ECONNREFUSED', netError('ECONNREFUSED'), { outcome: 'refused', kind: 'temporary', code: 'network.unreachable' }],
    ['ENOTFOUND', netError('ENOTFOUND'), { outcome: 'refused', kind: 'temporary', code: 'network.unreachable' }],
    ['EAI_AGAIN', netError('EAI_AGAIN'), { outcome: 'refused', kind: 'temporary', code: 'network.unreachable' }],
    ['a TLS failure', netError('CERT_HAS_EXPIRED'), { outcome: 'refused', kind: 'technical', code: 'network.tls' }],
    ['SDK.ValidateError', Object.assign(new Error('SDK.ValidateError: phoneNumbers is required.'), { name: 'BaseError', code: 'SDK.ValidateError' }), { outcome: 'refused', kind: 'technical', code: 'sdk.validation' }],
    ['something else', new TypeError('boom'), { outcome: 'unknown', code: 'aliyun.unexpected' }],
    ['not an error at all', 'boom', { outcome: 'unknown', code: 'aliyun.unexpected' }],
  ])('%s', (_label, err, expected) => {
    const result = classifyAliyunError(err);
    expect(result).toMatchObject(expected);
    expectNoPhone(result);
  });

  test.each([
    ['isv.MOBILE_NUMBER_ILLEGAL', 'permanent'],
    ['isv.TEMPLATE_MISSING_PARAMETERS', 'permanent'],
    ['isv.INVALID_PARAMETERS', 'permanent'],
    ['isv.SMS_TEMPLATE_ILLEGAL', 'permanent'],
    ['isv.SMS_SIGNATURE_ILLEGAL', 'permanent'],
    ['isv.BLACK_KEY_CONTROL_LIMIT', 'permanent'],
    ['isv.PARAM_LENGTH_LIMIT', 'permanent'],
    ['isv.AMOUNT_NOT_ENOUGH', 'technical'],
    ['isv.OUT_OF_SERVICE', 'technical'],
    ['isv.BUSINESS_LIMIT_CONTROL', 'temporary'],
    ['isv.DAY_LIMIT_CONTROL', 'temporary'],
    ['isp.SYSTEM_ERROR', 'temporary'],
    ['isv.SOMETHING_NEW', 'technical'],
  ])('a 200 with %s is refused %s', (code, kind) => {
    expect(classifySendSmsBody({ code, message: `手机号${PHONE}不行` })).toEqual({ outcome: 'refused', kind, code, message: '手机号***不行' });
  });

  test('a 200 OK is accepted with the BizId; a body without a code is unknown', () => {
    expect(classifySendSmsBody({ code: 'OK', message: 'OK', bizId: '123^0', requestId: 'R' })).toEqual({ outcome: 'accepted', providerMessageId: '123^0', requestId: 'R' });
    expect(classifySendSmsBody(undefined)).toMatchObject({ outcome: 'unknown' });
  });

  test('SendDate is the UTC+8 day', () => {
    expect(aliyunSendDate(new Date('2024-01-01T15:59:59Z'))).toBe('20240101');
    expect(aliyunSendDate(new Date('2024-01-01T16:00:00Z'))).toBe('20240102');
  });
});
