/** Test factories: accounts with tokens, made the way the product makes them. */
import { hashPassword } from '../../gateway/identity/passwords';
import { findOrCreateResidentByOpenId, findOrCreateResidentByPhone, residentSession } from '../../gateway/identity/residents';
import { issueToken, STAFF_TOKEN_TTL_SECONDS } from '../../gateway/identity/tokens';
import { StaffModel, type StaffRole } from '../../models/staff';

let seq = 0;
let passwordHash: Promise<string> | undefined;

export const STAFF_PASSWORD = 'Test-password-1';

export async function createStaff(roles: StaffRole[], extra: Record<string, unknown> = {}) {
  const username = `staff${++seq}${Date.now().toString(36)}`;
  const staff = await StaffModel.create({
    username,
    displayName: `测试人员${seq}`,
    roles,
    passwordHash: await (passwordHash ??= hashPassword(STAFF_PASSWORD)),
    ...extra,
  });
  const { token } = issueToken({ kind: 'staff', sub: String(staff._id), tv: staff.tokenVersion }, STAFF_TOKEN_TTL_SECONDS);
  return { id: String(staff._id), username, token };
}

export async function createResident(phone?: string) {
  const user = phone ? await findOrCreateResidentByPhone(phone) : await findOrCreateResidentByOpenId(`openid-test-${++seq}`);
  const session = residentSession(user);
  return { id: String(user._id), token: session.token };
}
