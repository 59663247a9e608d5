/**
 * Tracking numbers (受理编号): `TS` + the China-time date + 8 random Crockford base32 characters,
 * e.g. TS20261013K7M2Q9XA. Readable over the phone (no I, L, O, U) and unguessable (32⁸ per day).
 */
import { customAlphabet } from 'nanoid';
import { chinaDate } from '../calendar/working-days';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomPart = customAlphabet(CROCKFORD, 8);

export const TRACKING_NUMBER = /^TS\d{8}[0-9A-HJKMNP-TV-Z]{8}$/;

export function newTrackingNumber(now = new Date()): string {
  return `TS${chinaDate(now).replace(/-/g, '')}${randomPart()}`;
}

/** What a resident typed (spaces, lower case, O for 0) as a canonical number, or undefined. */
export function normalizeTrackingNumber(input: string): string | undefined {
  const s = input.replace(/[\s-]/g, '').toUpperCase();
  const fixed = s.length > 10 ? s.slice(0, 10) + s.slice(10).replace(/O/g, '0').replace(/[IL]/g, '1') : s;
  return TRACKING_NUMBER.test(fixed) ? fixed : undefined;
}
