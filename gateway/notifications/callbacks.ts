/**
 * Aliyun's HTTP pushes: delivery receipts (SmsReport) update message status; inbound replies
 * (SmsUp) of TD/退订 opt the number out of policy notices. Pushes are retried by Aliyun, so
 * handling the same item twice must change nothing.
 */
import { isValidObjectId } from 'mongoose';
import { MessageModel } from '../../models/message';
import { SmsOptOutModel } from '../../models/sms-opt-out';
import { lookupHash } from '../privacy/crypto';
import { normalizeMobile } from '../privacy/validators';

export interface SmsReport {
  phone_number?: string;
  success?: boolean | string;
  err_code?: string;
  err_msg?: string;
  biz_id?: string;
  out_id?: string;
  report_time?: string;
  send_time?: string;
}

export interface SmsReply {
  phone_number?: string;
  content?: string;
  send_time?: string;
}

const OPT_OUT = /^\s*(TD|T|退订|退订短信|取消订阅|N)\s*$/i;

function parseChinaTime(value: string | undefined): Date {
  if (!value) return new Date();
  const d = new Date(`${value.replace(' ', 'T')}+08:00`);
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

export async function recordReceipts(reports: SmsReport[]): Promise<{ updated: number }> {
  let updated = 0;
  for (const r of reports) {
    const match = r.out_id && isValidObjectId(r.out_id) ? { _id: r.out_id } : r.biz_id ? { providerMessageId: r.biz_id } : undefined;
    if (!match) continue;
    const ok = r.success === true || r.success === 'true';
    const at = parseChinaTime(r.report_time);
    // Only a message not already final changes; a repeated push matches nothing.
    const res = await MessageModel.updateOne(
      { ...match, status: { $in: ['sending', 'sent', 'queued'] } },
      ok
        ? { $set: { status: 'delivered', deliveredAt: at, providerCode: r.err_code || 'DELIVERED', uncertain: false } }
        : { $set: { status: 'failed', failure: 'permanent', failedAt: at, providerCode: r.err_code || 'FAILED', uncertain: false } },
    );
    updated += res.modifiedCount;
  }
  return { updated };
}

export async function recordReplies(replies: SmsReply[]): Promise<{ optedOut: number }> {
  let optedOut = 0;
  for (const r of replies) {
    const phone = r.phone_number && normalizeMobile(r.phone_number);
    if (!phone || !r.content || !OPT_OUT.test(r.content)) continue;
    const res = await SmsOptOutModel.updateOne(
      { phoneHash: lookupHash('phone', phone) },
      { $setOnInsert: { reply: r.content.trim().slice(0, 10), at: parseChinaTime(r.send_time) } },
      { upsert: true },
    );
    optedOut += res.upsertedCount;
  }
  return { optedOut };
}

export async function isOptedOut(phoneHash: string): Promise<boolean> {
  return (await SmsOptOutModel.exists({ phoneHash })) !== null;
}

/** A resident who subscribes again in the app or the bot opts back in. */
export async function optBackIn(phoneHash: string): Promise<void> {
  await SmsOptOutModel.deleteOne({ phoneHash });
}
