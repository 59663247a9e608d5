/**
 * Filing an item, from any channel: the mini-program (a resident or a phone-only filer), the bot
 * (a bound resident or a not-yet-bound chat user), Open311 clients and staff recording a phone
 * call. The item and its "received" SMS are written in one transaction.
 */
import { ComplaintModel, type ComplaintCategory, type ComplaintChannel, type ComplaintRecord, type ComplaintType } from '../../models/complaint';
import { UserModel } from '../../models/user';
import { loadCalendarOverrides } from '../calendar/working-days';
import { badRequest } from '../errors';
import type { Actor } from '../identity/actor';
import { recordAudit } from '../identity/audit';
import { encryptPersonal, lookupHash } from '../privacy/crypto';
import { maskName, maskPhone } from '../privacy/mask';
import { normalizeMobile } from '../privacy/validators';
import { queueComplaintSms, type EventBy } from './changes';
import { deadlinesFor } from './deadlines';
import { CHANNEL_NAMES } from './rules';
import { newTrackingNumber } from './tracking';
import { isDuplicateKey } from '../db/errors';

export interface FilingInput {
  type: ComplaintType;
  category: ComplaintCategory;
  content: string;
  anonymous?: boolean;
  target?: { department?: string; window?: string; staff?: string; guideCode?: string };
  phone?: string;
  /** The filer's name (staff recording a call, Open311 first/last name); stored encrypted. */
  name?: string;
  location?: { lat?: number; lng?: number; address?: string };
  mediaUrl?: string;
  open311?: { keyId: string; attributes?: Record<string, unknown> };
}

function channelOf(actor: Actor): ComplaintChannel {
  if (actor.kind === 'staff') return 'phone';
  if (actor.channel === 'bot' || actor.channel === 'open311') return actor.channel;
  return 'miniprogram';
}

function phoneFields(raw: string) {
  const phone = normalizeMobile(raw);
  if (!phone) throw badRequest('complaint.phone_invalid', '手机号码格式不正确，请填写11位手机号');
  return { phoneEnc: encryptPersonal(phone), phoneHash: lookupHash('phone', phone), phoneMasked: maskPhone(phone) };
}

/** The filer as stored: enough to follow the item and send SMS, nothing more. */
async function filerOf(actor: Actor, input: FilingInput) {
  const name = input.name?.trim() ? { nameEnc: encryptPersonal(input.name.trim()), nameMasked: maskName(input.name.trim()) } : {};
  if (actor.kind === 'resident') {
    const user = await UserModel.findById(actor.userId, { phoneEnc: 1, phoneHash: 1, phoneMasked: 1 }).lean();
    if (user?.phoneHash) return { userId: actor.userId, phoneEnc: user.phoneEnc, phoneHash: user.phoneHash, phoneMasked: user.phoneMasked, ...name };
    return { userId: actor.userId, ...(input.phone ? phoneFields(input.phone) : {}), ...name };
  }
  if (!input.phone) {
    if (actor.channel === 'open311') return { ...name };
    throw badRequest('complaint.phone_required', '请填写手机号码，用于接收受理编号和查询办理进度');
  }
  return { ...phoneFields(input.phone), ...name };
}

function eventBy(actor: Actor): EventBy {
  return actor.kind === 'staff' ? { kind: 'staff', staffId: actor.staffId, name: actor.username } : { kind: 'resident' };
}

export async function fileComplaint(actor: Actor, input: FilingInput, now = new Date()): Promise<ComplaintRecord> {
  await loadCalendarOverrides();
  const filer = await filerOf(actor, input);
  const channel = channelOf(actor);
  const { acknowledgeBy, answerBy } = deadlinesFor(input.type, now);
  const target = Object.fromEntries(Object.entries(input.target ?? {}).filter(([, v]) => v));
  const base = {
    type: input.type,
    category: input.category,
    content: input.content.trim(),
    target,
    anonymous: Boolean(input.anonymous),
    channel,
    filer,
    location: input.location,
    mediaUrl: input.mediaUrl,
    open311: input.open311,
    status: 'received' as const,
    receivedAt: now,
    acknowledgeBy,
    answerBy,
    dueDate: acknowledgeBy,
    dueStage: 'acknowledge' as const,
    events: [{ at: now, type: 'received', by: eventBy(actor), note: `通过${CHANNEL_NAMES[channel]}提交` }],
  };
  for (let attempt = 0; ; attempt++) {
    const trackingNumber = newTrackingNumber(now);
    const session = await ComplaintModel.startSession();
    try {
      let created: ComplaintRecord | undefined;
      await session.withTransaction(async () => {
        const [doc] = await ComplaintModel.create([{ ...base, trackingNumber }], { session });
        created = doc.toObject() as ComplaintRecord;
        await queueComplaintSms(created, 'complaint_received', `complaint:${trackingNumber}:received`, session);
      });
      if (actor.kind === 'staff') await recordAudit(actor, 'complaint.record_call', { type: 'complaint', id: trackingNumber }, { type: input.type, category: input.category });
      return created!;
    } catch (err) {
      // A tracking-number collision (32⁸ per day) is retried with a new number.
      if (!isDuplicateKey(err) || attempt >= 2) throw err;
    } finally {
      await session.endSession();
    }
  }
}
