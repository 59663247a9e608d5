/** The audit log: who did what, when and from where. Never personal data in full. */
import { AuditLogModel } from '../../models/audit-log';
import type { StaffActor } from './actor';

export async function recordAudit(actor: StaffActor, action: string, target: { type: string; id?: string }, details?: Record<string, unknown>): Promise<void> {
  await AuditLogModel.create({
    staffId: actor.staffId,
    username: actor.username,
    action,
    targetType: target.type,
    targetId: target.id,
    ip: actor.ip,
    details,
  });
}

export async function listAudit(filter: { staffId?: string; targetType?: string; targetId?: string; before?: Date; limit: number }) {
  const query: Record<string, unknown> = {};
  if (filter.staffId) query.staffId = filter.staffId;
  if (filter.targetType) query.targetType = filter.targetType;
  if (filter.targetId) query.targetId = filter.targetId;
  if (filter.before) query.at = { $lt: filter.before };
  const rows = await AuditLogModel.find(query).sort({ at: -1 }).limit(filter.limit).lean();
  return rows.map((r) => ({
    id: String(r._id),
    at: r.at,
    staffId: r.staffId,
    username: r.username,
    action: r.action,
    target: { type: r.targetType, id: r.targetId ?? null },
    ip: r.ip ?? null,
    details: r.details ?? null,
  }));
}
