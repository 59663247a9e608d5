/**
 * Conversation state in MongoDB (the bot's own connection): loaded at each message, saved after the
 * reply, forgotten after a quiet period (TTL index, and checked on read so expiry is exact). A bot
 * restarted on the same database carries on with every open dialogue.
 */
import type { Connection } from 'mongoose';
import { botAttachmentModel } from '../models/bot-attachment';
import { botConversationModel } from '../models/bot-conversation';
import type { Expect } from './intents/match';
import { maskNumbers } from './intents/normalize';

export interface Choice {
  kind: string;
  value: string;
  label: string;
}

export interface ConversationState {
  key: string;
  flow: string | null;
  step: string | null;
  expect: Expect | null;
  data: Record<string, any>;
  guide: { code: string; name: string } | null;
  choices: Choice[];
  after: { intent: string; slots: Record<string, unknown> } | null;
  recent: Array<{ at: Date; text: string }>;
}

const RECENT = 8;

export function emptyState(key: string): ConversationState {
  return { key, flow: null, step: null, expect: null, data: {}, guide: null, choices: [], after: null, recent: [] };
}

/** Leaves the current dialogue (the guide in focus stays for follow-ups). */
export function endFlow(state: ConversationState): void {
  state.flow = null;
  state.step = null;
  state.expect = null;
  state.data = {};
  state.choices = [];
}

export class ConversationStore {
  constructor(
    private readonly connection: Connection,
    private readonly ttlMs: number,
    /** Resolves once the bot's collections exist (a turn starts with load, which waits for it). */
    private readonly prepared: () => Promise<void>,
  ) {}

  private get Conversations() {
    return botConversationModel(this.connection);
  }

  private get Attachments() {
    return botAttachmentModel(this.connection);
  }

  async load(key: string): Promise<ConversationState> {
    await this.prepared();
    const doc = await this.Conversations.findById(key).lean();
    if (!doc || doc.expiresAt.getTime() <= Date.now()) {
      if (doc) await this.forget(key);
      return emptyState(key);
    }
    return {
      key,
      flow: doc.flow ?? null,
      step: doc.step ?? null,
      expect: (doc.expect as Expect | null) ?? null,
      data: (doc.data as Record<string, any>) ?? {},
      guide: doc.guide?.code ? { code: doc.guide.code, name: doc.guide.name ?? '' } : null,
      choices: (doc.choices ?? []).map((c) => ({ kind: c.kind ?? '', value: c.value ?? '', label: c.label ?? '' })),
      after: doc.after?.intent ? { intent: doc.after.intent, slots: (doc.after.slots as Record<string, unknown>) ?? {} } : null,
      recent: (doc.recent ?? []).map((r) => ({ at: r.at ?? new Date(), text: r.text ?? '' })),
    };
  }

  async save(state: ConversationState): Promise<void> {
    const { key, ...fields } = state;
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await this.Conversations.updateOne({ _id: key }, { $set: { ...fields, recent: fields.recent.slice(-RECENT), expiresAt } }, { upsert: true });
    // Photos of a draft live as long as its conversation.
    if (state.data.photos) await this.Attachments.updateMany({ conversation: key }, { $set: { expiresAt } });
  }

  async forget(key: string): Promise<void> {
    await Promise.all([this.Conversations.deleteOne({ _id: key }), this.Attachments.deleteMany({ conversation: key })]);
  }

  /** Remembers what the resident said (numbers masked) for a hand-over to staff. */
  static remember(state: ConversationState, text: string): void {
    state.recent.push({ at: new Date(), text: maskNumbers(text).slice(0, 200) });
    if (state.recent.length > RECENT) state.recent.splice(0, state.recent.length - RECENT);
  }

  async addAttachment(key: string, file: { name: string; mime: string; data: Buffer }): Promise<number> {
    await this.Attachments.create({ conversation: key, ...file, expiresAt: new Date(Date.now() + this.ttlMs) });
    return this.Attachments.countDocuments({ conversation: key });
  }

  async attachments(key: string): Promise<Array<{ name: string; mime: string; data: Buffer }>> {
    const docs = await this.Attachments.find({ conversation: key }).sort({ createdAt: 1 }).lean();
    // Lean documents hold BSON Binary values, not Buffers.
    const bytes = (v: unknown) => (Buffer.isBuffer(v) ? v : Buffer.from((v as { buffer: Uint8Array }).buffer));
    return docs.map((d) => ({ name: d.name, mime: d.mime, data: bytes(d.data) }));
  }

  async clearAttachments(key: string): Promise<void> {
    await this.Attachments.deleteMany({ conversation: key });
  }
}
