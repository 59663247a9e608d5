/** Application numbers: readable, sortable by day, and unguessable (e.g. BJ261126-7KQ4M2XA). */
import { customAlphabet } from 'nanoid';
import { chinaDate } from '../calendar/working-days';

// No 0/O/1/I/L: numbers are read out on the phone and typed from paper receipts.
const random = customAlphabet('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 8);

export function newApplicationNumber(now = new Date()): string {
  return `BJ${chinaDate(now).slice(2).replace(/-/g, '')}-${random()}`;
}

export const APPLICATION_NUMBER = /^BJ\d{6}-[2-9A-HJKMNP-Z]{8}$/;
