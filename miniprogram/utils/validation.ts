/** Checks the app makes before a request, with the wording residents see. */

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const isMobilePhone = (phone: string) => /^1[3-9]\d{9}$/.test(phone.trim());

export const isSmsCode = (code: string) => /^\d{6}$/.test(code.trim());

export const isPhoneLast4 = (value: string) => /^\d{4}$/.test(value.trim());

/** 18-character resident ID with the GB 11643 check digit. */
export function isResidentIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}
