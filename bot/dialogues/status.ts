/**
 * Application status ("查一下 BJ250101-XXXXXXXX"): a bound resident sees their own applications at
 * once; anyone else proves the application is theirs with the last four digits of its phone (the
 * gateway's public status query). Without a number, a bound resident gets their recent applications.
 */
import { endFlow } from '../conversation-store';
import { isGatewayError, replyForError, type ApplicationStatus } from '../gateway-client';
import { findApplicationNumber } from '../intents/slots';
import { ask, type Dialogue, type Turn } from './types';

export interface StatusConfig {
  /** Applications listed for "我的办件". */
  listSize: number;
  /** Wrong last-four answers before the dialogue stops asking. */
  maxLast4Attempts: number;
}

export const STATUS_DEFAULTS: StatusConfig = { listSize: 5, maxLast4Attempts: 3 };

const FLOW = 'status';
const ASK_NUMBER = '请发送办件编号（受理回执或短信里以BJ开头的编号）。';

export function statusText(a: ApplicationStatus): string {
  const lines = [`【${a.guideName}】${a.number}`, `当前状态：${a.stateName}${a.paused ? '（暂停计时）' : ''}`];
  if (a.completedOn) lines.push(`办结日期：${a.completedOn}`);
  else if (a.promisedDate) lines.push(`承诺办结日期：${a.promisedDate}`);
  const last = a.timeline[a.timeline.length - 1];
  if (last) lines.push(`最近进展：${String(last.at).slice(5, 10)} ${last.actionName}`);
  if (a.result?.pickup) lines.push(`领取方式：${a.result.pickup}`);
  return lines.join('\n');
}

function askLast4(turn: Turn, number: string): void {
  turn.state.data = { number, attempts: 0 };
  ask(turn, FLOW, 'last4', 'last4', '为保护您的信息，请回复申请时所留手机号的后四位。');
}

async function lookUp(turn: Turn, number: string): Promise<void> {
  try {
    turn.say(statusText(await turn.api.myApplication(number)));
    endFlow(turn.state);
  } catch (err) {
    // Not bound, or not this resident's own application (a relative's): prove it with the phone.
    if (isGatewayError(err) && (err.code === 'auth.binding_required' || err.code === 'application.not_found')) return askLast4(turn, number);
    turn.say(replyForError(err));
  }
}

async function listMine(turn: Turn, cfg: StatusConfig): Promise<void> {
  try {
    const { items } = await turn.api.myApplications();
    if (!items.length) return turn.say(`您名下还没有办件。查询他人代办的办件，${ASK_NUMBER}`);
    const lines = items.slice(0, cfg.listSize).map((a, i) => `${i + 1}. ${a.guideName} ${a.number}：${a.stateName}`);
    turn.say(`您最近的办件：\n${lines.join('\n')}\n发送编号可查看详情。`);
  } catch (err) {
    if (isGatewayError(err) && err.code === 'auth.binding_required') return ask(turn, FLOW, 'number', 'text', ASK_NUMBER);
    turn.say(replyForError(err));
  }
}

export function statusDialogue(config: Partial<StatusConfig> = {}): Dialogue {
  const cfg = { ...STATUS_DEFAULTS, ...config };
  return {
    name: FLOW,
    intents: ['status.query'],
    async start(turn) {
      const number = turn.match.slots.number as string | undefined;
      if (number) return lookUp(turn, number);
      return listMine(turn, cfg);
    },
    async continue(turn) {
      const { step, data } = turn.state;
      if (step === 'number') {
        const number = findApplicationNumber(turn.text);
        if (!number) return turn.say('没认出办件编号，请核对后重发（如 BJ250101-ABCDEFGH），或回复“取消”。');
        return lookUp(turn, number);
      }
      if (step === 'last4') {
        if (turn.match.intent !== 'answer') return turn.say('请回复手机号后四位（4位数字），或回复“取消”。');
        try {
          const status = await turn.api.publicStatus(String(data.number), String(turn.match.slots.last4));
          endFlow(turn.state);
          return turn.say(statusText(status));
        } catch (err) {
          turn.say(replyForError(err));
          const attempts = Number(data.attempts ?? 0) + 1;
          if (!isGatewayError(err) || err.code !== 'application.not_found' || attempts >= cfg.maxLast4Attempts) return endFlow(turn.state);
          turn.state.data.attempts = attempts;
        }
      }
    },
  };
}
