/**
 * What a claimed message becomes after a send, a lookup, a deferral or a release: the fields to set
 * and the entry for its attempts log. Pure; the recorder writes them.
 */
import { config } from '../../../config/server';
import { smsProvider } from '../providers';
import type { SmsLookupResult, SmsSendResult } from '../providers/types';
import { retryDelayMs } from '../schedule';
import type { ClaimedMessage } from './claim';

export interface Outcome {
  set: Record<string, unknown>;
  /** Absent when nothing was attempted (a release). */
  attempt?: { outcome: string; code?: string; message?: string };
}

export type HoldReason = 'quiet_hours' | 'ordering' | 'daily_cap';

/** Why a message must wait, and until when. */
export interface Hold {
  until: Date;
  reason: HoldReason;
}

export function retryOrFail(tries: number, kind: 'temporary' | 'technical', attempt: NonNullable<Outcome['attempt']>, uncertain: boolean): Outcome {
  const sms = config().sms;
  if (tries >= sms.maxTries) {
    return { set: { status: 'failed', failure: kind, failedAt: new Date(), tries, uncertain, providerCode: attempt.code }, attempt };
  }
  return {
    set: { status: 'queued', tries, uncertain, providerCode: attempt.code, dueAt: new Date(Date.now() + retryDelayMs(tries, sms.retryBaseSeconds)) },
    attempt,
  };
}

export function fromLookup(found: Extract<SmsLookupResult, { found: true }>): Outcome {
  const now = new Date();
  const base = { uncertain: false, providerMessageId: found.providerMessageId, sentAt: now, providerCode: found.code };
  if (found.status === 'delivered') return { set: { ...base, status: 'delivered', deliveredAt: now }, attempt: { outcome: 'lookup_found', code: 'DELIVERED' } };
  if (found.status === 'failed') return { set: { ...base, status: 'failed', failure: 'permanent', failedAt: now }, attempt: { outcome: 'lookup_found', code: found.code ?? 'FAILED' } };
  return { set: { ...base, status: 'sent' }, attempt: { outcome: 'lookup_found', code: 'SENDING' } };
}

export function fromSend(message: ClaimedMessage, result: SmsSendResult): Outcome {
  const tries = message.tries + 1;
  if (result.outcome === 'accepted') {
    return {
      set: { status: 'sent', sentAt: new Date(), tries, uncertain: false, providerMessageId: result.providerMessageId, providerCode: 'OK', provider: smsProvider().id },
      attempt: { outcome: 'accepted', code: 'OK' },
    };
  }
  const attempt = { outcome: result.outcome, code: result.code, message: result.message };
  if (result.outcome === 'unknown') return retryOrFail(tries, 'technical', attempt, true);
  if (result.kind === 'permanent') {
    return { set: { status: 'failed', failure: 'permanent', failedAt: new Date(), tries, uncertain: false, providerCode: result.code }, attempt };
  }
  return retryOrFail(tries, result.kind, attempt, false);
}

export function deferred(hold: Hold): Outcome {
  return { set: { status: 'queued', dueAt: hold.until, deferredReason: hold.reason, uncertain: false }, attempt: { outcome: 'deferred', code: hold.reason } };
}

/** Back on the queue untouched (its claim grew too old to send under): only the claim is undone. */
export function released(message: ClaimedMessage): Outcome {
  return { set: { status: 'queued', uncertain: message.lease.lookUpFirst } };
}
