/**
 * "转人工": opens a consultation for staff (a complaint of type `consultation`) carrying the last few
 * things the resident said (numbers masked), so staff can call back without asking again. A chat
 * user who is not bound leaves a phone first.
 */
import { endFlow } from '../conversation-store';
import { replyForError } from '../gateway-client';
import { ask, type Dialogue, type Turn } from './types';

export interface HandoffConfig {
  /** The consultation's category code at the gateway. */
  category: string;
  /** Earlier messages included as context. */
  contextMessages: number;
}

export const HANDOFF_DEFAULTS: HandoffConfig = { category: 'other', contextMessages: 6 };

const FLOW = 'handoff';

function contextText(turn: Turn, count: number): string {
  // The last message is the request for a person itself.
  const earlier = turn.state.recent.slice(0, -1).slice(-count);
  const lines = earlier.length ? earlier.map((r) => `- ${r.text}`).join('\n') : '- （无）';
  const focus = turn.state.guide ? `\n正在了解的事项：${turn.state.guide.name}` : '';
  return `居民在聊天机器人中请求人工服务。${focus}\n最近的对话：\n${lines}`;
}

async function open(turn: Turn, cfg: HandoffConfig, phone?: string): Promise<void> {
  const content = String(turn.state.data.context ?? contextText(turn, cfg.contextMessages));
  try {
    const guideCode = turn.state.data.guideCode ?? turn.state.guide?.code;
    const filed = await turn.api.fileComplaint({
      type: 'consultation',
      category: cfg.category,
      content,
      ...(phone ? { phone } : {}),
      ...(guideCode ? { target: { guideCode } } : {}),
    });
    endFlow(turn.state);
    turn.say(`已为您转人工，编号：${filed.trackingNumber}。工作人员会在工作时间尽快联系您。`);
  } catch (err) {
    endFlow(turn.state);
    turn.say(`${replyForError(err)}\n也可以拨打政务服务中心电话咨询。`);
  }
}

export function handoffDialogue(config: Partial<HandoffConfig> = {}): Dialogue {
  const cfg = { ...HANDOFF_DEFAULTS, ...config };
  return {
    name: FLOW,
    intents: ['human'],
    async start(turn) {
      let bound: boolean;
      try {
        bound = (await turn.api.botMe()).bound;
      } catch (err) {
        return turn.say(replyForError(err));
      }
      if (bound) return open(turn, cfg);
      // Keep the context from before the question about the phone.
      turn.state.data = { context: contextText(turn, cfg.contextMessages), ...(turn.state.guide ? { guideCode: turn.state.guide.code } : {}) };
      ask(turn, FLOW, 'phone', 'phone', '好的，请留下联系电话，工作人员会尽快联系您（只用于本次咨询）。');
    },
    async continue(turn) {
      if (turn.match.intent !== 'answer') return turn.say('请回复11位手机号，或回复“取消”。');
      await open(turn, cfg, String(turn.match.slots.phone));
    },
  };
}
