/**
 * Routes a matched message to a dialogue: an answer goes to the dialogue waiting for it; a new
 * intent leaves the current dialogue (except help) and starts its own; `unknown` goes to the waiting
 * dialogue (it asks again) or to the guide search. In group chats only public intents are answered.
 */
import { endFlow } from '../conversation-store';
import type { Intent } from '../intents/table';
import type { guidesDialogue } from './guides';
import type { Dialogue, Turn } from './types';

const PRIVATE_ONLY = '这项服务涉及个人信息，请加我为好友后私聊办理。';

export class DialogueRouter {
  private readonly byIntent = new Map<Intent, Dialogue>();
  private readonly byName = new Map<string, Dialogue>();

  constructor(
    dialogues: Dialogue[],
    private readonly guides: ReturnType<typeof guidesDialogue>,
  ) {
    for (const d of dialogues) {
      this.byName.set(d.name, d);
      for (const intent of d.intents) {
        if (this.byIntent.has(intent)) throw new Error(`intent ${intent} has two dialogues`);
        this.byIntent.set(intent, d);
      }
    }
  }

  async route(turn: Turn): Promise<void> {
    const { intent } = turn.match;
    const { state } = turn;
    const waiting = state.flow ? this.byName.get(state.flow) : undefined;

    if (intent === 'cancel') {
      const wasBusy = Boolean(state.flow);
      endFlow(state);
      state.after = null;
      await turn.store.clearAttachments(state.key);
      return turn.say(wasBusy ? '好的，已结束当前操作。还有什么可以帮您？' : '好的。有需要随时找我，回复“帮助”查看我能做什么。');
    }
    if ((intent === 'answer' || (intent === 'unknown' && !turn.photo)) && waiting?.continue) return waiting.continue(turn);
    if (turn.photo) {
      if (waiting?.continue && state.expect === 'photo') return waiting.continue(turn);
      return turn.inRoom ? undefined : turn.say('照片请在投诉或建议时发送。回复“帮助”查看我能做什么。');
    }
    if (intent === 'unknown' || intent === 'answer') return this.guides.fallback(turn);

    const dialogue = this.byIntent.get(intent);
    if (!dialogue) return this.guides.fallback(turn);
    if (turn.inRoom && !dialogue.publicIntents?.includes(intent)) return turn.say(PRIVATE_ONLY);
    if (state.flow && state.flow !== dialogue.name && intent !== 'help') {
      endFlow(state);
      state.after = null;
    }
    return dialogue.start(turn);
  }
}
