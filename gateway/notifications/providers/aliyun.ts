/**
 * Aliyun SMS (dysmsapi 2017-05-25) through the official SDK, `@alicloud/dysmsapi20170525` 4.x.
 *
 * `send()` never throws: every answer and every failure is classified into an SmsSendResult so the
 * delivery worker can decide between done, retry later and give up. The rule that matters most: a
 * SendSms call is NOT idempotent, so whenever the request may have reached the service and we did
 * not get a clear answer, the result is `unknown` and the worker must `lookup()` by our OutId
 * before sending again.
 *
 *   answer                                          result
 *   200 Code OK                                     accepted (BizId)
 *   200 isv.* number/template/sign/param problems   refused permanent
 *   200 isv.BUSINESS_LIMIT_CONTROL / DAY_LIMIT      refused temporary (per-number flow control)
 *   200 isp.SYSTEM_ERROR                            refused temporary (Aliyun: "retry")
 *   200 other isv.* (account, balance, unknown)     refused technical
 *   400 Throttling.* (ThrottlingError)              refused temporary
 *   4xx other (ClientError: signature, AK, ...)     refused technical (isv.* codes as in 200)
 *   503 (ServerError)                               refused temporary: the API turned the call away
 *   other 5xx: 500, 502, 504 (ServerError)          unknown: an upstream failed, maybe after sending
 *   unparseable answer (HTML from a proxy)          unknown: something in front of the API answered
 *   timeout, ECONNRESET, socket hang up, EPIPE      unknown: the request was (or may have been) written
 *   ECONNREFUSED, ENOTFOUND, EAI_AGAIN, E*UNREACH    refused temporary `network.unreachable`: nothing sent
 *   TLS failures                                    refused technical `network.tls`: nothing sent
 *   SDK.ValidateError, InvalidCredentials           refused technical (our bug or configuration)
 *   anything else                                   unknown (cannot prove nothing was sent)
 *
 * Returned messages never contain the phone number: the SDK's own network error messages embed the
 * whole request URL (PhoneNumbers included), so they are never passed on; service messages are
 * scrubbed of anything that looks like a mobile number.
 */
import Dysmsapi, { QuerySendDetailsRequest, SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { SmsFailureKind, SmsLookupRequest, SmsLookupResult, SmsProvider, SmsSendRequest, SmsSendResult } from './types';

export interface AliyunProviderOptions {
  /** host[:port] without scheme, e.g. `dysmsapi.aliyuncs.com` (setting it skips region lookup). */
  endpoint: string;
  protocol: 'https' | 'http';
  accessKeyId: string;
  accessKeySecret: string;
  /** Connect and read timeout, ms (default 5000; Aliyun asks for at least 1000 on SendSms). */
  timeoutMs?: number;
}

export const ALIYUN_DEFAULT_TIMEOUT_MS = 5000;

/** isv codes that mean "this message, as addressed and worded, will never go out". */
const PERMANENT_CODES = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.INVALID_PARAMETERS',
  'isv.INVALID_JSON_PARAM',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
  'isv.SMS_CONTENT_ILLEGAL',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.PARAM_NOT_SUPPORT_URL',
  'isv.SMS_TEST_NUMBER_LIMIT',
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
]);

/** Codes that mean "not now": flow control and errors Aliyun itself says to retry. */
const TEMPORARY_CODES = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'isv.DAY_LIMIT_CONTROL', 'isv.MINUTE_LIMIT_CONTROL', 'isp.SYSTEM_ERROR']);

/** Network errors raised before a byte of the request could leave: safe to retry. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);

/** Network errors after the connection was up: the request may have been written. */
const AMBIGUOUS_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE']);

const MESSAGE_LIMIT = 200;

/** Masks anything that looks like a mainland mobile number (with or without +86) and trims. */
export function scrubMessage(message: string, phone?: string): string {
  let out = message;
  if (phone) out = out.split(phone).join('***');
  out = out.replace(/(?:\+?86|0086)?1[3-9]\d{9}/g, '***').replace(/\s+/g, ' ').trim();
  return out.length > MESSAGE_LIMIT ? `${out.slice(0, MESSAGE_LIMIT - 1)}…` : out;
}

/** Classifies a service code from a 200 body (or a 4xx isv code). */
export function classifyAliyunCode(code: string): SmsFailureKind {
  if (PERMANENT_CODES.has(code)) return 'permanent';
  if (TEMPORARY_CODES.has(code)) return 'temporary';
  return 'technical';
}

