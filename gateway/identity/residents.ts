/** Resident accounts: found or created by phone or WeChat openid; real-name and chat bindings. */
import { UserModel, type User } from '../../models/user';
import { AppError, badRequest, notFound } from '../errors';
import { encryptPersonal, lookupHash } from '../privacy/crypto';
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask';
import { normalizeIdNumber } from '../privacy/validators';
import type { ResidentActor } from './actor';
import { issueToken, RESIDENT_TOKEN_TTL_SECONDS } from './tokens';
import { isDuplicateKey } from '../db/errors';

export type UserDoc = NonNullable<Awaited<ReturnType<typeof UserModel.findOne>>>;

function phoneFields(phone: string) {
  return { phoneEnc: encryptPersonal(phone), phoneHash: lookupHash('phone', phone), phoneMasked: maskPhone(phone), phoneVerifiedAt: new Date() };
}

export async function findOrCreateResidentByPhone(phone: string): Promise<UserDoc> {
  const phoneHash = lookupHash('phone', phone);
  try {
    // One atomic upsert: two first logins at once still make one account.
    return (await UserModel.findOneAndUpdate({ phoneHash }, { $setOnInsert: phoneFields(phone) }, { upsert: true, returnDocument: 'after' }))!;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return (await UserModel.findOne({ phoneHash }))!;
  }
}

export async function findOrCreateResidentByOpenId(openId: string): Promise<UserDoc> {
  const openIdHash = lookupHash('openid', openId);
  try {
    return (await UserModel.findOneAndUpdate({ openIdHash }, { $setOnInsert: { openIdHash, openIdEnc: encryptPersonal(openId) } }, { upsert: true, returnDocument: 'after' }))!;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return (await UserModel.findOne({ openIdHash }))!;
  }
}

export function residentSession(user: UserDoc) {
  const { token, expiresAt } = issueToken({ kind: 'resident', sub: String(user._id) }, RESIDENT_TOKEN_TTL_SECONDS);
  return { token, expiresAt, user: presentResident(user) };
}

/** Every field of a resident that leaves the server: masks only. */
export function presentResident(user: User & { _id: unknown }) {
  return {
    id: String(user._id),
    phone: user.phoneMasked ?? null,
    phoneVerified: Boolean(user.phoneVerifiedAt),
    wechatBound: Boolean(user.openIdHash),
    realName: user.realName?.idHash
      ? { name: user.realName.nameMasked, idNumber: user.realName.idMasked, boundAt: user.realName.boundAt }
      : null,
    chatBound: (user.chatBindings ?? []).length > 0,
    subscriptions: { topics: user.subscriptions?.topics ?? [], township: user.subscriptions?.township ?? null },
  };
}

export async function loadResident(actor: ResidentActor): Promise<UserDoc> {
  const user = await UserModel.findById(actor.userId);
  if (!user || !user.active) throw new AppError(401, 'auth.revoked', '账号不存在或已停用，请重新登录');
  return user;
}

const NAME = /^[\u4e00-\u9fa5·]{2,20}$|^[A-Za-z][A-Za-z .·-]{1,39}$/;

export async function bindRealName(actor: ResidentActor, input: { name: string; idNumber: string }) {
  const name = input.name.trim();
  if (!NAME.test(name)) throw badRequest('identity.name_invalid', '请输入与身份证一致的姓名');
  const id = normalizeIdNumber(input.idNumber);
  if (!id) throw badRequest('identity.id_invalid', '身份证号码有误，请核对后重新输入');
  const user = await loadResident(actor);
  const idHash = lookupHash('id', id);
  if (user.realName?.idHash && user.realName.idHash !== idHash) {
    throw new AppError(409, 'identity.already_bound', '您已完成实名认证，如需更改请到窗口办理');
  }
  try {
    await UserModel.updateOne(
      { _id: user._id },
      { $set: { realName: { nameEnc: encryptPersonal(name), nameMasked: maskName(name), idEnc: encryptPersonal(id), idHash, idMasked: maskIdNumber(id), boundAt: user.realName?.boundAt ?? new Date() } } },
    );
  } catch (err) {
    if (isDuplicateKey(err)) throw new AppError(409, 'identity.id_taken', '该身份证号已被其他账号实名绑定，如有疑问请到窗口核实');
    throw err;
  }
  return presentResident((await UserModel.findById(user._id).lean())!);
}

/** A WeChat resident verifies a phone; an account that already owns the phone takes over the openid. */
export async function bindVerifiedPhone(actor: ResidentActor, phone: string) {
  const user = await loadResident(actor);
  const phoneHash = lookupHash('phone', phone);
  const owner = await UserModel.findOne({ phoneHash });
  if (!owner) {
    await UserModel.updateOne({ _id: user._id }, { $set: phoneFields(phone) });
    return residentSession((await UserModel.findById(user._id))!);
  }
  if (String(owner._id) === String(user._id)) return residentSession(owner);
  // Merge only an empty WeChat shell into the phone account (nothing of the shell is lost).
  if (user.phoneHash || user.realName?.idHash || owner.openIdHash) {
    throw new AppError(409, 'identity.phone_taken', '该手机号已绑定其他账号，请用该手机号登录');
  }
  await UserModel.deleteOne({ _id: user._id });
  await UserModel.updateOne({ _id: owner._id }, { $set: { openIdHash: user.openIdHash, openIdEnc: user.openIdEnc } });
  return residentSession((await UserModel.findById(owner._id))!);
}

/** Binds a chat user (the bot's channel id) to the resident who owns the verified phone. */
export async function bindChatUser(chatUserId: string, phone: string) {
  const user = await findOrCreateResidentByPhone(phone);
  const bound = { chatBindings: { $elemMatch: { channel: 'wechaty', channelUserId: chatUserId } } };
  await UserModel.updateMany({ _id: { $ne: user._id }, ...bound }, { $pull: { chatBindings: { channel: 'wechaty', channelUserId: chatUserId } } });
  await UserModel.updateOne(
    { _id: user._id, chatBindings: { $not: { $elemMatch: { channel: 'wechaty', channelUserId: chatUserId } } } },
    { $push: { chatBindings: { channel: 'wechaty', channelUserId: chatUserId, boundAt: new Date() } } },
  );
  return presentResident((await UserModel.findById(user._id).lean())!);
}

export async function unbindChatUser(chatUserId: string): Promise<void> {
  const bound = { chatBindings: { $elemMatch: { channel: 'wechaty', channelUserId: chatUserId } } };
  const res = await UserModel.updateMany(bound, { $pull: { chatBindings: { channel: 'wechaty', channelUserId: chatUserId } } });
  if (res.modifiedCount === 0) throw notFound('identity.chat_not_bound', '当前聊天账号尚未绑定');
}
