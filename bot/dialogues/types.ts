/**
 * What every dialogue (one per feature) works with. A dialogue is a plugin: a factory taking its
 * documented config, returning the intents it starts on, `start` for those intents and `continue`
 * for the answers to the questions it asked (the conversation's `flow` names the dialogue waiting).
 */
import type { ChatUserApi } from '../gateway-client';
import type { ConversationState, ConversationStore } from '../conversation-store';
import type { IntentMatch } from '../intents/match';
import type { Intent } from '../intents/table';
import type { Sealer } from '../sealed';

export interface IncomingPhoto {
  name: string;
  mime: string;
  data: Buffer;
}

export interface Turn {
  /** The message text (normalized; in a group without the @mention). */
  text: string;
  match: IntentMatch;
  /** The conversation, changed in place and saved after the turn. */
  state: ConversationState;
  /** The gateway as this chat user. */
  api: ChatUserApi;
  store: ConversationStore;
  /** Seals personal values kept in the conversation between messages. */
  sealer: Sealer;
  inRoom: boolean;
  /** A photo the resident sent (only while a dialogue waits for photos). */
  photo?: IncomingPhoto;
  /** Queues a reply (sent in order after the turn). */
  say(text: string): void;
  /** Runs another intent within this turn (e.g. resuming after binding a phone). */
  run(intent: Intent, slots?: Record<string, unknown>): Promise<void>;
}

export interface Dialogue {
  /** Also the `flow` value while this dialogue waits for an answer. */
  name: string;
  intents: Intent[];
  /** The intents it may answer in group chats (public information only); the rest only in private. */
  publicIntents?: Intent[];
  start(turn: Turn): Promise<void>;
  /** An answer, a photo, or a message that fits no intent, while this dialogue waits. */
  continue?(turn: Turn): Promise<void>;
}

/** Sets what the conversation waits for next. */
export function ask(turn: Turn, flow: string, step: string, expect: ConversationState['expect'], question: string): void {
  turn.state.flow = flow;
  turn.state.step = step;
  turn.state.expect = expect;
  turn.say(question);
}
