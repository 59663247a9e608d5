/**
 * Who is signed in: a resident (SMS or WeChat login) or a staff member (password), with the
 * profile the gateway returned. The bearer token itself is kept by services/api.ts.
 */
import { clearToken, onUnauthorized, readToken, saveToken } from '../services/api';
import type { ResidentProfile } from '../services/me';
import type { StaffProfile } from '../services/staff-auth';
import { createStore, useStore } from './create-store';
import { readStored, writeStored } from './persisted';

export type SessionRole = 'resident' | 'staff';

export interface SessionState {
  role: SessionRole | null;
  resident: ResidentProfile | null;
  staff: StaffProfile | null;
}

const SESSION_KEY = 'onewindow.session';

const isSession = (value: unknown): value is SessionState =>
  typeof value === 'object' && value !== null && ['resident', 'staff'].includes((value as SessionState).role ?? '');

function initialSession(): SessionState {
  const stored = readToken() ? readStored(SESSION_KEY, isSession) : undefined;
  return stored ?? { role: null, resident: null, staff: null };
}

export const sessionStore = createStore<SessionState>(initialSession());

function persist(): void {
  const state = sessionStore.get();
  writeStored(SESSION_KEY, state.role ? state : null);
}

export function signInResident(token: string, resident: ResidentProfile): void {
  saveToken(token);
  sessionStore.set({ role: 'resident', resident, staff: null });
  persist();
}

export function signInStaff(token: string, staff: StaffProfile): void {
  saveToken(token);
  sessionStore.set({ role: 'staff', staff, resident: null });
  persist();
}

/** Keeps the stored profile in step after a change (real-name binding, phone). */
export function updateResident(resident: ResidentProfile): void {
  if (sessionStore.get().role !== 'resident') return;
  sessionStore.set({ resident });
  persist();
}

export function signOut(): void {
  clearToken();
  sessionStore.set({ role: null, resident: null, staff: null });
  persist();
}

export function isSignedIn(role: SessionRole): boolean {
  return sessionStore.get().role === role && Boolean(readToken());
}

export function hasStaffRole(...roles: string[]): boolean {
  const staff = sessionStore.get().staff;
  return Boolean(staff && staff.roles.some((r) => roles.includes(r) || r === 'admin'));
}

export const useSession = () => useStore(sessionStore);

// An expired or revoked token: forget it, so the next page asks for a login.
onUnauthorized(() => signOut());
