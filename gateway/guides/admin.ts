/**
 * Administrators maintain the catalogue: create (as a draft), edit, publish, retire. Every change
 * bumps the version and keeps a snapshot, so the history can be read and compared.
 */
import type { ClientSession } from 'mongoose';
import { GuideModel } from '../../models/guide';
import { GuideVersionModel } from '../../models/guide-version';
import { conflict, notFound } from '../errors';
import type { StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { reloadCatalogue } from './catalogue';
import type { GuideInput } from './schema';
import { presentGuideSummary } from './presenter';

type Action = 'create' | 'update' | 'publish' | 'retire' | 'import';

async function snapshot(code: string, action: Action, actor: StaffActor, session?: ClientSession) {
  const guide = await GuideModel.findOne({ code }, null, { session }).lean();
  const { _id, __v, ...rest } = guide as typeof guide & { __v?: number };
  await GuideVersionModel.create([{ code, version: guide!.version, action, snapshot: rest, changedBy: { staffId: actor.staffId, username: actor.username }, changedAt: new Date() }], { session });
}

async function afterChange(actor: StaffActor, action: Action, code: string) {
  await recordAudit(actor, `guide.${action}`, { type: 'guide', id: code });
  await reloadCatalogue();
}

export async function createGuide(actor: StaffActor, input: GuideInput) {
  if (await GuideModel.exists({ code: input.code })) throw conflict('guide.code_taken', '该实施编码已存在');
  const session = await GuideModel.startSession();
  try {
    await session.withTransaction(async () => {
      await GuideModel.create([{ ...input, status: 'draft', version: 1 }], { session });
      await snapshot(input.code, 'create', actor, session);
    });
  } finally {
    await session.endSession();
  }
  await afterChange(actor, 'create', input.code);
  return presentGuideSummary((await GuideModel.findOne({ code: input.code }).lean())!);
}

export async function updateGuide(actor: StaffActor, code: string, input: GuideInput) {
  if (input.code !== code) throw conflict('guide.code_immutable', '实施编码不能修改，请新建事项');
  return changeGuide(actor, code, 'update', { ...input });
}

export async function setGuideStatus(actor: StaffActor, code: string, status: 'published' | 'retired') {
  return changeGuide(actor, code, status === 'published' ? 'publish' : 'retire', { status });
}

async function changeGuide(actor: StaffActor, code: string, action: Action, set: Record<string, unknown>) {
  const session = await GuideModel.startSession();
  let found = false;
  try {
    await session.withTransaction(async () => {
      const res = await GuideModel.updateOne({ code }, { $set: set, $inc: { version: 1 } }, { session });
      found = res.matchedCount === 1;
      if (found) await snapshot(code, action, actor, session);
    });
  } finally {
    await session.endSession();
  }
  if (!found) throw notFound('guide.not_found', '未找到该办事事项');
  await afterChange(actor, action, code);
  return presentGuideSummary((await GuideModel.findOne({ code }).lean())!);
}

export async function listAllGuides(filter: { status?: string; page: number; pageSize: number }) {
  const q: Record<string, unknown> = filter.status ? { status: filter.status } : {};
  const [items, total] = await Promise.all([
    GuideModel.find(q).sort({ window: 1, code: 1 }).skip((filter.page - 1) * filter.pageSize).limit(filter.pageSize).lean(),
    GuideModel.countDocuments(q),
  ]);
  return { items: items.map((g) => ({ ...presentGuideSummary(g), status: g.status, version: g.version, updatedAt: g.updatedAt })), total };
}

export async function guideHistory(code: string) {
  const versions = await GuideVersionModel.find({ code }).sort({ version: -1 }).lean();
  if (!versions.length) throw notFound('guide.not_found', '未找到该办事事项');
  return { items: versions.map((v) => ({ version: v.version, action: v.action, changedBy: v.changedBy?.username ?? null, changedAt: v.changedAt, snapshot: v.snapshot })) };
}
