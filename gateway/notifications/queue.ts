/**
 * Putting a message on the queue. Callers pass the de-duplication key of its cause (e.g.
 * `application:A123:approved`); enqueueing the same key again returns the existing message.
 * Pass the caller's session to make the message part of the caller's transaction.
 */
import type { ClientSession } from 'mongoose';
import { MessageModel } from '../../models/message';
import { config } from '../../config/server';
import { badRequest } from '../errors';
import { encryptPersonal, lookupHash } from '../privacy/crypto';
import { maskPhone } from '../privacy/mask';
import { normalizeMobile } from '../privacy/validators';
import { wakeTask } from '../worker/runner';
import { renderText, TEMPLATES, type MessageKind, type TemplateParams } from './templates';

export interface EnqueueInput<K extends MessageKind> {
  kind: K;
  phone: string;
  params: TemplateParams<K>;
  dedupeKey: string;
  userId?: string;
  cause?: { type: string; id: string };
  /** Not before this time (e.g. a reminder the day before). */
  dueAt?: Date;
}

export interface EnqueuedMessage {
  id: string;
  duplicate: boolean;
}

/** Sessions that will wake the worker when they end. */
const wakeAfter = new WeakSet<ClientSession>();

export function templateCodeFor(kind: MessageKind): string {
  return config().sms.templateCodes[kind] ?? `OW_${kind.toUpperCase()}`;
}

export async function enqueueMessage<K extends MessageKind>(input: EnqueueInput<K>, session?: ClientSession): Promise<EnqueuedMessage> {
  const phone = normalizeMobile(input.phone);
  if (!phone) throw badRequest('sms.phone_invalid', '手机号码格式不正确');
  const spec = TEMPLATES[input.kind];
  const parsed = spec.params.safeParse(input.params);
  if (!parsed.success) throw new Error(`SMS ${input.kind}: bad template parameters: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const params = parsed.data as Record<string, string>;
  const doc = {
    kind: input.kind,
    dedupeKey: input.dedupeKey,
    priority: spec.priority,
    phoneEnc: encryptPersonal(phone),
    phoneHash: lookupHash('phone', phone),
    phoneMasked: maskPhone(phone),
    userId: input.userId,
    paramsEnc: encryptPersonal(JSON.stringify(params)),
    preview: renderText(input.kind, params, true),
    templateCode: templateCodeFor(input.kind),
    cause: input.cause,
    status: 'queued' as const,
    dueAt: input.dueAt ?? new Date(),
  };
  // Upsert on the unique key: a repeat of the same cause finds the first message instead.
  const result = await MessageModel.updateOne({ dedupeKey: input.dedupeKey }, { $setOnInsert: doc }, { upsert: true, session });
  if (result.upsertedId) {
    // A worker in this process picks it up at once (others poll); inside a transaction it waits for the commit.
    if (!session) wakeTask('sms-delivery');
    else if (!wakeAfter.has(session)) {
      // One listener per session, however often a retried transaction enqueues.
      wakeAfter.add(session);
      session.once('ended', () => wakeTask('sms-delivery'));
    }
    return { id: String(result.upsertedId), duplicate: false };
  }
  const existing = await MessageModel.findOne({ dedupeKey: input.dedupeKey }, { _id: 1 }, { session }).lean();
  return { id: String(existing!._id), duplicate: true };
}
