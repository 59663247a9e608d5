/**
 * Policy notices: the latest ones (public), and subscribing or unsubscribing the SMS notices of
 * topics ("订阅社保通知", "退订"). Subscriptions belong to a resident with a phone, so an unbound
 * chat user binds first and the subscription then goes through.
 */
import { endFlow } from '../conversation-store';
import { isGatewayError, replyForError } from '../gateway-client';
import { startBinding } from './binding';
import { ask, type Dialogue, type Turn } from './types';

export interface NoticesConfig {
  /** Notices listed for "最新政策". */
  listSize: number;
}

export const NOTICES_DEFAULTS: NoticesConfig = { listSize: 3 };

const FLOW = 'notices';

async function topicNames(turn: Turn): Promise<Map<string, string>> {
  const { items } = await turn.api.topics();
  return new Map(items.map((t) => [t.code, t.name]));
}

async function save(turn: Turn, topics: string[], names: Map<string, string>, added: string[]): Promise<void> {
  const saved = await turn.api.setSubscriptions(topics);
  endFlow(turn.state);
  if (!saved.topics.length) return turn.say('已退订全部政策通知短信。需要时回复“订阅”可重新订阅。');
  const label = (codes: string[]) => codes.map((c) => names.get(c) ?? c).join('、');
  const lead = added.length ? `已订阅：${label(added)}。` : '已更新订阅。';
  turn.say(`${lead}\n当前订阅：${label(saved.topics)}。有新通知会短信告诉您，回复“退订”可取消。`);
}

/** Runs a subscription change; an unbound chat user is taken through binding first. */
async function withSubscriptions(turn: Turn, intent: 'notice.subscribe' | 'notice.unsubscribe', work: (current: string[]) => Promise<void>): Promise<void> {
  let current: string[];
  try {
    current = (await turn.api.subscriptions()).topics;
  } catch (err) {
    if (isGatewayError(err) && err.code === 'auth.binding_required') {
      if (intent === 'notice.unsubscribe') return turn.say('您还没有订阅政策通知。');
      return startBinding(turn, '订阅短信通知需要先绑定手机号。', { intent, slots: turn.match.slots });
    }
    return turn.say(replyForError(err));
  }
  try {
    await work(current);
  } catch (err) {
    turn.say(replyForError(err));
  }
}

export function noticesDialogue(config: Partial<NoticesConfig> = {}): Dialogue {
  const cfg = { ...NOTICES_DEFAULTS, ...config };
  return {
    name: FLOW,
    intents: ['notice.list', 'notice.subscribe', 'notice.unsubscribe'],
    publicIntents: ['notice.list'],
    async start(turn) {
      const intent = turn.match.intent;
      const topics = (turn.match.slots.topics as string[] | undefined) ?? [];
      if (intent === 'notice.list') {
        try {
          const { items } = await turn.api.notices(1, cfg.listSize);
          if (!items.length) return turn.say('最近没有新的政策通知。');
          const lines = items.map((n, i) => `${i + 1}. ${n.title}（${String(n.publishedAt).slice(5, 10)}）`);
          return turn.say(`最新政策通知：\n${lines.join('\n')}\n详情请在小程序“政策通知”查看。${turn.inRoom ? '' : '订阅短信提醒请回复“订阅”。'}`);
        } catch (err) {
          return turn.say(replyForError(err));
        }
      }
      if (intent === 'notice.unsubscribe') {
        return withSubscriptions(turn, intent, async (current) => {
          if (!current.length) return turn.say('您目前没有订阅政策通知。');
          const names = await topicNames(turn);
          await save(turn, topics.length ? current.filter((t) => !topics.includes(t)) : [], names, []);
        });
      }
      return withSubscriptions(turn, 'notice.subscribe', async (current) => {
        const names = await topicNames(turn);
        if (topics.length) return save(turn, [...new Set([...current, ...topics])], names, topics.filter((t) => !current.includes(t)));
        turn.state.choices = [...names].map(([code, name]) => ({ kind: 'topic', value: code, label: name }));
        const lines = turn.state.choices.map((c, i) => `${i + 1}. ${c.label}${current.includes(c.value) ? '（已订阅）' : ''}`);
        ask(turn, FLOW, 'topics', 'choices', `可订阅的政策通知：\n${lines.join('\n')}\n回复序号，可多选，如“1 3”。`);
      });
    },
    async continue(turn) {
      if (turn.state.step !== 'topics') return;
      if (turn.match.intent !== 'answer') return turn.say('请回复序号，如“1 3”，或回复“取消”。');
      const choices = turn.state.choices;
      const picked = (turn.match.slots.indexes as number[]).map((i) => choices[i - 1]).filter(Boolean);
      if (!picked.length) return turn.say(`请回复1到${choices.length}的序号。`);
      const codes = picked.map((c) => c.value);
      await withSubscriptions(turn, 'notice.subscribe', async (current) => {
        await save(turn, [...new Set([...current, ...codes])], new Map(choices.map((c) => [c.value, c.label])), codes.filter((c) => !current.includes(c)));
      });
    },
  };
}
