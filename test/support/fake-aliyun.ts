/**
 * A loopback fake of Aliyun SMS (dysmsapi 2017-05-25) for tests that drive the REAL SDK.
 *
 * It verifies the ACS3-HMAC-SHA256 signature the way the real gateway does (see
 * /work/shared/notes/aliyun-sms.md): unknown AccessKeyId → 404 InvalidAccessKeyId.NotFound, a body
 * that does not match x-acs-content-sha256 or a wrong signature → 400 SignatureDoesNotMatch, a
 * replayed nonce → 400 SignatureNonceUsed. It implements SendSms and QuerySendDetails with the
 * service's own validation codes (isv.MOBILE_NUMBER_ILLEGAL, isv.TEMPLATE_MISSING_PARAMETERS, ...),
 * records every accepted message, and can be told to fail the next calls in the ways the real
 * network fails (`failNext`) or to answer after a round trip (`latencyMs`). Everything is bounded:
 * held (never-answered) requests and keep-alive sockets are destroyed by `close()`.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeAliyunFailMode =
  | 'BUSINESS_LIMIT_CONTROL'
  | 'MOBILE_NUMBER_ILLEGAL'
  | 'Throttling.User'
  /** 503 ServiceUnavailable (JSON, like the real gateway when it sheds load). */
  | '5xx'
  /** 502 with an HTML page (a proxy in front of the API); the SDK fails to parse it. */
  | 'html'
  /** Reads the request and never answers (the client must time out); nothing is recorded. */
  | 'timeout'
  /** Processes the call (an accepted SendSms is recorded) and never answers. */
  | 'timeout-after-send'
  /** Reads the request and destroys the socket without answering; nothing is recorded. */
  | 'reset';

export type FakeAliyunAction = 'SendSms' | 'QuerySendDetails' | '*';

export type FakeSmsStatus = 'sending' | 'delivered' | 'failed';

export interface FakeSmsMessage {
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  outId?: string;
  bizId: string;
  requestId: string;
  /** When the fake accepted it. */
  sendDate: Date;
  /** yyyyMMdd in UTC+8 (the day QuerySendDetails searches). */
  sendDay: string;
  status: FakeSmsStatus;
  errCode?: string;
  receiveDate?: Date;
  /** Rendered text, as QuerySendDetails returns it. */
  content: string;
}

/** A request as the fake received it (raw path and query, lower-case headers, raw body). */
export interface CapturedRequest {
  method: string;
  /** Raw request target: `/?A=1&B=2`. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface FakeAliyun {
  /** host:port, as the SDK's `endpoint` wants it. */
  endpoint: string;
  port: number;
  accessKeyId: string;
  accessKeySecret: string;
  /** Every message accepted by SendSms (one entry per phone number), oldest first. */
  sent: FakeSmsMessage[];
  /** Requests received per action (x-acs-action), including refused ones. */
  requests: Record<string, number>;
  /** The last 100 requests, raw (for signature tests). */
  captured: CapturedRequest[];
  /** TCP connections accepted since start (keep-alive reuse shows as fewer connections than requests). */
  readonly connections: number;
  /** Every answer is held back this long (ms), as the real service's round trip over the internet; 0 by default. */
  latencyMs: number;
  /** Restricts SendSms to known template codes (any code is accepted while none is registered). */
  registerTemplate(code: string, paramNames: string[], text?: string): void;
  /** Restricts SendSms to known signatures (any non-empty one is accepted while none is registered). */
  registerSign(signName: string): void;
  /** The next `count` calls of `action` (default SendSms) fail in this way. */
  failNext(mode: FakeAliyunFailMode, count?: number, action?: FakeAliyunAction): void;
  /** Marks a message (by BizId or OutId, newest match) delivered or failed, as a carrier receipt would. */
  deliver(bizIdOrOutId: string, success?: boolean, errCode?: string): FakeSmsMessage;
  /** The SmsReport push body Aliyun would send for this message (for receipt tests). */
  receiptFor(message: FakeSmsMessage): Record<string, unknown>;
  /** Forgets messages, counters, pending failures, templates and signs (credentials and port stay). */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeAliyunOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Longest template variable value, in characters (Aliyun: 35 for ordinary variables). */
  paramMaxLength?: number;
  latencyMs?: number;
}

