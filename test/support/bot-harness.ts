/**
 * Drives the real bot (createBot) through wechaty-puppet-mock: residents are mock contacts who send
 * messages to the bot or into groups and read what it answers. Every wait is bounded. A harness can
 * be stopped and a new one started on the same bot database with the same contact ids (a restart).
 */
import { FileBox } from 'file-box';
import type { Wechaty } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { botRuntime, createBot, stopBot, type CreateBotOptions } from '../../bot';
import { createBotLogger } from '../../bot/logger';

type ContactMock = ReturnType<mock.Mocker['createContact']>;
type RoomMock = ReturnType<mock.Mocker['createRoom']>;
type MessageMock = { payload: { talkerId: string; roomId?: string; listenerId?: string; text?: string } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const BOT_USER = { id: 'onewindow-bot-user', name: '政务小助手' };

/** Waits until `read()` has grown past `from`, then until nothing more arrives for `quietMs`. */
async function collect(read: () => string[], from: number, timeoutMs: number, quietMs: number, what: string): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (read().length <= from) {
    if (Date.now() > deadline) throw new Error(`no reply from the bot within ${timeoutMs} ms (${what})`);
    await sleep(25);
  }
  let seen = read().length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs && Date.now() < deadline) {
    await sleep(25);
    if (read().length !== seen) {
      seen = read().length;
      quietSince = Date.now();
    }
  }
  return read().slice(from).join('\n---\n');
}

export class ChatResident {
  /** What the bot said to this resident in private. */
  readonly received: string[] = [];

  constructor(
    readonly harness: BotHarness,
    readonly contact: ContactMock,
  ) {
    contact.on('message', (m: MessageMock) => {
      if (m.payload.talkerId === harness.botUser.id && !m.payload.roomId && m.payload.listenerId === contact.id) this.received.push(m.payload.text ?? '');
    });
  }

  get id(): string {
    return this.contact.id;
  }

  /** Sends a private message and returns the bot's replies (joined by ---). */
  async ask(text: string, options: { timeoutMs?: number; quietMs?: number } = {}): Promise<string> {
    const from = this.received.length;
    this.contact.say(text).to(this.harness.botUser);
    return collect(() => this.received, from, options.timeoutMs ?? 20_000, options.quietMs ?? 400, text);
  }

  /** Sends a photo in private and returns the replies. */
  async sendPhoto(name = 'photo.png'): Promise<string> {
    const from = this.received.length;
    // A 1×1 PNG.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    // The mock puppet stores files as JSON, which base64 file boxes support.
    this.contact.say(FileBox.fromBase64(png, name)).to(this.harness.botUser);
    return collect(() => this.received, from, 20_000, 400, `photo ${name}`);
  }

  /** Sends a message and expects no reply within `waitMs`. */
  async sayUnanswered(text: string, waitMs = 1500): Promise<void> {
    const from = this.received.length;
    this.contact.say(text).to(this.harness.botUser);
    await sleep(waitMs);
    if (this.received.length > from) throw new Error(`the bot answered "${text}": ${this.received.slice(from).join(' | ')}`);
  }
}

export class ChatRoom {
  /** What the bot said in the room, and when. */
  readonly received: string[] = [];
  readonly receivedAt: number[] = [];

  constructor(
    readonly harness: BotHarness,
    readonly room: RoomMock,
  ) {
    room.on('message', (m: MessageMock) => {
      if (m.payload.talkerId !== harness.botUser.id) return;
      this.received.push(m.payload.text ?? '');
      this.receivedAt.push(Date.now());
    });
  }

  /** A member says something in the group, mentioning the bot when `mention` is true. */
  async say(member: ChatResident, text: string, options: { mention?: boolean; expectReply?: boolean; waitMs?: number } = {}): Promise<string | undefined> {
    const from = this.received.length;
    const mention = options.mention ?? true;
    const body = mention ? `@${this.harness.botUser.payload.name}\u2005${text}` : text;
    member.contact.say(body, mention ? [this.harness.botUser] : []).to(this.room);
    if (options.expectReply === false) {
      await sleep(options.waitMs ?? 1500);
      if (this.received.length > from) throw new Error(`the bot answered in the group: ${this.received.slice(from).join(' | ')}`);
      return undefined;
    }
    return collect(() => this.received, from, 20_000, 400, text);
  }

  /** Waits for the bot to post something in the room (a broadcast). */
  async waitForPost(from: number, timeoutMs = 20_000): Promise<string> {
    return collect(() => this.received, from, timeoutMs, 300, 'a post in the room');
  }
}

export interface HarnessOptions extends Omit<CreateBotOptions, 'puppet' | 'mongoUri'> {
  mongoUri: string;
}

export class BotHarness {
  readonly mocker = new mock.Mocker();
  readonly puppet = new PuppetMock({ mocker: this.mocker });
  readonly bot: Wechaty;
  readonly botUser: ContactMock;
  /** Messages the bot sent to itself (it must never answer its own messages). */
  readonly selfTalk: string[] = [];

  private constructor(options: HarnessOptions) {
    this.bot = createBot({
      sendGapMs: 0,
      broadcastGapMs: 0,
      logger: createBotLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
      ...options,
      puppet: this.puppet,
    });
    this.botUser = this.mocker.createContact({ id: BOT_USER.id, name: BOT_USER.name });
    this.botUser.on('message', (m: MessageMock) => {
      if (m.payload.talkerId === BOT_USER.id && m.payload.listenerId === BOT_USER.id) this.selfTalk.push(m.payload.text ?? '');
    });
  }

  /** Starts the bot on the mock puppet and logs it in. */
  static async start(options: HarnessOptions): Promise<BotHarness> {
    const h = new BotHarness(options);
    await h.bot.start();
    await h.login();
    return h;
  }

  async login(): Promise<void> {
    this.mocker.login(this.botUser);
    const deadline = Date.now() + 10_000;
    while (!this.bot.isLoggedIn) {
      if (Date.now() > deadline) throw new Error('the bot did not log in');
      await sleep(20);
    }
  }

  /** A resident (mock contact); the same id after a restart is the same chat user. */
  resident(name: string, id?: string): ChatResident {
    return new ChatResident(this, this.mocker.createContact({ name, ...(id ? { id } : {}) }));
  }

  /** A group with the bot and the given members; its id ends in @chatroom as real room ids do. */
  room(topic: string, members: ChatResident[], id?: string): ChatRoom {
    const room = this.mocker.createRoom({ id: id ?? `${topic.replace(/\W/g, '') || 'room'}${Date.now().toString(36)}@chatroom`, topic, memberIdList: [this.botUser.id, ...members.map((m) => m.id)] });
    return new ChatRoom(this, room);
  }

  get runtime() {
    return botRuntime(this.bot);
  }

  async stop(): Promise<void> {
    await stopBot(this.bot);
  }
}

/** The gateway side of a bot test: a real gateway with BOT_TOKEN, demo data and the SMS fake. */
export const TEST_BOT_TOKEN = 'test-bot-token-0123456789abcdef';
