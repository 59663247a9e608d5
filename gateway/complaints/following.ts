/**
 * What residents do after filing: look an item up, list their own, add information or photos,
 * confirm the answer (closing it) or ask for it to be handled again.
 */
import { ComplaintModel, type ComplaintRecord, type ComplaintType } from '../../models/complaint';
import { loadCalendarOverrides } from '../calendar/working-days';
import { badRequest, conflict, notFound } from '../errors';
import type { Actor, ResidentActor } from '../identity/actor';
import { deleteFile, openFile, storeFile } from '../files/store';
import type { UploadedPart } from '../files/upload';
import { isRated } from '../ratings/service';
import { applyChange } from './changes';
import { reopenedAnswerBy } from './deadlines';
import { loadForFollower, ownedByResident } from './access';
import { mayReopen, presentForResident, presentResidentSummary } from './presenter';
import { COMPLAINT_RULES } from './rules';

const RESIDENT = { kind: 'resident' as const };

async function present(c: ComplaintRecord) {
  return presentForResident(c, { rated: await isRated('complaint', c.trackingNumber) });
}

export async function lookupComplaint(actor: Actor, trackingNumber: string, phoneLast4?: string) {
  return present(await loadForFollower(actor, trackingNumber, phoneLast4));
}

export async function listMyComplaints(actor: ResidentActor, page: { page: number; pageSize: number }) {
  const q = await ownedByResident(actor.userId);
  const [items, total] = await Promise.all([
    ComplaintModel.find(q).sort({ receivedAt: -1 }).skip((page.page - 1) * page.pageSize).limit(page.pageSize).lean(),
    ComplaintModel.countDocuments(q),
  ]);
  return { items: (items as ComplaintRecord[]).map(presentResidentSummary), total };
}

function refuseClosed(c: ComplaintRecord): void {
  if (c.status === 'closed') throw conflict('complaint.closed', '该事项已办结，如对答复不满意可申请重新办理');
}

export async function addInformation(actor: Actor, trackingNumber: string, input: { text: string; phoneLast4?: string }) {
  const c = await loadForFollower(actor, trackingNumber, input.phoneLast4);
  refuseClosed(c);
  const now = new Date();
  return present(await applyChange(c, { push: { additions: { at: now, text: input.text } }, event: { type: 'information', by: RESIDENT, note: input.text } }, now));
}

export async function confirmAnswer(actor: Actor, trackingNumber: string, input: { phoneLast4?: string }) {
  const c = await loadForFollower(actor, trackingNumber, input.phoneLast4);
  if (c.status !== 'replied') throw conflict('complaint.not_replied', '该事项尚未答复，暂不能确认办结');
  const now = new Date();
  return present(
    await applyChange(c, { set: { status: 'closed', closedAt: now, closedBy: 'resident' }, unset: { autoCloseAt: 1 }, event: { type: 'closed', by: RESIDENT, note: '群众确认办结' } }, now),
  );
}

export async function reopenComplaint(actor: Actor, trackingNumber: string, input: { reason: string; phoneLast4?: string }) {
  const c = await loadForFollower(actor, trackingNumber, input.phoneLast4);
  const now = new Date();
  const rated = await isRated('complaint', c.trackingNumber);
  if (!mayReopen(c, rated, now)) {
    if (rated) throw conflict('complaint.already_rated', '该事项已评价，不能重新办理；如不满意，评价整改将跟进处理');
    if (c.status !== 'replied' && c.status !== 'closed') throw conflict('complaint.not_replied', '该事项正在办理中，无需重新办理');
    throw conflict('complaint.reopen_expired', `答复超过${COMPLAINT_RULES.reopenWithinDays}日，不能再申请重新办理，如有新的问题请重新提交`);
  }
  await loadCalendarOverrides();
  const answerBy = reopenedAnswerBy(c.type as ComplaintType, now);
  const updated = await applyChange(
    c,
    {
      set: { status: c.department ? 'assigned' : 'acknowledged', answerBy, dueDate: answerBy, dueStage: 'answer', overdueEscalated: false, reopenCount: (c.reopenCount ?? 0) + 1 },
      unset: { closedAt: 1, closedBy: 1, autoCloseAt: 1, repliedLate: 1 },
      event: { type: 'reopened', by: RESIDENT, note: input.reason, department: c.department ?? undefined },
    },
    now,
  );
  return present(updated);
}

export async function addPhotos(actor: Actor, trackingNumber: string, input: { phoneLast4?: string; files: UploadedPart[] }) {
  const c = await loadForFollower(actor, trackingNumber, input.phoneLast4);
  refuseClosed(c);
  const rules = COMPLAINT_RULES.photos;
  if (!input.files.length) throw badRequest('file.missing', '请选择要上传的照片');
  const room = rules.max - (c.photos ?? []).length;
  if (input.files.length > room) throw badRequest('complaint.too_many_photos', `每件最多${rules.max}张照片，还可上传${Math.max(0, room)}张`);
  const now = new Date();
  const stored = [];
  for (const f of input.files) {
    const file = await storeFile({ data: f.data, name: f.name, owner: { type: 'complaint', id: c.trackingNumber }, allowed: rules.kinds, maxBytes: rules.maxBytes });
    stored.push({ fileId: file.id, name: file.name, mime: file.mime, size: file.size, at: now });
  }
  // The guard keeps the total at most `max` even when two uploads race.
  const res = await ComplaintModel.updateOne(
    { _id: c._id, [`photos.${rules.max - stored.length}`]: { $exists: false } },
    { $push: { photos: { $each: stored }, events: { at: now, type: 'photos', by: RESIDENT, note: `补充照片${stored.length}张` } } },
  );
  if (res.modifiedCount !== 1) {
    await Promise.all(stored.map((p) => deleteFile(p.fileId)));
    throw badRequest('complaint.too_many_photos', `每件最多${rules.max}张照片`);
  }
  return present((await ComplaintModel.findById(c._id).lean()) as ComplaintRecord);
}

/** A photo of an item the caller may see (the route checks who that is). */
export async function openComplaintPhoto(c: ComplaintRecord, fileId: string) {
  if (!(c.photos ?? []).some((p) => p.fileId === fileId)) throw notFound('file.not_found', '文件不存在');
  return openFile(fileId);
}
