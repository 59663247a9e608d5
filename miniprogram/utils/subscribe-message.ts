/**
 * WeChat subscribe messages (订阅消息): the mini-program must ask the user, in a tap handler, before
 * the backend may send them one. Template ids come from the mini-program's console through
 * TARO_APP_SUBSCRIBE_TEMPLATES ("notice:ID,booking:ID,application:ID"); without them, or outside
 * WeChat, nothing is asked and SMS stays the channel.
 */
import Taro from '@tarojs/taro';

export type SubscribeTopic = 'notice' | 'booking' | 'application' | 'complaint';

export function templateIds(topic: SubscribeTopic, config = process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? ''): string[] {
  return config
    .split(',')
    .map((pair) => pair.split(':').map((s) => s.trim()))
    .filter(([name, id]) => name === topic && id)
    .map(([, id]) => id!);
}

/** Asks for consent; never throws (a refusal only means no WeChat message). */
export async function askSubscribeConsent(topic: SubscribeTopic): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = templateIds(topic);
  if (tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    // declined or unsupported: SMS still reaches them
  }
}