function refused(kind: SmsFailureKind, code: string, message: string): SmsSendResult {
  return { outcome: 'refused', kind, code, message: scrubMessage(message) };
}

function unknown(code: string, message: string): SmsSendResult {
  return { outcome: 'unknown', code, message: scrubMessage(message) };
}

/** The service's own message out of an SDK error ("code: 400, <Message> request id: <id>"). */
function serviceMessage(err: { message?: unknown; data?: unknown }): string {
  const data = err.data as { Message?: unknown; message?: unknown } | undefined;
  const fromData = data && typeof data === 'object' ? data.Message ?? data.message : undefined;
  if (typeof fromData === 'string' && fromData) return fromData;
  const m = typeof err.message === 'string' ? err.message : '';
  return m.replace(/^[^:]*:\s*code: \d+,\s*/, '').replace(/\s*request id: \S*$/, '');
}

/**
 * Classifies anything the SDK threw (pure; for unit tests). Never echoes the SDK's own message for
 * network failures: those embed the request URL, phone number included.
 */
export function classifyAliyunError(err: unknown): SmsSendResult {
  if (!err || typeof err !== 'object') return unknown('aliyun.unexpected', 'The SMS call failed in an unexpected way.');
  const e = err as { name?: unknown; code?: unknown; statusCode?: unknown; message?: unknown; data?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  // The SDK builds codes with a template string: a missing code arrives as the text 'undefined'.
  const code = typeof e.code === 'string' && e.code !== 'undefined' ? e.code : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;

  // Answers from the API (openapi-core's AlibabaCloudError family). Checked by name: a second copy
  // of openapi-core in node_modules would defeat instanceof.
  if (name === 'ThrottlingError' || (status !== undefined && code.includes('Throttling'))) {
    return refused('temporary', code || 'Throttling', `Aliyun throttled the call: ${serviceMessage(e)}`);
  }
  if (name === 'ClientError' || (status !== undefined && status >= 400 && status < 500)) {
    const c = code || 'aliyun.client_error';
    if (c.startsWith('isv.') || c.startsWith('isp.')) return refused(classifyAliyunCode(c), c, serviceMessage(e) || c);
    return refused('technical', c, `Aliyun refused the call${status ? ` (HTTP ${status})` : ''}: ${serviceMessage(e)}`);
  }
  if (name === 'ServerError' || (status !== undefined && status >= 500)) {
    const c = code || `http.${status ?? 500}`;
    if (status === 503) return refused('temporary', c, `Aliyun is unavailable (HTTP 503): ${serviceMessage(e)}`);
    return unknown(c, `Aliyun failed (HTTP ${status ?? '5xx'}); the message may have been sent: ${serviceMessage(e)}`);
  }
  if (name === 'SyntaxError') {
    return unknown('response.unparseable', 'The SMS gateway answered with something that is not JSON (a proxy error page?); the message may have been sent.');
  }

  // Network failures (httpx / node:http).
  if (name === 'RequestTimeoutError' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return unknown('network.timeout', 'No answer from Aliyun before the timeout; the message may have been sent.');
  }
  if (UNREACHABLE_CODES.has(code)) {
    return refused('temporary', 'network.unreachable', `Could not connect to Aliyun (${code}); nothing was sent.`);
  }
  if (AMBIGUOUS_NETWORK_CODES.has(code) || (typeof e.message === 'string' && /socket hang up/i.test(e.message))) {
    return unknown('network.reset', `The connection to Aliyun broke (${code || 'socket hang up'}); the message may have been sent.`);
  }
  if (/^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_)/.test(code)) {
    return refused('technical', 'network.tls', `TLS with Aliyun failed (${code}); nothing was sent.`);
  }

  // Raised by the SDK before any request.
  if (code === 'SDK.ValidateError') return refused('technical', 'sdk.validation', String(e.message ?? 'invalid request'));
  if (code === 'InvalidCredentials' || code === 'ParameterMissing') {
    return refused('technical', code, 'Aliyun credentials or client configuration are missing.');
  }
  return unknown('aliyun.unexpected', `The SMS call failed unexpectedly (${name || 'Error'}${code ? ` ${code}` : ''}); the message may have been sent.`);
}

/** Classifies a SendSms response body (HTTP 200). */
export function classifySendSmsBody(body: { code?: string; message?: string; bizId?: string; requestId?: string } | undefined): SmsSendResult {
  if (!body || typeof body.code !== 'string') {
    return unknown('response.unrecognized', 'Aliyun answered without a result code; the message may have been sent.');
  }
  if (body.code === 'OK') {
    return { outcome: 'accepted', providerMessageId: body.bizId ?? '', ...(body.requestId ? { requestId: body.requestId } : {}) };
  }
  return refused(classifyAliyunCode(body.code), body.code, body.message || body.code);
}

