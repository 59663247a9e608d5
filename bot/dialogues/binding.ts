/**
 * Binding the chat user to a resident: phone → SMS code (sent by the gateway) → bound. Other
 * dialogues that need a resident start it with `startBinding`, and what the resident asked for runs
 * once the phone is bound. Also unbinding, and re-sending the code.
 */
import { endFlow } from '../conversation-store';
import { isGatewayError, replyForError } from '../gateway-client';
import type { Intent } from '../intents/table';
import { findPhone } from '../intents/slots';
import { maskPhone } from '../sealed';
import { ask, type Dialogue, type Turn } from './types';

export interface BindingConfig {
  /** Wrong codes accepted before the dialogue gives up (the gateway also limits attempts). */
  maxCodeAttempts: number;
}

export const BINDING_DEFAULTS: BindingConfig = { maxCodeAttempts: 5 };

const FLOW = 'binding';
const ASK_PHONE = '请回复您的手机号，我会发送一条验证码短信（手机号只用于核实身份）。';

/** Starts binding on behalf of another request, which resumes once bound. */
export function startBinding(turn: Turn, reason: string, after?: { intent: Intent; slots?: Record<string, unknown> }): void {
  endFlow(turn.state);
  turn.state.after = after ? { intent: after.intent, slots: after.slots ?? {} } : null;
  if (turn.inRoom) {
    turn.say(`${reason}请私聊我回复“绑定手机”。`);
    return;
  }
  ask(turn, FLOW, 'phone', 'phone', `${reason}${ASK_PHONE}`);
}

async function sendCode(turn: Turn, phone: string): Promise<void> {
  try {
    await turn.api.requestSmsCode(phone);
  } catch (err) {
    turn.say(replyForError(err));
    if (isGatewayError(err) && err.code === 'identity.phone_invalid') ask(turn, FLOW, 'phone', 'phone', ASK_PHONE);
    return;
  }
  turn.state.data = { phone: turn.sealer.seal(phone), attempts: 0 };
  ask(turn, FLOW, 'code', 'code', `验证码已发送到${maskPhone(phone)}，5分钟内有效，请回复6位验证码。`);
}

export function bindingDialogue(config: Partial<BindingConfig> = {}): Dialogue {
  const cfg = { ...BINDING_DEFAULTS, ...config };
  return {
    name: FLOW,
    intents: ['binding.bind', 'binding.unbind', 'binding.resend'],
    async start(turn) {
      const intent = turn.match.intent;
      if (intent === 'binding.resend') {
        const phone = turn.state.flow === FLOW ? turn.sealer.open(turn.state.data.phone) : undefined;
        if (phone) return sendCode(turn, phone);
      }
      let me;
      try {
        me = await turn.api.botMe();
      } catch (err) {
        return turn.say(replyForError(err));
      }
      if (intent === 'binding.unbind') {
        if (!me.bound) return turn.say('您还没有绑定手机号。');
        endFlow(turn.state);
        return ask(turn, FLOW, 'unbind', 'confirm', `确认解除与手机${me.user?.phone ?? ''}的绑定吗？回复“确认”或“取消”。`);
      }
      const phone = turn.match.slots.phone as string | undefined;
      endFlow(turn.state);
      if (phone) return sendCode(turn, phone);
      if (me.bound) return ask(turn, FLOW, 'phone', 'phone', `您已绑定手机${me.user?.phone ?? ''}。如需更换，请回复新的手机号；不用更换请回复“取消”。`);
      ask(turn, FLOW, 'phone', 'phone', ASK_PHONE);
    },
    async continue(turn) {
      const { step } = turn.state;
      const { intent, slots } = turn.match;
      if (step === 'phone') {
        if (intent === 'answer') return sendCode(turn, String(slots.phone));
        return turn.say('没认出手机号，请回复11位手机号，或回复“取消”。');
      }
      if (step === 'code') {
        const newPhone = intent !== 'answer' ? findPhone(turn.text) : undefined;
        if (newPhone) return sendCode(turn, newPhone);
        if (intent !== 'answer') return turn.say('请回复短信里的6位验证码；没收到可回复“重新发送”，或回复“取消”。');
        const phone = turn.sealer.open(turn.state.data.phone);
        if (!phone) {
          endFlow(turn.state);
          return ask(turn, FLOW, 'phone', 'phone', `验证已过期，${ASK_PHONE}`);
        }
        try {
          await turn.api.bind(phone, String(slots.code));
        } catch (err) {
          turn.state.data.attempts = Number(turn.state.data.attempts ?? 0) + 1;
          turn.say(replyForError(err));
          if (isGatewayError(err) && err.code === 'identity.code_exhausted') endFlow(turn.state);
          else if (turn.state.data.attempts >= cfg.maxCodeAttempts) {
            endFlow(turn.state);
            turn.say('请回复“绑定手机”重新获取验证码。');
          }
          return;
        }
        endFlow(turn.state);
        const after = turn.state.after;
        turn.state.after = null;
        turn.say(`绑定成功，手机号${maskPhone(phone)}。之后可以直接查询您的办件、预约和投诉。`);
        if (after) await turn.run(after.intent as Intent, after.slots);
        return;
      }
      if (step === 'unbind') {
        if (intent !== 'answer') return turn.say('请回复“确认”解除绑定，或回复“取消”。');
        endFlow(turn.state);
        if (!slots.yes) return turn.say('好的，绑定保持不变。');
        try {
          await turn.api.unbind();
          turn.say('已解除绑定。需要时回复“绑定手机”可重新绑定。');
        } catch (err) {
          turn.say(replyForError(err));
        }
      }
    },
  };
}
