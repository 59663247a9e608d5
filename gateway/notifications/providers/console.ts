/** Development provider: prints each rendered message (phone masked) and keeps it in memory. */
import { maskPhone } from '../../privacy/mask';
import type { SmsLookupRequest, SmsLookupResult, SmsProvider, SmsSendRequest, SmsSendResult } from './types';

export interface ConsoleProvider extends SmsProvider {
  readonly outbox: Array<SmsSendRequest & { providerMessageId: string; at: Date }>;
}

export function createConsoleProvider(print: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): ConsoleProvider {
  const outbox: ConsoleProvider['outbox'] = [];
  let seq = 0;
  return {
    id: 'console',
    outbox,
    async send(request: SmsSendRequest): Promise<SmsSendResult> {
      const providerMessageId = `console-${Date.now()}-${++seq}`;
      outbox.push({ ...request, providerMessageId, at: new Date() });
      if (outbox.length > 1000) outbox.shift();
      print(`[sms] ${maskPhone(request.phone)} 【${request.signName}】${request.text}`);
      return { outcome: 'accepted', providerMessageId };
    },
    async lookup(request: SmsLookupRequest): Promise<SmsLookupResult> {
      const hit = outbox.find((m) => m.outId === request.outId);
      return hit ? { found: true, providerMessageId: hit.providerMessageId, status: 'delivered' } : { found: false };
    },
  };
}
