/**
 * One incoming message, end to end: ignore what is not for the bot (its own messages, backlog after
 * a re-login, official accounts, group messages without an @mention), rate-limit the contact, load
 * the conversation, match the intent, run the dialogue, save the state, send the replies (paced).
 * Messages of one conversation are handled one after another.
 */
import type { Logger } from 'pino';
import { types, type Message } from 'wechaty';
import { ConversationStore } from './conversation-store';
import type { DialogueRouter } from './dialogues/router';
import type { IncomingPhoto, Turn } from './dialogues/types';
import type { GatewayClient } from './gateway-client';
import { matchIntent } from './intents/match';
import { normalizeText } from './intents/normalize';
import type { Intent } from './intents/table';
import type { ContactRateLimiter, SendPacer } from './safety';
import type { Sealer } from './sealed';

export interface MessageHandlerDeps {
  client: GatewayClient;
  store: ConversationStore;
  router: DialogueRouter;
  sealer: Sealer;
  limiter: ContactRateLimiter;
  pacer: SendPacer;
  log: Logger;
}

/** Messages older than this (replayed after a re-login) are not answered. */
const MAX_AGE_SECONDS = 180;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const SLOW_DOWN = '您发送得太快了，请稍等一会儿再试。';
const TEXT_ONLY = '我暂时只能看懂文字，请打字告诉我。回复“帮助”查看我能做什么。';
const BUSY = '系统繁忙，请稍后再试。';

export function createMessageHandler(deps: MessageHandlerDeps): (msg: Message) => Promise<void> {
  const { store, router, limiter, pacer, log } = deps;
  const chains = new Map<string, Promise<void>>();

  /** Runs work after the conversation's previous message is done. */
  function inOrder(key: string, work: () => Promise<void>): Promise<void> {
    const next = (chains.get(key) ?? Promise.resolve()).then(work, work);
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
    return next;
  }

  return async function handleMessage(msg: Message): Promise<void> {
    if (msg.self()) return;
    if (msg.age() > MAX_AGE_SECONDS) return;
    const talker = msg.talker();
    if (talker.type() !== types.Contact.Individual) return;
    const room = msg.room();
    const type = msg.type();
    let text = '';
    if (room) {
      if (type !== types.Message.Text || !(await msg.mentionSelf())) return;
      text = normalizeText(await msg.mentionText());
    } else if (type === types.Message.Text) {
      text = normalizeText(msg.text());
    } else if (type !== types.Message.Image) {
      if (limiter.check(talker.id) !== 'ok') return;
      void pacer.send('text-only', () => msg.say(TEXT_ONLY));
      return;
    }

    const decision = limiter.check(talker.id);
    if (decision === 'drop') return;
    const reply = (line: string) => pacer.send('reply', () => (room ? room.say(line, talker) : msg.say(line)));
    if (decision === 'warn') {
      log.warn({ contact: talker.id }, 'contact rate-limited');
      void reply(SLOW_DOWN);
      return;
    }

    const key = room ? `room:${room.id}:${talker.id}` : `dm:${talker.id}`;
    await inOrder(key, async () => {
      const replies: string[] = [];
      try {
        let photo: IncomingPhoto | undefined;
        if (type === types.Message.Image) {
          const file = await msg.toFileBox();
          const data = await file.toBuffer();
          if (data.length > MAX_PHOTO_BYTES) {
            replies.push('照片太大了（不超过5MB），请压缩后重发。');
            return;
          }
          photo = { name: file.name || 'photo.jpg', mime: file.mediaType && file.mediaType !== 'application/octet-stream' ? file.mediaType : 'image/jpeg', data };
        }
        const state = await store.load(key);
        if (text) ConversationStore.remember(state, text);
        const turn: Turn = {
          text,
          match: photo ? { intent: 'unknown', slots: {} } : matchIntent(text, { expect: state.expect }),
          state,
          api: deps.client.as(talker.id),
          store,
          sealer: deps.sealer,
          inRoom: Boolean(room),
          photo,
          say: (line) => void replies.push(line),
          run: async (intent: Intent, slots = {}) => {
            turn.match = { intent, slots: slots as Turn['match']['slots'] };
            turn.photo = undefined;
            await router.route(turn);
          },
        };
        const intent = turn.match.intent;
        await router.route(turn);
        await store.save(state);
        log.info({ conversation: key, intent, flow: state.flow, step: state.step }, 'message handled');
      } catch (err) {
        log.error({ conversation: key, err: (err as Error)?.message }, 'message failed');
        replies.length = 0;
        replies.push(BUSY);
      } finally {
        for (const line of replies) void reply(line);
      }
    });
  };
}
