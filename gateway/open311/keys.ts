/**
 * Open311 API keys: administrators issue them (the key is shown once) and revoke them; clients
 * present one as `api_key` to file requests. Keys are 256 random bits, so a plain SHA-256 of the
 * key is a safe thing to store and look up.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { Open311KeyModel, type Open311Key } from '../../models/open311-key';
import { AppError, notFound } from '../errors';
import type { StaffActor } from '../identity/actor';
import { recordAudit } from '../identity/audit';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function presentKey(k: Open311Key & { _id: unknown }) {
  return {
    id: String(k._id),
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt,
    createdBy: k.createdBy?.name ?? null,
    revokedAt: k.revokedAt ?? null,
    lastUsedAt: k.lastUsedAt ?? null,
  };
}

export async function issueKey(actor: StaffActor, name: string) {
  const key = `o311_${randomBytes(32).toString('base64url')}`;
  const doc = await Open311KeyModel.create({ name, keyHash: hashKey(key), prefix: key.slice(0, 12), createdBy: { staffId: actor.staffId, name: actor.username } });
  await recordAudit(actor, 'open311.key_issue', { type: 'open311_key', id: String(doc._id) }, { name });
  return { ...presentKey(doc.toObject()), key };
}

export async function listKeys() {
  return { items: (await Open311KeyModel.find().sort({ createdAt: -1 }).lean()).map(presentKey) };
}

export async function revokeKey(actor: StaffActor, id: string): Promise<void> {
  const doc = Types.ObjectId.isValid(id) ? await Open311KeyModel.findById(id).lean() : null;
  if (!doc) throw notFound('open311.key_not_found', '未找到该密钥');
  if (doc.revokedAt) return;
  await Open311KeyModel.updateOne({ _id: doc._id, revokedAt: { $exists: false } }, { $set: { revokedAt: new Date(), revokedBy: { staffId: actor.staffId, name: actor.username } } });
  await recordAudit(actor, 'open311.key_revoke', { type: 'open311_key', id });
}

/** The live key presented as `api_key`, or a 403 (the status Open311 gives a missing or bad key). */
export async function verifyKey(presented: unknown): Promise<{ id: string; name: string }> {
  if (typeof presented !== 'string' || !presented) throw new AppError(403, 'open311.api_key_missing', '缺少 api_key，请向政务服务中心申请接口密钥');
  const doc = await Open311KeyModel.findOneAndUpdate(
    { keyHash: hashKey(presented), revokedAt: { $exists: false } },
    { $set: { lastUsedAt: new Date() } },
    { projection: { name: 1 } },
  ).lean();
  if (!doc) throw new AppError(403, 'open311.api_key_invalid', 'api_key 无效或已被撤销');
  return { id: String(doc._id), name: doc.name };
}
