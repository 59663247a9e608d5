/**
 * Who may see and follow an item. A resident follows their own items (filed under their account or
 * with their verified phone); anyone else proves they hold it with the tracking number and the last
 * four digits of the filer's phone. Such proofs are rate-limited per client (address, or account —
 * the bot's chat users share one address) and per tracking number, and every failure — unknown
 * number or wrong digits — is the same 404, so numbers cannot be enumerated.
 */
import { timingSafeEqual } from 'node:crypto';
import { ComplaintModel, type ComplaintRecord } from '../../models/complaint';
import { UserModel } from '../../models/user';
import { badRequest, notFound, tooManyRequests } from '../errors';
import { hasRole, type Actor, type StaffActor } from '../identity/actor';
import { BatchedLimiter } from '../limits/rate-limit';
import { COMPLAINT_RULES } from './rules';
import { normalizeTrackingNumber } from './tracking';

const perClient = COMPLAINT_RULES.lookup.perAddress.map((limit) => new BatchedLimiter(limit));
const perNumber = [new BatchedLimiter(COMPLAINT_RULES.lookup.attemptsPerNumber)];

function limit(limiters: BatchedLimiter[], key: string, message: string): void {
  const blocked = limiters.map((l) => l.check(key)).filter((c) => !c.allowed);
  if (blocked.length) throw tooManyRequests('complaint.lookup_limited', message, Math.max(...blocked.map((c) => c.retryAfterSeconds)));
}

export const complaintNotFound = () => notFound('complaint.not_found', '未找到该事项，请核对受理编号和手机号后四位');

export async function findByTrackingNumber(input: string): Promise<ComplaintRecord | null> {
  const number = normalizeTrackingNumber(input);
  return number ? ((await ComplaintModel.findOne({ trackingNumber: number }).lean()) as ComplaintRecord | null) : null;
}

/** The query matching every item a signed-in resident filed (by account, or by their verified phone). */
export async function ownedByResident(userId: string): Promise<Record<string, unknown>> {
  const user = await UserModel.findById(userId, { phoneHash: 1 }).lean();
  const or: Record<string, unknown>[] = [{ 'filer.userId': userId }];
  if (user?.phoneHash) or.push({ 'filer.phoneHash': user.phoneHash });
  return { $or: or };
}

export async function residentOwns(userId: string, c: ComplaintRecord): Promise<boolean> {
  if (c.filer?.userId === userId) return true;
  if (!c.filer?.phoneHash) return false;
  return Boolean(await UserModel.exists({ _id: userId, phoneHash: c.filer.phoneHash }));
}

/**
 * Loads an item for its resident or a holder of its number and phone digits; anything else is a 404.
 * `phoneLast4` is needed unless the actor is the signed-in resident who filed it.
 */
export async function loadForFollower(actor: Actor, trackingNumber: string, phoneLast4?: string): Promise<ComplaintRecord> {
  const c = await findByTrackingNumber(trackingNumber);
  if (c && actor.kind === 'resident' && (await residentOwns(actor.userId, c))) return c;
  if (!phoneLast4) {
    if (actor.kind === 'resident') throw complaintNotFound();
    throw badRequest('complaint.phone_last4_required', '请输入提交时所留手机号的后四位');
  }
  // Signed-in callers and the bot's chat users count per account; everyone else per address.
  limit(perClient, `complaint-lookup:${actor.accountKey ?? `ip:${actor.ip}`}`, '查询过于频繁，请稍后再试');
  const number = normalizeTrackingNumber(trackingNumber) ?? trackingNumber.slice(0, 40);
  limit(perNumber, `complaint-lookup:number:${number}`, '该编号今日查询次数过多，请明天再试或登录后在“我的投诉”中查看');
  const last4 = c?.filer?.phoneMasked?.slice(-4);
  if (!c || !last4 || !/^\d{4}$/.test(phoneLast4) || !timingSafeEqual(Buffer.from(last4), Buffer.from(phoneLast4))) throw complaintNotFound();
  return c;
}

/** Supervisors and administrators see everything; other staff see what is assigned to their department. */
export function staffScope(actor: StaffActor): Record<string, unknown> | null {
  if (hasRole(actor, 'supervisor')) return {};
  return actor.department ? { department: actor.department } : null;
}

export async function loadForStaff(actor: StaffActor, trackingNumber: string): Promise<ComplaintRecord> {
  const c = await findByTrackingNumber(trackingNumber);
  const scope = staffScope(actor);
  if (!c || !scope || (scope.department && c.department !== scope.department)) throw notFound('complaint.not_found', '未找到该事项');
  return c;
}
