/**
 * Bookings: how to book (the mini-program does the booking: slots, real name and QR code need its
 * pages), the resident's upcoming bookings, and cancelling one (pick → confirm → cancelled).
 */
import { endFlow } from '../conversation-store';
import { isGatewayError, replyForError, type Booking } from '../gateway-client';
import { startBinding } from './binding';
import { ask, type Dialogue, type Turn } from './types';

export interface BookingsConfig {
  /** How residents open the mini-program (a link or "微信搜索…"). */
  miniProgramLink: string;
  /** Bookings listed at once. */
  listSize: number;
}

export const BOOKINGS_DEFAULTS: BookingsConfig = { miniProgramLink: '微信搜索小程序“一窗通办”', listSize: 5 };

const FLOW = 'booking';

const line = (b: Booking) => `${b.guide.name}，${b.timeLabel}，${b.servicePoint.name}${b.window.name ? ` ${b.window.name}` : ''}`;

async function upcoming(turn: Turn, resumeIntent: 'booking.mine' | 'booking.cancel'): Promise<Booking[] | undefined> {
  try {
    const { items } = await turn.api.myBookings();
    return items.filter((b) => b.status === 'booked');
  } catch (err) {
    if (isGatewayError(err) && err.code === 'auth.binding_required') startBinding(turn, '查看预约需要先绑定手机号。', { intent: resumeIntent });
    else turn.say(replyForError(err));
    return undefined;
  }
}

function confirmCancel(turn: Turn, bookingId: string, label: string): void {
  turn.state.data = { bookingId, label };
  ask(turn, FLOW, 'confirm', 'confirm', `确认取消这个预约吗？\n${label}\n回复“确认”取消，回复“不用”保留。`);
}

export function bookingsDialogue(config: Partial<BookingsConfig> = {}): Dialogue {
  const cfg = { ...BOOKINGS_DEFAULTS, ...config };
  const howText = (turn: Turn) => {
    const focus = turn.state.guide ? `（可直接搜索“${turn.state.guide.name}”）` : '';
    return `预约办事请打开小程序：${cfg.miniProgramLink}\n选择事项${focus}、网点和时段即可，到大厅后凭预约码签到取号。\n查看或取消预约可回复“我的预约”“取消预约”。`;
  };
  return {
    name: FLOW,
    intents: ['booking.mine', 'booking.how', 'booking.cancel'],
    publicIntents: ['booking.how'],
    async start(turn) {
      const intent = turn.match.intent;
      if (intent === 'booking.how') return turn.say(howText(turn));
      const items = await upcoming(turn, intent as 'booking.mine' | 'booking.cancel');
      if (!items) return;
      if (!items.length) return turn.say(`您目前没有待办理的预约。\n${howText(turn)}`);
      if (intent === 'booking.mine') {
        const lines = items.slice(0, cfg.listSize).map((b, i) => `${i + 1}. ${line(b)}，预约码${b.code}`);
        return turn.say(`您的预约：\n${lines.join('\n')}\n到大厅后凭预约码签到取号。需要取消请回复“取消预约”。`);
      }
      const cancellable = items.filter((b) => b.changeable);
      if (!cancellable.length) return turn.say('距开始已不足规定时间的预约不能在线取消，如有变化请联系窗口。');
      if (cancellable.length === 1) return confirmCancel(turn, cancellable[0].id, line(cancellable[0]));
      turn.state.choices = cancellable.slice(0, cfg.listSize).map((b) => ({ kind: 'booking', value: b.id, label: line(b) }));
      ask(turn, FLOW, 'pick', 'choice', `要取消哪一个？\n${turn.state.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}\n回复序号。`);
    },
    async continue(turn) {
      const { step, choices, data } = turn.state;
      if (turn.match.intent !== 'answer') return turn.say(step === 'pick' ? '请回复序号，或回复“取消”。' : '请回复“确认”或“不用”。');
      if (step === 'pick') {
        const chosen = choices[Number(turn.match.slots.index) - 1];
        if (!chosen) return turn.say(`请回复1到${choices.length}的序号。`);
        return confirmCancel(turn, chosen.value, chosen.label);
      }
      if (step === 'confirm') {
        endFlow(turn.state);
        if (!turn.match.slots.yes) return turn.say('好的，预约保留。');
        try {
          await turn.api.cancelBooking(String(data.bookingId));
          turn.say(`已取消预约：${data.label}`);
        } catch (err) {
          turn.say(replyForError(err));
        }
      }
    },
  };
}