const API_VERSION = '2017-05-25';
const REQUIRED_SIGNED_HEADERS = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
const MAX_BODY = 1024 * 1024;
const CLOCK_SKEW_MS = 15 * 60_000;

// ---------------------------------------------------------------------------------------------
// Signature verification (pure)
// ---------------------------------------------------------------------------------------------

export type SignatureCheck =
  | { ok: true; accessKeyId: string }
  | { ok: false; status: number; code: string; message: string };

const sha256hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** encodeURIComponent plus `!'()*`, as the SDK signs (it SENDS them raw, via querystring). */
export function acsEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Raw query → [key, value] pairs, percent-decoded (no `+` → space: the SDK never sends `+`). */
export function parseRawQuery(rawQuery: string): Array<[string, string]> {
  if (!rawQuery) return [];
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [safeDecode(part), ''] : [safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))];
    });
}

export function canonicalQuery(rawQuery: string): string {
  return parseRawQuery(rawQuery)
    .map(([k, v]) => [acsEncode(k), acsEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * Verifies an ACS3-HMAC-SHA256 request. `secretFor` returns the secret of an AccessKeyId (or
 * undefined when unknown). `now` enables the ±15 min x-acs-date check.
 */
export function verifyAcs3Signature(
  req: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: Buffer },
  secretFor: (accessKeyId: string) => string | undefined,
  now?: Date,
): SignatureCheck {
  const fail = (status: number, code: string, message: string): SignatureCheck => ({ ok: false, status, code, message });
  const authorization = headerValue(req.headers, 'authorization');
  if (!authorization) return fail(400, 'IncompleteSignature', 'The request signature is missing (no Authorization header).');
  const match = /^ACS3-HMAC-SHA256\s+(.+)$/.exec(authorization.trim());
  if (!match) return fail(400, 'IncompleteSignature', 'Only ACS3-HMAC-SHA256 signatures are accepted.');
  const parts: Record<string, string> = {};
  for (const item of match[1].split(',')) {
    const eq = item.indexOf('=');
    if (eq > 0) parts[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  const { Credential: accessKeyId, SignedHeaders: signedHeaderList, Signature: signature } = parts;
  if (!accessKeyId || !signedHeaderList || !signature) {
    return fail(400, 'IncompleteSignature', 'The Authorization header needs Credential, SignedHeaders and Signature.');
  }
  const secret = secretFor(accessKeyId);
  if (secret === undefined) return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

  const signedHeaders = signedHeaderList.split(';');
  const sorted = [...signedHeaders].sort();
  if (signedHeaders.some((h, i) => h !== h.toLowerCase() || h !== sorted[i] || (i > 0 && h === signedHeaders[i - 1]))) {
    return fail(400, 'IncompleteSignature', 'SignedHeaders must be lower-case, sorted and unique.');
  }
  const missing = REQUIRED_SIGNED_HEADERS.filter((h) => !signedHeaders.includes(h));
  if (missing.length) return fail(400, 'IncompleteSignature', `SignedHeaders must include ${missing.join(', ')}.`);
  for (const h of signedHeaders) {
    if (headerValue(req.headers, h) === undefined) return fail(400, 'IncompleteSignature', `Signed header ${h} is missing.`);
  }

  const bodyHash = sha256hex(req.body);
  if (bodyHash !== headerValue(req.headers, 'x-acs-content-sha256')) {
    return fail(400, 'SignatureDoesNotMatch', 'The x-acs-content-sha256 header does not match the request body.');
  }

  if (now) {
    const date = Date.parse(headerValue(req.headers, 'x-acs-date') ?? '');
    if (!Number.isFinite(date) || Math.abs(now.getTime() - date) > CLOCK_SKEW_MS) {
      return fail(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
  }

  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${(headerValue(req.headers, h) ?? '').trim()}\n`).join('');
  const canonicalRequest = [req.method.toUpperCase(), path, canonicalQuery(rawQuery), canonicalHeaders, signedHeaderList, bodyHash].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256hex(canonicalRequest)}`;
  const expected = createHmac('sha256', secret).update(stringToSign).digest();
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
  }
  return { ok: true, accessKeyId };
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const MAINLAND_MOBILE = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;

/** yyyyMMdd and `yyyy-MM-dd HH:mm:ss`, in UTC+8 (the service's clock). */
function beijing(date: Date): { day: string; stamp: string } {
  const s = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return { day: s.slice(0, 10).replace(/-/g, ''), stamp: `${s.slice(0, 10)} ${s.slice(11, 19)}` };
}

/** A free 127.0.0.1 port (bound then released): an endpoint where nobody listens. */
export async function unusedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const ERROR_MESSAGES: Record<string, string> = {
  'isv.MOBILE_NUMBER_ILLEGAL': '非法手机号',
  'isv.MOBILE_COUNT_OVER_LIMIT': '手机号码数量超过限制',
  'isv.BUSINESS_LIMIT_CONTROL': '触发号码天级流控Permits:10',
  'isv.TEMPLATE_MISSING_PARAMETERS': '模板变量缺少对应参数值',
  'isv.SMS_TEMPLATE_ILLEGAL': '该账号下找不到对应模板',
  'isv.SMS_SIGNATURE_ILLEGAL': '该账号下找不到对应签名',
  'isv.INVALID_JSON_PARAM': 'JSON参数不合法，只接受字符串值',
  'isv.PARAM_LENGTH_LIMIT': '参数超出长度限制',
  'isv.INVALID_PARAMETERS': '参数异常',
};

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  body: string;
  contentType?: string;
}

export async function startFakeAliyun(opts: FakeAliyunOptions = {}): Promise<FakeAliyun> {
  const accessKeyId = opts.accessKeyId ?? `LTAI${randomBytes(8).toString('hex')}`;
  const accessKeySecret = opts.accessKeySecret ?? randomBytes(15).toString('base64');
  const paramMaxLength = opts.paramMaxLength ?? 35;

  const sent: FakeSmsMessage[] = [];
  const requests: Record<string, number> = {};
  const captured: CapturedRequest[] = [];
  const templates = new Map<string, { params: string[]; text?: string }>();
  const signs = new Set<string>();
  const failures: Array<{ mode: FakeAliyunFailMode; action: FakeAliyunAction }> = [];
  const nonces = new Set<string>();
  const sockets = new Set<Socket>();
  let bizSeq = 0;
  let connectionCount = 0;
  let closed = false;

  const json = (status: number, body: Record<string, unknown>): Reply => ({ status, body: JSON.stringify(body) });
  const apiError = (status: number, code: string, message: string, requestId: string): Reply =>
    json(status, { RequestId: requestId, HostId: 'dysmsapi.aliyuncs.com', Code: code, Message: message, Recommend: `https://api.aliyun.com/troubleshoot?q=${code}` });
  const isvError = (code: string, requestId: string): Reply =>
    json(200, { Code: code, Message: ERROR_MESSAGES[code] ?? code, RequestId: requestId });

  function takeFailure(action: string): FakeAliyunFailMode | undefined {
    const i = failures.findIndex((f) => f.action === '*' || f.action === action);
    return i < 0 ? undefined : failures.splice(i, 1)[0].mode;
  }

  function render(templateCode: string, signName: string, params: Record<string, string>): string {
    const text = templates.get(templateCode)?.text;
    const body = text
      ? text.replace(/\$\{(\w+)\}/g, (_, name: string) => params[name] ?? '')
      : Object.entries(params).map(([k, v]) => `${k}:${v}`).join('，');
    return `【${signName}】${body}`;
  }

  function sendSms(p: Map<string, string>, requestId: string): Reply {
    for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) {
      if (!p.get(name)) return apiError(400, `Missing${name}`, `${name} is mandatory for this action.`, requestId);
    }
    const phones = p.get('PhoneNumbers')!.split(',').map((s) => s.trim());
    if (phones.length > 1000) return isvError('isv.MOBILE_COUNT_OVER_LIMIT', requestId);
    if (phones.some((phone) => !MAINLAND_MOBILE.test(phone))) return isvError('isv.MOBILE_NUMBER_ILLEGAL', requestId);
    const signName = p.get('SignName')!;
    if (signs.size && !signs.has(signName)) return isvError('isv.SMS_SIGNATURE_ILLEGAL', requestId);
    const templateCode = p.get('TemplateCode')!;
    const template = templates.get(templateCode);
    if (templates.size && !template) return isvError('isv.SMS_TEMPLATE_ILLEGAL', requestId);
    let params: Record<string, string> = {};
    const rawParams = p.get('TemplateParam');
    if (rawParams !== undefined && rawParams !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawParams);
      } catch {
        return isvError('isv.INVALID_JSON_PARAM', requestId);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return isvError('isv.INVALID_JSON_PARAM', requestId);
      if (Object.values(parsed).some((v) => typeof v !== 'string')) return isvError('isv.INVALID_JSON_PARAM', requestId);
      params = parsed as Record<string, string>;
    }
    if (template && template.params.some((name) => !(name in params) || params[name] === '')) {
      return isvError('isv.TEMPLATE_MISSING_PARAMETERS', requestId);
    }
    if (Object.values(params).some((v) => [...v].length > paramMaxLength)) return isvError('isv.PARAM_LENGTH_LIMIT', requestId);
    const outId = p.get('OutId') || undefined;
    if (outId !== undefined && outId.length >= 256) return isvError('isv.INVALID_PARAMETERS', requestId);

    const bizId = `${Date.now()}${String(++bizSeq).padStart(6, '0')}^0`;
    const now = new Date();
    for (const raw of phones) {
      sent.push({
        phone: MAINLAND_MOBILE.exec(raw)![1],
        signName,
        templateCode,
        params,
        outId,
        bizId,
        requestId,
        sendDate: now,
        sendDay: beijing(now).day,
        status: 'sending',
        content: render(templateCode, signName, params),
      });
    }
    return json(200, { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: requestId });
  }

  function querySendDetails(p: Map<string, string>, requestId: string): Reply {
    for (const name of ['PhoneNumber', 'SendDate', 'PageSize', 'CurrentPage']) {
      if (!p.get(name)) return apiError(400, `Missing${name}`, `${name} is mandatory for this action.`, requestId);
    }
    const phone = MAINLAND_MOBILE.exec(p.get('PhoneNumber')!)?.[1];
    if (!phone) return isvError('isv.MOBILE_NUMBER_ILLEGAL', requestId);
    const sendDay = p.get('SendDate')!;
    const pageSize = Number(p.get('PageSize'));
    const currentPage = Number(p.get('CurrentPage'));
    if (!/^\d{8}$/.test(sendDay) || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50 || !Number.isInteger(currentPage) || currentPage < 1) {
      return isvError('isv.INVALID_PARAMETERS', requestId);
    }
    const bizId = p.get('BizId') || undefined;
    const matches = sent
      .filter((m) => m.phone === phone && m.sendDay === sendDay && (bizId === undefined || m.bizId === bizId))
      .reverse();
    const page = matches.slice((currentPage - 1) * pageSize, currentPage * pageSize);
    return json(200, {
      Code: 'OK',
      Message: 'OK',
      RequestId: requestId,
      TotalCount: matches.length,
      SmsSendDetailDTOs: {
        SmsSendDetailDTO: page.map((m) => ({
          PhoneNum: m.phone,
          SendStatus: m.status === 'sending' ? 1 : m.status === 'failed' ? 2 : 3,
          ErrCode: m.errCode ?? '',
          TemplateCode: m.templateCode,
          Content: m.content,
          SendDate: beijing(m.sendDate).stamp,
          ReceiveDate: m.receiveDate ? beijing(m.receiveDate).stamp : '',
          OutId: m.outId ?? '',
        })),
      },
    });
  }

  function answer(res: http.ServerResponse, reply: Reply, requestId: string): void {
    if (fake.latencyMs > 0) setTimeout(() => answerNow(res, reply, requestId), fake.latencyMs);
    else answerNow(res, reply, requestId);
  }

  function answerNow(res: http.ServerResponse, reply: Reply, requestId: string): void {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(reply.status, {
      'content-type': reply.contentType ?? 'application/json;charset=utf-8',
      'content-length': Buffer.byteLength(reply.body),
      'x-acs-request-id': requestId,
    });
    res.end(reply.body);
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const requestId = randomUUID().toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const url = req.url ?? '/';
    captured.push({ method: req.method ?? 'GET', url, headers, body });
    if (captured.length > 100) captured.shift();

    const action = headers['x-acs-action'];
    if (action) requests[action] = (requests[action] ?? 0) + 1;
    const path = url.split('?')[0];
    if (path !== '/' || !action) {
      return answer(res, apiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.', requestId), requestId);
    }
    const check = verifyAcs3Signature({ method: req.method ?? 'GET', url, headers, body }, (ak) => (ak === accessKeyId ? accessKeySecret : undefined), new Date());
    if (!check.ok) return answer(res, apiError(check.status, check.code, check.message, requestId), requestId);
    const nonce = headers['x-acs-signature-nonce'];
    if (nonces.has(nonce)) {
      return answer(res, apiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.', requestId), requestId);
    }
    nonces.add(nonce);
    if (nonces.size > 10_000) nonces.delete(nonces.values().next().value as string);
    if (headers['x-acs-version'] !== API_VERSION) {
      return answer(res, apiError(400, 'InvalidVersion', 'Specified parameter Version is not valid.', requestId), requestId);
    }

    const params = new Map<string, string>(parseRawQuery(url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''));
    if ((headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.set(k, v);
    }

    const failure = takeFailure(action);
    switch (failure) {
      case 'timeout':
        return; // held: the client times out; close() destroys the socket
      case 'reset':
        req.socket.destroy();
        return;
      case '5xx':
        return answer(res, apiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.', requestId), requestId);
      case 'html':
        return answer(res, {
          status: 502,
          contentType: 'text/html',
          body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n',
        }, requestId);
      case 'Throttling.User':
        return answer(res, apiError(400, 'Throttling.User', 'Request was denied due to user flow control.', requestId), requestId);
      case 'BUSINESS_LIMIT_CONTROL':
      case 'MOBILE_NUMBER_ILLEGAL':
        return answer(res, isvError(`isv.${failure}`, requestId), requestId);
      default:
        break;
    }

    let reply: Reply;
    if (action === 'SendSms') reply = sendSms(params, requestId);
    else if (action === 'QuerySendDetails') reply = querySendDetails(params, requestId);
    else reply = apiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.', requestId);
    if (failure === 'timeout-after-send') return; // processed (and recorded), never answered
    answer(res, reply, requestId);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.socket.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (closed) return void req.socket.destroy();
      handle(req, res, Buffer.concat(chunks));
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    connectionCount += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;

  const find = (id: string) => [...sent].reverse().find((m) => m.bizId === id || m.outId === id);

  const fake: FakeAliyun = {
    endpoint: `127.0.0.1:${port}`,
    port,
    accessKeyId,
    accessKeySecret,
    sent,
    requests,
    captured,
    get connections() {
      return connectionCount;
    },
    latencyMs: opts.latencyMs ?? 0,
    registerTemplate(code, paramNames, text) {
      templates.set(code, { params: [...paramNames], text });
    },
    registerSign(signName) {
      signs.add(signName);
    },
    failNext(mode, count = 1, action = 'SendSms') {
      for (let i = 0; i < count; i++) failures.push({ mode, action });
    },
    deliver(id, success = true, errCode) {
      const message = find(id);
      if (!message) throw new Error(`fake-aliyun: no message with BizId or OutId ${id}`);
      // Only the newest matching message (one number): a multi-number BizId gets one receipt per number.
      message.status = success ? 'delivered' : 'failed';
      message.errCode = errCode ?? (success ? 'DELIVERED' : 'UNKNOWN');
      message.receiveDate = new Date();
      return message;
    },
    receiptFor(m) {
      return {
        phone_number: m.phone,
        send_time: beijing(m.sendDate).stamp,
        report_time: beijing(m.receiveDate ?? new Date()).stamp,
        success: m.status === 'delivered',
        err_code: m.errCode ?? '',
        err_msg: m.status === 'delivered' ? '用户接收成功' : '',
        sms_size: String(Math.max(1, Math.ceil([...m.content].length / ([...m.content].length > 70 ? 67 : 70)))),
        biz_id: m.bizId,
        out_id: m.outId ?? '',
      };
    },
    reset() {
      sent.length = 0;
      captured.length = 0;
      failures.length = 0;
      for (const k of Object.keys(requests)) delete requests[k];
      templates.clear();
      signs.clear();
    },
    async close() {
      if (closed) return;
      closed = true;
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await done;
    },
  };
  return fake;
}
