/** The provider in force: from configuration, or installed by a test. */
import { config } from '../../../config/server';
import { createAliyunProvider } from './aliyun';
import { createConsoleProvider } from './console';
import type { SmsProvider } from './types';

let current: SmsProvider | undefined;

export function smsProvider(): SmsProvider {
  if (current) return current;
  const sms = config().sms;
  current =
    sms.provider === 'aliyun'
      ? createAliyunProvider({
          endpoint: sms.aliyun.endpoint,
          protocol: sms.aliyun.protocol,
          accessKeyId: sms.aliyun.accessKeyId!,
          accessKeySecret: sms.aliyun.accessKeySecret!,
          timeoutMs: sms.timeoutMs,
        })
      : createConsoleProvider();
  return current;
}

/** Replaces the provider (tests), or clears it so the next call builds one from configuration. */
export function useSmsProvider(provider: SmsProvider | undefined): void {
  current = provider;
}
