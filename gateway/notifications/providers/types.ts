/**
 * The one small interface every SMS provider implements. Providers never throw for a provider
 * answer: they classify it, so the delivery worker can decide between done, retry and give up.
 */

export interface SmsSendRequest {
  /** Mainland mobile number, 11 digits. */
  phone: string;
  /** Provider template code (approved in advance; never free text). */
  templateCode: string;
  /** Template variables, all strings. */
  params: Record<string, string>;
  /** Our message id, echoed back in receipts and used to find a send after a timeout (< 256 chars). */
  outId: string;
  signName: string;
  /** Rendered Chinese text, for providers that print or record (console). */
  text: string;
}

export type SmsFailureKind = 'permanent' | 'temporary' | 'technical';

export type SmsSendResult =
  /** The provider accepted the message. */
  | { outcome: 'accepted'; providerMessageId: string; requestId?: string }
  /** The provider refused it; `kind` says whether retrying can help. */
  | { outcome: 'refused'; kind: SmsFailureKind; code: string; message: string }
  /** No answer (timeout, connection cut after sending): it may or may not have gone out. */
  | { outcome: 'unknown'; code: string; message: string };

export interface SmsLookupRequest {
  phone: string;
  outId: string;
  /** When we tried to send (the provider searches by day, UTC+8). */
  sentAt: Date;
  providerMessageId?: string;
}

export type SmsLookupResult =
  | { found: false }
  | { found: true; providerMessageId?: string; status: 'sending' | 'delivered' | 'failed'; code?: string };

export interface SmsProvider {
  readonly id: string;
  send(request: SmsSendRequest): Promise<SmsSendResult>;
  /** Finds an earlier send by our outId (after an ambiguous `unknown`); throws if it cannot ask. */
  lookup(request: SmsLookupRequest): Promise<SmsLookupResult>;
}
