/**
 * Staff accounts: password login with lockout, and administration by administrators. Passwords
 * are scrypt hashes; a password change or deactivation bumps the token version (old tokens die).
 */
import { StaffModel, type Staff, type StaffRole } from '../../models/staff';
import { AppError, conflict, notFound } from '../errors';
import { enforce } from '../limits/rate-limit';
import type { Actor, StaffActor } from './actor';
import { recordAudit } from './audit';
import { hashPassword, verifyPassword } from './passwords';
import { issueToken, STAFF_TOKEN_TTL_SECONDS } from './tokens';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** A fixed hash to spend the same time on unknown usernames (no user enumeration by timing). */
let decoyHash: Promise<string> | undefined;

export function presentStaff(s: Staff & { _id: unknown }) {
  return {
    id: String(s._id),
    username: s.username,
    displayName: s.displayName,
    roles: s.roles,
    servicePoint: s.servicePoint ?? null,
    window: s.window ?? null,
    department: s.department ?? null,
    chiefRepresentative: s.chiefRepresentative,
    active: s.active,
    lockedUntil: s.lockedUntil && s.lockedUntil > new Date() ? s.lockedUntil : null,
  };
}

export async function staffLogin(input: { username: string; password: string }, actor: Actor) {
  await enforce(`staff-login:ip:${actor.ip}`, [{ limit: 60, windowSeconds: 600 }], 'auth.rate_limited', '登录尝试过于频繁，请稍后再试');
  const invalid = new AppError(401, 'auth.bad_credentials', '用户名或密码错误');
  const staff = await StaffModel.findOne({ username: input.username.trim().toLowerCase() });
  if (!staff || !staff.active) {
    await verifyPassword(input.password, await (decoyHash ??= hashPassword('decoy-password')));
    throw invalid;
  }
  if (staff.lockedUntil && staff.lockedUntil > new Date()) {
    const minutes = Math.ceil((staff.lockedUntil.getTime() - Date.now()) / 60000);
    throw new AppError(423, 'auth.locked', `密码错误次数过多，账号已锁定，请${minutes}分钟后再试`, { retryAfterSeconds: minutes * 60 }, minutes * 60);
  }
  if (!(await verifyPassword(input.password, staff.passwordHash))) {
    const updated = await StaffModel.findOneAndUpdate({ _id: staff._id }, { $inc: { failedLogins: 1 } }, { returnDocument: 'after' });
    if (updated && updated.failedLogins >= MAX_FAILED_LOGINS) {
      await StaffModel.updateOne({ _id: staff._id }, { $set: { lockedUntil: new Date(Date.now() + LOCKOUT_MINUTES * 60000), failedLogins: 0 } });
      throw new AppError(423, 'auth.locked', `密码错误次数过多，账号已锁定，请${LOCKOUT_MINUTES}分钟后再试`, { retryAfterSeconds: LOCKOUT_MINUTES * 60 }, LOCKOUT_MINUTES * 60);
    }
    throw invalid;
  }
  await StaffModel.updateOne({ _id: staff._id }, { $set: { failedLogins: 0 }, $unset: { lockedUntil: 1 } });
  const { token, expiresAt } = issueToken({ kind: 'staff', sub: String(staff._id), tv: staff.tokenVersion }, STAFF_TOKEN_TTL_SECONDS);
  return { token, expiresAt, staff: presentStaff(staff.toObject()) };
}

export async function getStaffProfile(actor: StaffActor) {
  const staff = await StaffModel.findById(actor.staffId).lean();
  if (!staff) throw notFound('staff.not_found', '未找到该工作人员');
  return presentStaff(staff);
}

export interface StaffInput {
  username: string;
  displayName: string;
  password: string;
  roles: StaffRole[];
  servicePoint?: string;
  window?: string;
  department?: string;
  chiefRepresentative?: boolean;
}

export async function createStaff(actor: StaffActor, input: StaffInput) {
  const username = input.username.trim().toLowerCase();
  if (await StaffModel.exists({ username })) throw conflict('staff.username_taken', '该用户名已存在');
  const { password, ...rest } = input;
  const staff = await StaffModel.create({ ...rest, username, passwordHash: await hashPassword(password) });
  await recordAudit(actor, 'staff.create', { type: 'staff', id: String(staff._id) }, { username, roles: input.roles });
  return presentStaff(staff.toObject());
}

export async function listStaff(filter: { role?: StaffRole; active?: boolean }) {
  const query: Record<string, unknown> = {};
  if (filter.role) query.roles = filter.role;
  if (filter.active !== undefined) query.active = filter.active;
  return (await StaffModel.find(query).sort({ username: 1 }).lean()).map(presentStaff);
}

export async function updateStaff(
  actor: StaffActor,
  id: string,
  changes: Partial<Omit<StaffInput, 'username'>> & { active?: boolean; unlock?: boolean },
) {
  const staff = await StaffModel.findById(id);
  if (!staff) throw notFound('staff.not_found', '未找到该工作人员');
  const { password, unlock, ...fields } = changes;
  if (String(staff._id) === actor.staffId && (fields.active === false || (fields.roles && !fields.roles.includes('admin')))) {
    throw new AppError(409, 'staff.self_lockout', '不能停用自己或移除自己的管理员角色');
  }
  const set: Record<string, unknown> = { ...fields };
  const inc: Record<string, number> = {};
  if (password) set.passwordHash = await hashPassword(password);
  if (password || fields.active === false || fields.roles) inc.tokenVersion = 1;
  if (unlock) Object.assign(set, { failedLogins: 0, lockedUntil: null });
  const updated = await StaffModel.findByIdAndUpdate(id, { $set: set, ...(Object.keys(inc).length ? { $inc: inc } : {}) }, { returnDocument: 'after' }).lean();
  await recordAudit(actor, 'staff.update', { type: 'staff', id }, { fields: Object.keys(changes) });
  return presentStaff(updated!);
}
