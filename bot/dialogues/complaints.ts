/**
 * Complaints and suggestions as a conversation: type → category (complaints; the gateway's list) →
 * content → optional photos → a contact phone (only when the chat user is not bound) → confirmation
 * → tracking number. Following one: "查投诉 <受理编号>" (own items at once; otherwise with the
 * phone's last four digits), or "我的投诉" for a bound resident.
 */
import { endFlow } from '../conversation-store';
import { isGatewayError, replyForError, type ComplaintType, type ComplaintView } from '../gateway-client';
import { maskNumbers } from '../intents/normalize';
import { findTrackingNumber } from '../intents/slots';
import { maskPhone } from '../sealed';
import { ask, type Dialogue, type Turn } from './types';

export interface ComplaintsConfig {
  /** Category of a suggestion (not asked: suggestions are rarely about a person or a fee). */
  suggestionCategory: string;
  /** …unless it is about the online services, which the gateway routes as system faults. */
  systemCategory: string;
  /** Shortest description accepted, in characters. */
  minContent: number;
  maxContent: number;
  maxPhotos: number;
  /** Complaints listed for "我的投诉". */
  listSize: number;
}

export const COMPLAINTS_DEFAULTS: ComplaintsConfig = {
  suggestionCategory: 'other',
  systemCategory: 'system_fault',
  minContent: 5,
  maxContent: 1000,
  maxPhotos: 3,
  listSize: 5,
};

const FLOW = 'complaint';
const TYPE_NAMES: Record<ComplaintType, string> = { complaint: '投诉', suggestion: '建议', consultation: '咨询' };
const TYPES: Array<'complaint' | 'suggestion'> = ['complaint', 'suggestion'];

function complaintText(c: ComplaintView): string {
  const lines = [`受理编号：${c.trackingNumber}`, `类型：${c.typeName}（${c.categoryName}）`, `状态：${c.statusName}`];
  const reply = c.replies?.[c.replies.length - 1]?.text;
  if (reply) lines.push(`答复：${reply.length > 200 ? `${reply.slice(0, 200)}…` : reply}`);
  else if (c.status !== 'closed') lines.push(`承诺答复日期：${c.answerBy}`);
  return lines.join('\n');
}

const ONLINE_WORDS = /系统|小程序|网上|网站|自助机|叫号|机器|打不开|卡顿|报错/;

