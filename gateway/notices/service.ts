/**
 * Policy notices: staff publish; the notice is listed at once and sent by SMS to opted-in
 * subscribers by a resumable fan-out job (never inside the HTTP request). Numbers that replied
 * TD/退订 are skipped; each resident gets a notice once (de-duplication key per notice and resident).
 */
import { Types } from 'mongoose';
import { NoticeModel, type Notice } from '../../models/notice';
import { ServicePointModel } from '../../models/service-point';
import { SmsOptOutModel } from '../../models/sms-opt-out';
import { UserModel } from '../../models/user';
import { badRequest, notFound } from '../errors';
import type { ResidentActor, StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { loadResident } from '../identity/residents';
import { optBackIn } from '../notifications/callbacks';
import { enqueueMessage } from '../notifications/queue';
import { decryptPersonal } from '../privacy/crypto';
import { registerTask, wakeTask } from '../worker/runner';
import { topicName, type NoticeTopic } from './topics';

export const FANOUT_TASK = 'notice-fanout';
const BATCH = 200;

export function presentNotice(n: Notice & { _id: unknown }, full = true) {
  return {
    id: String(n._id),
    title: n.title,
    ...(full ? { body: n.body } : { excerpt: n.body.slice(0, 80) }),
    audience: { type: n.audience!.type, topic: n.audience?.topic ?? null, topicName: n.audience?.topic ? topicName(n.audience.topic) : null, township: n.audience?.township ?? null },
    publishedAt: n.publishedAt,
    publishedBy: n.publishedBy?.name ?? null,
  };
}

export interface PublishInput {
  title: string;
  body: string;
  smsSummary: string;
  audience: { type: 'all' | 'topic' | 'township'; topic?: NoticeTopic; township?: string };
}

export async function publishNotice(actor: StaffActor, input: PublishInput) {
  if (input.audience.type === 'topic' && !input.audience.topic) throw badRequest('notice.topic_required', '请选择通知主题');
  if (input.audience.type === 'township') {
    if (!input.audience.township) throw badRequest('notice.township_required', '请选择苏木乡镇');
    if (!(await ServicePointModel.exists({ township: input.audience.township }))) throw badRequest('notice.township_unknown', '未找到该苏木乡镇');
  }
  const notice = await NoticeModel.create({ ...input, publishedAt: new Date(), publishedBy: { staffId: actor.staffId, name: actor.username } });
  await recordAudit(actor, 'notice.publish', { type: 'notice', id: String(notice._id) }, { audience: input.audience });
  wakeTask(FANOUT_TASK);
  return { ...presentNotice(notice.toObject()), fanout: notice.fanout };
}

export async function listNotices(filter: { topic?: string; page: number; pageSize: number }) {
  const q = filter.topic ? { 'audience.topic': filter.topic } : {};
  const [items, total] = await Promise.all([
    NoticeModel.find(q).sort({ publishedAt: -1 }).skip((filter.page - 1) * filter.pageSize).limit(filter.pageSize).lean(),
    NoticeModel.countDocuments(q),
  ]);
  return { items: items.map((n) => presentNotice(n, false)), total };
}

export async function getNotice(id: string) {
  const notice = Types.ObjectId.isValid(id) ? await NoticeModel.findById(id).lean() : null;
  if (!notice) throw notFound('notice.not_found', '未找到该通知');
  return presentNotice(notice);
}

export async function getSubscriptions(actor: ResidentActor) {
  const user = await loadResident(actor);
  return { topics: user.subscriptions?.topics ?? [], township: user.subscriptions?.township ?? null, phoneVerified: Boolean(user.phoneHash) };
}

export async function setSubscriptions(actor: ResidentActor, input: { topics: NoticeTopic[]; township?: string | null }) {
  const user = await loadResident(actor);
  if (input.topics.length && !user.phoneHash) throw badRequest('notice.phone_required', '请先验证手机号码后再订阅短信通知');
  await UserModel.updateOne({ _id: user._id }, { $set: { subscriptions: { topics: [...new Set(input.topics)], township: input.township ?? undefined } } });
  // Subscribing again in the app is a clear opt-in after an earlier TD.
  if (input.topics.length && user.phoneHash) await optBackIn(user.phoneHash);
  return getSubscriptions(actor);
}

function audienceFilter(n: Notice): Record<string, unknown> {
  const subscribed = { phoneHash: { $type: 'string' }, active: true, 'subscriptions.topics.0': { $exists: true } };
  if (n.audience!.type === 'topic') return { ...subscribed, 'subscriptions.topics': n.audience!.topic };
  if (n.audience!.type === 'township') return { ...subscribed, 'subscriptions.township': n.audience!.township };
  return subscribed;
}

/** Enqueues the next batch of one unfinished notice; true while there is more to do. */
export async function fanOutNextBatch(): Promise<boolean> {
  const notice = await NoticeModel.findOne({ 'fanout.status': { $in: ['pending', 'running'] } }).sort({ publishedAt: 1 });
  if (!notice) return false;
  const q: Record<string, unknown> = audienceFilter(notice.toObject());
  if (notice.fanout?.cursor) q._id = { $gt: new Types.ObjectId(notice.fanout.cursor) };
  const users = await UserModel.find(q, { phoneEnc: 1, phoneHash: 1 }).sort({ _id: 1 }).limit(BATCH).lean();
  const optedOut = new Set(
    (await SmsOptOutModel.find({ phoneHash: { $in: users.map((u) => u.phoneHash!) } }, { phoneHash: 1 }).lean()).map((o) => o.phoneHash),
  );
  let enqueued = 0;
  for (const u of users) {
    if (optedOut.has(u.phoneHash!)) continue;
    const res = await enqueueMessage({
      kind: 'policy_notice',
      phone: decryptPersonal(u.phoneEnc!),
      params: { title: notice.title, summary: notice.smsSummary },
      dedupeKey: `notice:${notice._id}:${u._id}`,
      userId: String(u._id),
      cause: { type: 'notice', id: String(notice._id) },
    });
    if (!res.duplicate) enqueued++;
  }
  const done = users.length < BATCH;
  await NoticeModel.updateOne(
    { _id: notice._id },
    {
      $set: { 'fanout.status': done ? 'done' : 'running', ...(users.length ? { 'fanout.cursor': String(users[users.length - 1]._id) } : {}), ...(done ? { 'fanout.finishedAt': new Date() } : {}) },
      $inc: { 'fanout.enqueued': enqueued, 'fanout.skippedOptOut': users.length - enqueued },
    },
  );
  return true;
}

registerTask({ name: FANOUT_TASK, intervalMs: 5000, mode: 'singleton', run: fanOutNextBatch });
