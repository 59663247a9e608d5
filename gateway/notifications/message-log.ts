/** The staff message log and delivery statistics; residents' own messages. Masks only. */
import { MessageModel, type Message, type MessageStatus } from '../../models/message';
import { lookupHash } from '../privacy/crypto';
import { normalizeMobile } from '../privacy/validators';
import type { MessageKind } from './templates';

export function presentMessage(m: Message & { _id: unknown }) {
  return {
    id: String(m._id),
    kind: m.kind,
    phone: m.phoneMasked,
    preview: m.preview,
    status: m.status,
    failure: m.failure ?? null,
    tries: m.tries,
    providerCode: m.providerCode ?? null,
    deferredReason: m.status === 'queued' ? (m.deferredReason ?? null) : null,
    createdAt: m.createdAt,
    dueAt: m.dueAt,
    sentAt: m.sentAt ?? null,
    deliveredAt: m.deliveredAt ?? null,
    failedAt: m.failedAt ?? null,
  };
}

export interface MessageSearch {
  status?: MessageStatus;
  kind?: MessageKind;
  phone?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

function filterOf(search: Omit<MessageSearch, 'page' | 'pageSize'>) {
  const q: Record<string, unknown> = {};
  if (search.status) q.status = search.status;
  if (search.kind) q.kind = search.kind;
  if (search.phone) {
    const phone = normalizeMobile(search.phone);
    q.phoneHash = phone ? lookupHash('phone', phone) : '-';
  }
  if (search.from || search.to) q.createdAt = { ...(search.from && { $gte: search.from }), ...(search.to && { $lt: search.to }) };
  return q;
}

export async function searchMessages(search: MessageSearch) {
  const q = filterOf(search);
  const [items, total] = await Promise.all([
    MessageModel.find(q).sort({ createdAt: -1 }).skip((search.page - 1) * search.pageSize).limit(search.pageSize).lean(),
    MessageModel.countDocuments(q),
  ]);
  return { items: items.map(presentMessage), total };
}

export async function messageStats(range: { from?: Date; to?: Date }) {
  const rows = await MessageModel.aggregate<{ _id: { kind: string; status: string }; n: number }>([
    { $match: filterOf(range) },
    { $group: { _id: { kind: '$kind', status: '$status' }, n: { $sum: 1 } } },
  ]);
  const byStatus: Record<string, number> = { queued: 0, sending: 0, sent: 0, delivered: 0, failed: 0 };
  const byKind: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    byStatus[r._id.status] = (byStatus[r._id.status] ?? 0) + r.n;
    (byKind[r._id.kind] ??= {})[r._id.status] = r.n;
  }
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const finished = byStatus.delivered + byStatus.failed;
  return { total, byStatus, byKind, deliveryRate: finished ? byStatus.delivered / finished : null };
}

export async function residentMessages(userId: string, limit = 50) {
  const items = await MessageModel.find({ userId, kind: { $ne: 'login_code' } }).sort({ createdAt: -1 }).limit(limit).lean();
  return items.map((m) => ({ id: String(m._id), kind: m.kind, text: m.preview, status: m.status, createdAt: m.createdAt }));
}
