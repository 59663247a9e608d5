/** The help menu: what the bot can do, with an example for each. */
import type { Dialogue } from './types';

export interface HelpConfig {
  /** The service center's name, first line of the menu. */
  centerName: string;
}

export const HELP_DEFAULTS: HelpConfig = { centerName: '准格尔旗政务服务中心' };

export function helpText(config: HelpConfig = HELP_DEFAULTS, inRoom = false): string {
  const lines = [
    `您好，我是${config.centerName}小助手，可以帮您：`,
    '1. 查办事指南：如“开饭店要办什么证”',
    '2. 查办件进度：如“查一下 BJ250101-XXXXXXXX”',
    '3. 预约办事：如“怎么预约”“我的预约”',
    '4. 投诉建议：如“我要投诉”',
    '5. 政策通知：如“最新政策”“订阅社保通知”',
    '6. 绑定手机：回复“绑定手机”',
    '7. 找工作人员：回复“转人工”',
  ];
  if (inRoom) lines.push('在群里请@我提问；涉及个人信息的事项请私聊我。');
  return lines.join('\n');
}

export function helpDialogue(config: Partial<HelpConfig> = {}): Dialogue {
  const cfg = { ...HELP_DEFAULTS, ...config };
  return {
    name: 'help',
    intents: ['help', 'thanks'],
    publicIntents: ['help', 'thanks'],
    async start(turn) {
      if (turn.match.intent === 'thanks') return turn.say('不客气，有需要随时找我。');
      turn.say(helpText(cfg, turn.inRoom));
      if (turn.state.flow) turn.say('您还有未完成的事项，可以继续回答上一个问题，或回复“取消”结束。');
    },
  };
}
