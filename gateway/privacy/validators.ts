/** Mainland mobile numbers and resident ID numbers (GB 11643-1999 check digit). */

const MOBILE = /^1[3-9]\d{9}$/;

/** Accepts "138 0013 8000", "+86 13800138000", "8613800138000"; returns 11 digits or undefined. */
export function normalizeMobile(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return MOBILE.test(digits) ? digits : undefined;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** An 18-character resident ID with a real birth date and a valid check digit; returns it upper-cased. */
export function normalizeIdNumber(input: string): string | undefined {
  const id = input.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return undefined;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) return undefined;
  return idCheckDigit(id.slice(0, 17)) === id[17] ? id : undefined;
}
