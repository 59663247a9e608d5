/**
 * Bearer tokens: `<payload>.<signature>` with an HMAC-SHA256 over the base64url JSON payload.
 * Tokens expire; staff tokens also carry a version that password changes and deactivation bump.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../../config/server';

export type TokenClaims =
  | { kind: 'resident'; sub: string; exp: number }
  | { kind: 'staff'; sub: string; tv: number; exp: number };

export const RESIDENT_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
export const STAFF_TOKEN_TTL_SECONDS = 8 * 3600;

const sign = (payload: string) => createHmac('sha256', config().secrets.tokenKey).update(payload).digest('base64url');

type ClaimsInput = TokenClaims extends infer T ? (T extends unknown ? Omit<T, 'exp'> : never) : never;

export function issueToken(claims: ClaimsInput, ttlSeconds: number, now = Date.now()): { token: string; expiresAt: Date } {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const payload = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
  return { token: `${payload}.${sign(payload)}`, expiresAt: new Date(exp * 1000) };
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export function verifyToken(token: string, now = Date.now()): TokenCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
