/**
 * Who is acting, through which channel, with which role. Services receive an Actor, never a Koa
 * context. `accountKey` is what per-account rate limits key on.
 */
import type { StaffRole } from '../../models/staff';

export type Channel = 'miniprogram' | 'h5' | 'bot' | 'window' | 'open311' | 'system';

export type Actor =
  | { kind: 'anonymous'; channel: Channel; ip: string; accountKey?: undefined }
  | { kind: 'resident'; userId: string; channel: Channel; ip: string; accountKey: string; chatUserId?: string }
  /** A chat user the bot speaks for who has not bound a phone yet. */
  | { kind: 'chat'; chatUserId: string; channel: 'bot'; ip: string; accountKey: string }
  | {
      kind: 'staff';
      staffId: string;
      username: string;
      roles: StaffRole[];
      servicePoint?: string;
      window?: string;
      department?: string;
      chiefRepresentative: boolean;
      channel: Channel;
      ip: string;
      accountKey: string;
    };

export type ResidentActor = Extract<Actor, { kind: 'resident' }>;
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** Staff with one of the roles (administrators pass every check). */
export const hasRole = (actor: Actor, ...roles: StaffRole[]): boolean =>
  actor.kind === 'staff' && actor.roles.some((r) => roles.includes(r) || r === 'admin');

export const systemActor = (): Actor => ({ kind: 'anonymous', channel: 'system', ip: '127.0.0.1' });
