/**
 * Policy notices to group chats: polls the gateway's public notice list, records one broadcast per
 * new notice and configured room in MongoDB (written before sending, so a restart neither re-sends
 * nor forgets), and posts them one at a time, `gapMs` apart, only while logged in. Notices published
 * before the bot first started are not sent (no backlog burst on a fresh install).
 */
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Wechaty } from 'wechaty';
import { botBroadcastModels } from '../models/bot-broadcast';
import type { ChatUserApi, Notice } from './gateway-client';
import type { SendPacer } from './safety';

export interface BroadcastConfig {
  /** Room topics or room ids (ids contain "@"). */
  rooms: string[];
  pollMs: number;
  gapMs: number;
  /** Attempts per room before a broadcast is marked failed. */
  maxAttempts: number;
}

const CURSOR = 'notices';
const PAGE = 20;

export function broadcastText(n: Notice): string {
  const excerpt = (n.excerpt ?? '').replace(/\s+/g, ' ').trim();
  const short = excerpt.length > 60 ? `${excerpt.slice(0, 60)}…` : excerpt;
  return [`【政策通知】${n.title}`, short, '详情请在小程序“政策通知”查看，或私聊我“最新政策”。'].filter(Boolean).join('\n');
}

export class NoticeBroadcaster {
  private timer?: NodeJS.Timeout;
  private running = false;
  private busy?: Promise<void>;
  private lastSentAt = 0;

  constructor(
    private readonly bot: Wechaty,
    private readonly api: ChatUserApi,
    private readonly connection: Connection,
    private readonly pacer: SendPacer,
    private readonly config: BroadcastConfig,
    private readonly log: Logger,
    /** Notices published before this instant count as seen on a fresh install. */
    private readonly since: Date,
  ) {}

  private get models() {
    return botBroadcastModels(this.connection);
  }

  start(): void {
    if (this.running || !this.config.rooms.length) return;
    this.running = true;
    this.tick(0);
  }

  private tick(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.busy = this.round().finally(() => this.tick(this.config.pollMs));
    }, delay);
    this.timer.unref?.();
  }

  /** One poll and the deliveries that are due. */
  async round(): Promise<void> {
    try {
      await this.poll();
      await this.deliverDue();
    } catch (err) {
      this.log.error({ err: (err as Error)?.message }, 'notice broadcast round failed');
    }
  }

  /** Records broadcasts for notices published since the cursor. */
  async poll(): Promise<number> {
    const { Broadcast, Cursor } = this.models;
    const cursor = (await Cursor.findById(CURSOR).lean()) ?? (await Cursor.findOneAndUpdate({ _id: CURSOR }, { $setOnInsert: { seenUntil: this.since } }, { upsert: true, returnDocument: 'after' }).lean());
    const seenUntil = cursor!.seenUntil.getTime();
    const { items } = await this.api.notices(1, PAGE);
    const fresh = items.filter((n) => new Date(n.publishedAt).getTime() > seenUntil).reverse();
    if (!fresh.length) return 0;
    for (const n of fresh) {
      for (const room of this.config.rooms) {
        await Broadcast.updateOne(
          { _id: `${n.id}:${room}` },
          { $setOnInsert: { noticeId: n.id, room, text: broadcastText(n), status: 'pending', attempts: 0, dueAt: new Date() } },
          { upsert: true },
        );
      }
    }
    const newest = new Date(Math.max(...fresh.map((n) => new Date(n.publishedAt).getTime())));
    await Cursor.updateOne({ _id: CURSOR, seenUntil: { $lt: newest } }, { $set: { seenUntil: newest } });
    return fresh.length;
  }

  private async findRoom(room: string) {
    return room.includes('@') ? ((await this.bot.Room.find({ id: room })) ?? undefined) : ((await this.bot.Room.find({ topic: room })) ?? undefined);
  }

  /** Sends due broadcasts one by one, `gapMs` apart; stops when logged out. */
  async deliverDue(): Promise<number> {
    const { Broadcast } = this.models;
    let sent = 0;
    while (this.running && this.bot.isLoggedIn) {
      const wait = this.lastSentAt + this.config.gapMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const b = await Broadcast.findOneAndUpdate(
        { status: 'pending', dueAt: { $lte: new Date() } },
        { $set: { status: 'sending' }, $inc: { attempts: 1 } },
        { sort: { dueAt: 1 }, returnDocument: 'after' },
      ).lean();
      if (!b) break;
      const room = await this.findRoom(b.room);
      let ok = false;
      if (room) ok = await this.pacer.send(`broadcast ${b._id}`, () => room.say(b.text));
      this.lastSentAt = Date.now();
      if (ok) {
        sent++;
        await Broadcast.updateOne({ _id: b._id }, { $set: { status: 'sent', sentAt: new Date() } });
        continue;
      }
      const failed = !room || b.attempts >= this.config.maxAttempts;
      this.log.warn({ broadcast: b._id, reason: room ? 'send failed' : 'room not found' }, failed ? 'broadcast failed' : 'broadcast will be retried');
      await Broadcast.updateOne(
        { _id: b._id },
        { $set: failed ? { status: 'failed', lastError: room ? 'send_failed' : 'room_not_found' } : { status: 'pending', dueAt: new Date(Date.now() + 60_000 * b.attempts) } },
      );
    }
    return sent;
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.busy?.catch(() => undefined);
  }
}
