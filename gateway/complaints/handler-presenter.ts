/**
 * What staff see of an item. It never carries who filed an anonymous item — no phone, no name, no
 * account, and phone or ID numbers the resident typed into an anonymous text are removed — and for
 * other items only masks (the masked phone and name are enough to recognise a caller back).
 */
import type { ComplaintRecord, ComplaintStatus, ComplaintType } from '../../models/complaint';
import { redactSensitiveText } from '../privacy/mask';
import { LIGHT_NAMES } from '../supervision/lights';
import { complaintLight } from './deadlines';
import { EVENT_NAMES } from './presenter';
import { CATEGORY_INFO, STATUS_NAMES, TYPE_NAMES } from './rules';

function residentText(c: ComplaintRecord, text: string): string {
  return c.anonymous ? redactSensitiveText(text) : text;
}

function common(c: ComplaintRecord, now: Date) {
  const status = c.status as ComplaintStatus;
  const light = complaintLight(c, now);
  return {
    trackingNumber: c.trackingNumber,
    type: c.type,
    typeName: TYPE_NAMES[c.type as ComplaintType],
    category: c.category,
    categoryName: CATEGORY_INFO[c.category].name,
    status,
    statusName: STATUS_NAMES[status],
    light,
    lightName: light ? LIGHT_NAMES[light] : null,
    dueDate: c.dueDate ?? null,
    dueStage: c.dueStage ?? null,
    department: c.department ?? null,
    target: { department: c.target?.department ?? null, window: c.target?.window ?? null, staff: c.target?.staff ?? null },
    channel: c.channel,
    anonymous: c.anonymous,
    escalated: (c.escalations ?? []).length > 0,
    receivedAt: c.receivedAt,
  };
}

/** A row of a staff list. */
export function presentHandlerSummary(c: ComplaintRecord, now: Date) {
  return { ...common(c, now), excerpt: residentText(c, c.content).slice(0, 80), answerBy: c.answerBy, repliedAt: c.repliedAt ?? null };
}

export function presentForHandler(c: ComplaintRecord, now: Date) {
  return {
    ...common(c, now),
    content: residentText(c, c.content),
    filer: c.anonymous ? null : { phone: c.filer?.phoneMasked ?? null, name: c.filer?.nameMasked ?? null, registered: Boolean(c.filer?.userId) },
    location: c.location?.lat != null || c.location?.address ? { lat: c.location.lat ?? null, lng: c.location.lng ?? null, address: c.location.address ?? null } : null,
    photos: (c.photos ?? []).map((p) => ({ id: p.fileId, name: p.name ?? null, url: `/api/v1/staff/complaints/${c.trackingNumber}/photos/${p.fileId}` })),
    mediaUrl: c.mediaUrl ?? null,
    acknowledgeBy: c.acknowledgeBy,
    answerBy: c.answerBy,
    acknowledgedAt: c.acknowledgedAt ?? null,
    assignedAt: c.assignedAt ?? null,
    repliedAt: c.repliedAt ?? null,
    repliedLate: c.repliedLate ?? null,
    closedAt: c.closedAt ?? null,
    closedBy: c.closedBy ?? null,
    autoCloseAt: c.autoCloseAt ?? null,
    reopenCount: c.reopenCount ?? 0,
    escalations: (c.escalations ?? []).map((e) => ({ at: e.at, stage: e.stage, dueDate: e.dueDate })),
    replies: (c.replies ?? []).map((r) => ({ text: r.text, department: r.department ?? null, staff: r.staffName ?? null, at: r.at })),
    additions: (c.additions ?? []).map((a) => ({ text: residentText(c, a.text), at: a.at })),
    events: (c.events ?? []).map((e) => ({
      type: e.type,
      name: EVENT_NAMES[e.type] ?? e.type,
      at: e.at,
      by: e.by.kind === 'staff' ? { kind: 'staff', name: e.by.name ?? null } : { kind: e.by.kind, name: e.by.kind === 'system' ? (e.by.name ?? null) : null },
      note: e.note ? (e.by.kind === 'resident' ? residentText(c, e.note) : e.note) : null,
      department: e.department ?? null,
    })),
  };
}
