/**
 * The first start creates an administrator from ADMIN_USERNAME/ADMIN_PASSWORD when none exists.
 * In development without ADMIN_PASSWORD a random one is generated, kept in DATA_DIR and printed once.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config/server';
import { StaffModel } from '../../models/staff';
import { hashPassword } from './passwords';

export interface AdminBootstrap {
  created: boolean;
  username?: string;
  /** Set only when this start generated the password. */
  generatedPassword?: string;
  passwordFile?: string;
}

export async function ensureAdministrator(cfg: Config): Promise<AdminBootstrap> {
  if (await StaffModel.exists({ roles: 'admin', active: true })) return { created: false };
  const username = cfg.admin.username.trim().toLowerCase();
  let password = cfg.admin.password;
  let generatedPassword: string | undefined;
  let passwordFile: string | undefined;
  if (!password) {
    if (cfg.isProduction) throw new Error('No administrator exists: set ADMIN_USERNAME and ADMIN_PASSWORD for the first start');
    password = generatedPassword = randomBytes(9).toString('base64url');
    mkdirSync(cfg.dataDir, { recursive: true });
    passwordFile = join(cfg.dataDir, 'admin-password.txt');
    writeFileSync(passwordFile, `${username}\n${password}\n`, { mode: 0o600 });
  }
  await StaffModel.updateOne(
    { username },
    { $setOnInsert: { username, displayName: '系统管理员', roles: ['admin'], passwordHash: await hashPassword(password) } },
    { upsert: true },
  );
  return { created: true, username, generatedPassword, passwordFile };
}
