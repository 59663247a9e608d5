/**
 * SMS-code login (the browser's login, and how a chat user binds to a resident). Codes are six
 * digits, stored hashed, live five minutes and allow five attempts. Sending is limited per phone
 * (1/minute, 5/hour, 10/day, as Aliyun's verification-code rules) and per client address.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { config } from '../../config/server';
import { SmsCodeModel } from '../../models/sms-code';
import { AppError, badRequest } from '../errors';
import { enforce } from '../limits/rate-limit';
import { enqueueMessage } from '../notifications/queue';
import { lookupHash } from '../privacy/crypto';
import { normalizeMobile } from '../privacy/validators';
import type { Actor } from './actor';
import { findOrCreateResidentByPhone } from './residents';

export const CODE_TTL_SECONDS = 300;
export const MAX_ATTEMPTS = 5;

const PER_PHONE = [
  { limit: 1, windowSeconds: 60 },
  { limit: 5, windowSeconds: 3600 },
  { limit: 10, windowSeconds: 86400 },
];
/** Generous: a village agency point or a carrier NAT puts many residents behind one address. */
const PER_ADDRESS = [
  { limit: 60, windowSeconds: 3600 },
  { limit: 300, windowSeconds: 86400 },
];

function hashCode(phoneHash: string, code: string): string {
  return createHmac('sha256', config().secrets.tokenKey).update(`sms-code:${phoneHash}:${code}`).digest('base64url');
}

export function requirePhone(input: string): string {
  const phone = normalizeMobile(input);
  if (!phone) throw badRequest('identity.phone_invalid', '请输入正确的中国大陆手机号码');
  return phone;
}

export async function requestLoginCode(phoneInput: string, actor: Actor): Promise<{ expiresInSeconds: number; resendAfterSeconds: number }> {
  const phone = requirePhone(phoneInput);
  const phoneHash = lookupHash('phone', phone);
  const addressKey = actor.kind === 'chat' || actor.kind === 'resident' ? actor.accountKey : `ip:${actor.ip}`;
  await enforce(`sms-code:addr:${addressKey}`, PER_ADDRESS, 'identity.code_rate_limited', '获取验证码过于频繁，请稍后再试');
  await enforce(`sms-code:phone:${phoneHash}`, PER_PHONE, 'identity.code_rate_limited', '验证码发送过于频繁，请稍后再试');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const record = await SmsCodeModel.create({
    phoneHash,
    codeHash: hashCode(phoneHash, code),
    expiresAt: new Date(Date.now() + CODE_TTL_SECONDS * 1000),
  });
  await enqueueMessage({ kind: 'login_code', phone, params: { code }, dedupeKey: `login_code:${record._id}`, cause: { type: 'sms_code', id: String(record._id) } });
  return { expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: 60 };
}

/** Checks a code against the newest live code for the phone; consumes it on success. */
export async function verifyLoginCode(phoneInput: string, code: string): Promise<string> {
  const phone = requirePhone(phoneInput);
  const phoneHash = lookupHash('phone', phone);
  const wrong = new AppError(400, 'identity.code_invalid', '验证码错误或已过期，请重新获取');
  if (!/^\d{6}$/.test(code)) throw wrong;
  const now = new Date();
  // Count the attempt first (atomically), so parallel guesses cannot exceed the limit.
  const live = await SmsCodeModel.findOneAndUpdate(
    { phoneHash, consumedAt: { $exists: false }, expiresAt: { $gt: now }, attempts: { $lt: MAX_ATTEMPTS } },
    { $inc: { attempts: 1 } },
    { sort: { createdAt: -1 }, returnDocument: 'after' },
  );
  if (!live) throw wrong;
  const expected = Buffer.from(live.codeHash);
  const given = Buffer.from(hashCode(phoneHash, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    if (live.attempts >= MAX_ATTEMPTS) throw new AppError(400, 'identity.code_exhausted', '验证码错误次数过多，请重新获取');
    throw wrong;
  }
  const consumed = await SmsCodeModel.updateOne({ _id: live._id, consumedAt: { $exists: false } }, { $set: { consumedAt: now } });
  if (consumed.modifiedCount !== 1) throw wrong;
  return phone;
}

export async function loginWithSmsCode(phoneInput: string, code: string) {
  const phone = await verifyLoginCode(phoneInput, code);
  return findOrCreateResidentByPhone(phone);
}
