/** Reading applications: the applicant's own, the public status query, staff inboxes. */
import { timingSafeEqual } from 'node:crypto';
import { ApplicationModel, OPEN_STATES, type Application } from '../../models/application';
import { loadCalendarOverrides } from '../calendar/working-days';
import { notFound, tooManyRequests } from '../errors';
import { hasRole, type Actor, type ResidentActor, type StaffActor } from '../identity/actor';
import { sharedReads } from '../db/shared-reads';
import { recordAudit } from '../identity/audit';
import { BatchedLimiter } from '../limits/rate-limit';
import { decryptPersonal } from '../privacy/crypto';
import type { Light } from '../supervision/lights';
import { applicationLight, effectiveDeadline } from './clock';
import { presentForApplicant, presentForStaff, presentPublicStatus } from './presenter';

type App = Application & { _id: unknown };

/** Generous: a village agency point asks for many people from one address. Configurable for load tests. */
const perMinute = new BatchedLimiter({ limit: Number(process.env.STATUS_QUERY_LIMIT_PER_MINUTE ?? 30), windowSeconds: 60 });
const perHour = new BatchedLimiter({ limit: Number(process.env.STATUS_QUERY_LIMIT_PER_HOUR ?? 300), windowSeconds: 3600 });

const missing = () => notFound('application.not_found', '未找到该办件，请核对办件编号和手机号后四位');

export async function myApplications(actor: ResidentActor) {
  await loadCalendarOverrides();
  const apps = (await ApplicationModel.find({ 'applicant.userId': actor.userId }).sort({ createdAt: -1 }).limit(100).lean()) as App[];
  const now = new Date();
  return { items: apps.map((a) => presentForApplicant(a, now)) };
}

/** The applicant's own application; anyone else gets the same 404 as for a number that does not exist. */
export async function loadOwnApplication(actor: ResidentActor, number: string): Promise<App> {
  const app = (await ApplicationModel.findOne({ number, 'applicant.userId': actor.userId }).lean()) as App | null;
  if (!app) throw notFound('application.not_found', '未找到该办件');
  return app;
}

export async function myApplication(actor: ResidentActor, number: string) {
  await loadCalendarOverrides();
  return presentForApplicant(await loadOwnApplication(actor, number), new Date());
}

/** What the public status answer is made of (presentPublicStatus), and the phone to check: a hot path reads no more. */
const PUBLIC_STATUS_FIELDS = {
  number: 1, guideCode: 1, guideName: 1, department: 1, state: 1, channel: 1, servicePoint: 1, clock: 1, promisedDays: 1,
  pause: 1, completedOn: 1, createdAt: 1, 'timeline.at': 1, 'timeline.action': 1, 'timeline.to': 1, 'applicant.phoneEnc': 1,
};

/**
 * Status queries arriving together share one read (see db/shared-reads.ts). Through the driver
 * directly: mongoose's query building and casting cost more CPU here than the read's answer does.
 */
const readForStatus = sharedReads<App>({
  fetch: (numbers) => ApplicationModel.collection.find({ number: { $in: numbers } }, { projection: PUBLIC_STATUS_FIELDS }).toArray() as Promise<App[]>,
  keyOf: (app) => app.number,
});

/**
 * Anyone may ask for a status with the number and the last four digits of the applicant's phone.
 * Rate-limited per client (generously: a village agency point asks for many people), and a wrong
 * number and wrong digits give the same answer, so numbers cannot be probed.
 */
export async function publicStatus(actor: Actor, number: string, phoneLast4: string) {
  const who = actor.kind === 'anonymous' ? `ip:${actor.ip}` : actor.accountKey;
  const checks = [perMinute.check(`app-status:${who}`), perHour.check(`app-status:${who}`)].filter((c) => !c.allowed);
  if (checks.length) throw tooManyRequests('application.status_rate_limited', '查询过于频繁，请稍后再试', Math.max(...checks.map((c) => c.retryAfterSeconds)));
  const app = await readForStatus(number);
  if (!app || !/^\d{4}$/.test(phoneLast4)) throw missing();
  const last4 = decryptPersonal(app.applicant!.phoneEnc).slice(-4);
  if (!timingSafeEqual(Buffer.from(last4), Buffer.from(phoneLast4))) throw missing();
  await loadCalendarOverrides();
  return presentPublicStatus(app, new Date());
}

export interface InboxFilter {
  state?: string;
  light?: Light;
  department?: string;
  mine?: boolean;
  page: number;
  pageSize: number;
}

const LIGHT_ORDER: Record<string, number> = { red: 0, yellow: 1, green: 2 };

/**
 * A staff member's work list, most urgent first (red, yellow, green, then by deadline). Approvers
 * see their department's cases; clerks their service point's; supervisors and administrators all.
 */
export async function staffInbox(actor: StaffActor, filter: InboxFilter) {
  await loadCalendarOverrides();
  const q: Record<string, unknown> = { state: filter.state ?? { $in: OPEN_STATES } };
  if (!hasRole(actor, 'supervisor')) {
    if (actor.roles.includes('approver') || actor.chiefRepresentative) q.department = actor.department ?? '-';
    else if (actor.servicePoint) q.servicePoint = actor.servicePoint;
  }
  if (filter.department) q.department = filter.department;
  if (filter.mine) q['assignee.staffId'] = actor.staffId;
  const now = new Date();
  const apps = (await ApplicationModel.find(q).limit(2000).lean()) as App[];
  const rows = apps
    .map((a) => ({ a, light: applicationLight(a, now), deadline: effectiveDeadline(a, now) ?? '9999' }))
    .filter((r) => !filter.light || r.light === filter.light)
    .sort((x, y) => (LIGHT_ORDER[x.light ?? 'green'] ?? 3) - (LIGHT_ORDER[y.light ?? 'green'] ?? 3) || x.deadline.localeCompare(y.deadline));
  const page = rows.slice((filter.page - 1) * filter.pageSize, filter.page * filter.pageSize);
  return { items: page.map((r) => presentForStaff(r.a, now)), total: rows.length };
}

export async function staffApplication(number: string) {
  const app = (await ApplicationModel.findOne({ number }).lean()) as App | null;
  if (!app) throw notFound('application.not_found', '未找到该办件');
  await loadCalendarOverrides();
  return presentForStaff(app, new Date());
}

/** The applicant's full name and phone (to call them): an audited read of personal data. */
export async function revealApplicant(actor: StaffActor, number: string) {
  const app = (await ApplicationModel.findOne({ number }).lean()) as App | null;
  if (!app) throw notFound('application.not_found', '未找到该办件');
  await recordAudit(actor, 'application.reveal_applicant', { type: 'application', id: number });
  return { name: decryptPersonal(app.applicant!.nameEnc), phone: decryptPersonal(app.applicant!.phoneEnc) };
}