/** yyyyMMdd in UTC+8 (Aliyun's day, whatever the server's time zone). */
export function aliyunSendDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

const LOOKUP_PAGE_SIZE = 50;
const LOOKUP_MAX_PAGES = 20;
/** A send tried just before midnight (UTC+8) may be stamped with the next day by the service. */
const DAY_BOUNDARY_SLACK_MS = 10 * 60_000;

const STATUS_RANK: Record<string, number> = { delivered: 3, sending: 2, failed: 1 };

export function createAliyunProvider(opts: AliyunProviderOptions): SmsProvider {
  if (!opts.accessKeyId || !opts.accessKeySecret) throw new Error('Aliyun SMS: accessKeyId and accessKeySecret are required');
  if (!opts.endpoint) throw new Error('Aliyun SMS: endpoint is required');
  const timeout = opts.timeoutMs ?? ALIYUN_DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout < 1) throw new Error('Aliyun SMS: timeoutMs must be a positive number');

  const client = new Dysmsapi(
    new $OpenApiUtil.Config({
      accessKeyId: opts.accessKeyId,
      accessKeySecret: opts.accessKeySecret,
      endpoint: opts.endpoint,
      protocol: opts.protocol,
      readTimeout: timeout,
      connectTimeout: timeout,
    }),
  );

  async function queryDay(phone: string, sendDate: string, bizId: string | undefined, page: number) {
    try {
      const res = await client.querySendDetails(
        new QuerySendDetailsRequest({ phoneNumber: phone, sendDate, pageSize: LOOKUP_PAGE_SIZE, currentPage: page, ...(bizId ? { bizId } : {}) }),
      );
      return res.body;
    } catch (err) {
      // Never rethrow the SDK error: its message carries the URL with the phone number.
      const c = classifyAliyunError(err);
      const detail = c.outcome === 'accepted' ? '' : `${c.code}: ${c.message}`;
      throw new Error(`Aliyun QuerySendDetails failed (${detail})`);
    }
  }

  return {
    id: 'aliyun',

    async send(request: SmsSendRequest): Promise<SmsSendResult> {
      let result: SmsSendResult;
      try {
        const res = await client.sendSms(
          new SendSmsRequest({
            phoneNumbers: request.phone,
            signName: request.signName,
            templateCode: request.templateCode,
            templateParam: JSON.stringify(request.params),
            outId: request.outId,
          }),
        );
        result = classifySendSmsBody(res.body);
      } catch (err) {
        result = classifyAliyunError(err);
      }
      return result.outcome === 'accepted' ? result : { ...result, message: scrubMessage(result.message, request.phone) };
    },

    async lookup(request: SmsLookupRequest): Promise<SmsLookupResult> {
      const days = [aliyunSendDate(request.sentAt)];
      const later = aliyunSendDate(new Date(request.sentAt.getTime() + DAY_BOUNDARY_SLACK_MS));
      if (later !== days[0]) days.push(later);

      let best: { status: 'sending' | 'delivered' | 'failed'; code?: string } | undefined;
      for (const day of days) {
        for (let page = 1; page <= LOOKUP_MAX_PAGES; page++) {
          const body = await queryDay(request.phone, day, request.providerMessageId, page);
          if (body?.code !== 'OK') {
            throw new Error(`Aliyun QuerySendDetails refused (${body?.code ?? 'no code'}: ${scrubMessage(body?.message ?? '', request.phone)})`);
          }
          const details = body.smsSendDetailDTOs?.smsSendDetailDTO ?? [];
          for (const d of details) {
            if (d.outId !== request.outId) continue;
            const status = d.sendStatus === 3 ? 'delivered' : d.sendStatus === 2 ? 'failed' : 'sending';
            if (!best || STATUS_RANK[status] > STATUS_RANK[best.status]) best = { status, ...(d.errCode ? { code: d.errCode } : {}) };
          }
          const total = Number(body.totalCount ?? details.length);
          if (details.length < LOOKUP_PAGE_SIZE || page * LOOKUP_PAGE_SIZE >= total) break;
        }
        if (best?.status === 'delivered') break;
      }
      if (!best) return { found: false };
      return { found: true, ...(request.providerMessageId ? { providerMessageId: request.providerMessageId } : {}), ...best };
    },
  };
}