export function complaintsDialogue(config: Partial<ComplaintsConfig> = {}): Dialogue {
  const cfg = { ...COMPLAINTS_DEFAULTS, ...config };

  /** Complaints pick a category from the gateway's list; suggestions get one from their words. */
  async function askCategory(turn: Turn): Promise<void> {
    if (turn.state.data.type === 'suggestion') return turn.state.data.content ? askPhotos(turn) : askContent(turn);
    let categories;
    try {
      ({ categories } = await turn.api.complaintCategories());
    } catch (err) {
      endFlow(turn.state);
      return turn.say(replyForError(err));
    }
    turn.state.choices = categories.map((c) => ({ kind: 'category', value: c.code, label: `${c.name}：${c.description}` }));
    ask(turn, FLOW, 'category', 'choice', `请选择投诉类别：\n${turn.state.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}\n回复序号。`);
  }

  function askContent(turn: Turn): void {
    const type = turn.state.data.type as ComplaintType;
    const hint = type === 'complaint' ? '时间、地点、窗口或人员、经过' : '您的想法和理由';
    ask(turn, FLOW, 'content', 'text', `请用一段话说明具体情况（${hint}）。`);
  }

  function askPhotos(turn: Turn): void {
    turn.state.data.photos = 0;
    ask(turn, FLOW, 'photos', 'photo', `有照片可以现在发送（最多${cfg.maxPhotos}张）；没有请回复“没有”。`);
  }

  async function askPhoneOrConfirm(turn: Turn): Promise<void> {
    if (turn.state.data.bound) return askConfirm(turn);
    ask(turn, FLOW, 'phone', 'phone', '请留下联系电话，便于工作人员回复您（只用于处理本事项）。');
  }

  function askConfirm(turn: Turn): void {
    const d = turn.state.data;
    const phone = turn.sealer.open(d.phone);
    const content = String(d.content);
    const lines = [
      `请确认${TYPE_NAMES[d.type as ComplaintType]}内容：`,
      ...(d.categoryName ? [`类别：${d.categoryName}`] : []),
      `内容：${content.length > 60 ? `${content.slice(0, 60)}…` : content}`,
      `照片：${d.photos ? `${d.photos}张` : '无'}`,
      phone ? `联系电话：${maskPhone(phone)}` : '联系电话：已绑定的手机号',
      '回复“确认”提交，回复“取消”放弃。',
    ];
    ask(turn, FLOW, 'confirm', 'confirm', lines.join('\n'));
  }

  async function submit(turn: Turn): Promise<void> {
    const d = turn.state.data;
    const phone = turn.sealer.open(d.phone);
    let filed: ComplaintView;
    try {
      const category = d.category ?? (ONLINE_WORDS.test(String(d.content)) ? cfg.systemCategory : cfg.suggestionCategory);
      filed = await turn.api.fileComplaint({ type: d.type, category, content: String(d.content), ...(phone ? { phone } : {}) });
    } catch (err) {
      turn.say(replyForError(err));
      if (!isGatewayError(err) || err.status >= 500 || err.status === 0 || err.status === 429) turn.say('您的内容还在，稍后回复“确认”可再次提交。');
      else endFlow(turn.state);
      return;
    }
    endFlow(turn.state);
    const photos = await turn.store.attachments(turn.state.key);
    let photoNote = '';
    if (photos.length) {
      try {
        await turn.api.uploadComplaintPhotos(filed.trackingNumber, photos, phone?.slice(-4));
      } catch {
        photoNote = '\n照片上传没有成功，工作人员联系您时可以补充。';
      }
      await turn.store.clearAttachments(turn.state.key);
    }
    turn.say(`已提交，受理编号：${filed.trackingNumber}\n工作人员会尽快处理并联系您。回复“查投诉 ${filed.trackingNumber}”可查看进度。${photoNote}`);
  }

  async function follow(turn: Turn, trackingNumber: string): Promise<void> {
    try {
      turn.say(complaintText(await turn.api.complaint(trackingNumber)));
      endFlow(turn.state);
    } catch (err) {
      if (isGatewayError(err) && [400, 401, 403, 404].includes(err.status) && err.code !== 'route.not_found') {
        turn.state.data = { trackingNumber };
        return ask(turn, FLOW, 'follow-last4', 'last4', '为保护您的信息，请回复提交时所留手机号的后四位。');
      }
      turn.say(replyForError(err));
    }
  }

  return {
    name: FLOW,
    intents: ['complaint.file', 'complaint.follow'],
    async start(turn) {
      if (turn.match.intent === 'complaint.follow') {
        const tn = turn.match.slots.trackingNumber as string | undefined;
        if (tn) return follow(turn, tn);
        try {
          const { items } = await turn.api.myComplaints();
          if (!items.length) return turn.say('您还没有提交过投诉或建议。');
          const lines = items.slice(0, cfg.listSize).map((c, i) => `${i + 1}. ${c.typeName} ${c.trackingNumber}：${c.statusName}`);
          return turn.say(`您的投诉和建议：\n${lines.join('\n')}\n发送“查投诉 编号”查看详情。`);
        } catch (err) {
          if (isGatewayError(err) && err.code === 'auth.binding_required') return ask(turn, FLOW, 'follow-number', 'text', '请发送受理编号（提交成功时告诉您的编号）。');
          return turn.say(replyForError(err));
        }
      }
      let bound = false;
      try {
        bound = (await turn.api.botMe()).bound;
      } catch (err) {
        return turn.say(replyForError(err));
      }
      await turn.store.clearAttachments(turn.state.key);
      const type = turn.match.slots.type as 'complaint' | 'suggestion' | undefined;
      turn.state.data = { bound, ...(type ? { type } : {}) };
      // "我要投诉，窗口让我跑了三趟…": the opening message already tells what happened.
      if (turn.text.length >= 15) turn.state.data.content = maskNumbers(turn.text).slice(0, cfg.maxContent);
      if (!type) {
        turn.state.choices = TYPES.map((t) => ({ kind: 'type', value: t, label: TYPE_NAMES[t] }));
        return ask(turn, FLOW, 'type', 'choice', '请问您是要：\n1. 投诉\n2. 提建议\n回复序号。咨询问题可以直接问我，或回复“转人工”。');
      }
      await askCategory(turn);
    },
    async continue(turn) {
      const { step, choices, data } = turn.state;
      const { intent, slots } = turn.match;
      if (step === 'follow-number' || step === 'follow-last4') {
        if (step === 'follow-number') {
          const tn = findTrackingNumber(turn.text);
          if (!tn) return turn.say('没认出受理编号，请核对后重发，或回复“取消”。');
          return follow(turn, tn);
        }
        if (intent !== 'answer') return turn.say('请回复手机号后四位（4位数字），或回复“取消”。');
        try {
          const c = await turn.api.complaint(String(data.trackingNumber), String(slots.last4));
          endFlow(turn.state);
          return turn.say(complaintText(c));
        } catch (err) {
          endFlow(turn.state);
          return turn.say(isGatewayError(err) && err.status === 404 ? '没有查到，请核对受理编号和手机号后四位。' : replyForError(err));
        }
      }
      if (step === 'type' || step === 'category') {
        const chosen = intent === 'answer' ? choices[Number(slots.index) - 1] : undefined;
        if (!chosen) return turn.say(`请回复1到${choices.length}的序号，或回复“取消”。`);
        if (step === 'type') {
          turn.state.data.type = chosen.value;
          return askCategory(turn);
        }
        turn.state.data.category = chosen.value;
        turn.state.data.categoryName = chosen.label.split('：')[0];
        turn.state.choices = [];
        return turn.state.data.content ? askPhotos(turn) : askContent(turn);
      }
      if (step === 'content') {
        const content = String(slots.text ?? turn.text).trim();
        if (content.length < cfg.minContent) return turn.say('内容太短了，请再具体说一说。');
        // ID and phone numbers typed into the text are filed masked (the contact phone is asked separately).
        turn.state.data.content = maskNumbers(content).slice(0, cfg.maxContent);
        return askPhotos(turn);
      }
      if (step === 'photos') {
        if (turn.photo) {
          const count = await turn.store.addAttachment(turn.state.key, turn.photo);
          turn.state.data.photos = count;
          if (count >= cfg.maxPhotos) {
            turn.say(`已收到${count}张照片。`);
            return askPhoneOrConfirm(turn);
          }
          return turn.say(`已收到第${count}张照片，还有可以继续发，发完请回复“好了”。`);
        }
        if (intent === 'answer') return askPhoneOrConfirm(turn);
        return turn.say('请发送照片，没有照片请回复“没有”。');
      }
      if (step === 'phone') {
        if (intent !== 'answer') return turn.say('请回复11位手机号，或回复“取消”。');
        turn.state.data.phone = turn.sealer.seal(String(slots.phone));
        return askConfirm(turn);
      }
      if (step === 'confirm') {
        if (intent !== 'answer') return turn.say('请回复“确认”提交，或回复“取消”放弃。');
        if (!slots.yes) {
          endFlow(turn.state);
          await turn.store.clearAttachments(turn.state.key);
          return turn.say('好的，没有提交。');
        }
        return submit(turn);
      }
    },
  };
}
