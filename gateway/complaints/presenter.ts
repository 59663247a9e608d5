/**
 * What a resident (or a holder of the tracking number and phone digits) sees of an item: its
 * progress, the answers and their own additions. Never staff names, never internal notes.
 */
import type { ComplaintRecord, ComplaintStatus, ComplaintType } from '../../models/complaint';
import { CATEGORY_INFO, COMPLAINT_RULES, STATUS_NAMES, TYPE_NAMES } from './rules';

export const EVENT_NAMES: Record<string, string> = {
  received: '已收到',
  acknowledged: '已签收',
  assigned: '已转交部门办理',
  replied: '已答复',
  closed: '已办结',
  reopened: '已重新办理',
  information: '补充说明',
  photos: '补充照片',
  escalated: '已提交督办',
};

const DAY_MS = 86_400_000;

/** Whether the resident may still reopen: replied or closed recently, and not rated yet. */
export function mayReopen(c: Pick<ComplaintRecord, 'status' | 'repliedAt' | 'closedAt'>, rated: boolean, now: Date): boolean {
  if (rated || (c.status !== 'replied' && c.status !== 'closed')) return false;
  const since = c.closedAt ?? c.repliedAt;
  return Boolean(since) && now.getTime() - since!.getTime() <= COMPLAINT_RULES.reopenWithinDays * DAY_MS;
}

export function presentForResident(c: ComplaintRecord, options: { rated: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  const status = c.status as ComplaintStatus;
  return {
    trackingNumber: c.trackingNumber,
    type: c.type,
    typeName: TYPE_NAMES[c.type as ComplaintType],
    category: c.category,
    categoryName: CATEGORY_INFO[c.category].name,
    content: c.content,
    target: { department: c.target?.department ?? null, window: c.target?.window ?? null, staff: c.target?.staff ?? null },
    anonymous: c.anonymous,
    channel: c.channel,
    status,
    statusName: STATUS_NAMES[status],
    department: c.department ?? null,
    receivedAt: c.receivedAt,
    acknowledgeBy: c.acknowledgeBy,
    answerBy: c.answerBy,
    closedAt: c.closedAt ?? null,
    closedBy: c.closedBy ?? null,
    autoCloseAt: c.autoCloseAt ?? null,
    location: c.location?.lat != null || c.location?.address ? { lat: c.location.lat ?? null, lng: c.location.lng ?? null, address: c.location.address ?? null } : null,
    photos: (c.photos ?? []).map((p) => ({ id: p.fileId, name: p.name ?? null, url: `/api/v1/complaints/${c.trackingNumber}/photos/${p.fileId}` })),
    replies: (c.replies ?? []).map((r) => ({ text: r.text, department: r.department ?? null, at: r.at })),
    additions: (c.additions ?? []).map((a) => ({ text: a.text, at: a.at })),
    timeline: (c.events ?? [])
      .filter((e) => e.type !== 'escalated')
      .map((e) => ({ type: e.type, name: EVENT_NAMES[e.type] ?? e.type, at: e.at, department: e.department ?? null })),
    rated: options.rated,
    actions: {
      addInformation: status !== 'closed',
      addPhotos: status !== 'closed' && (c.photos ?? []).length < COMPLAINT_RULES.photos.max,
      confirm: status === 'replied',
      reopen: mayReopen(c, options.rated, now),
      rate: status === 'closed' && !options.rated,
    },
  };
}

/** One line of the resident's own list. */
export function presentResidentSummary(c: ComplaintRecord) {
  const status = c.status as ComplaintStatus;
  return {
    trackingNumber: c.trackingNumber,
    type: c.type,
    typeName: TYPE_NAMES[c.type as ComplaintType],
    categoryName: CATEGORY_INFO[c.category].name,
    excerpt: c.content.slice(0, 60),
    status,
    statusName: STATUS_NAMES[status],
    receivedAt: c.receivedAt,
    answerBy: c.answerBy,
    repliedAt: c.repliedAt ?? null,
  };
}
