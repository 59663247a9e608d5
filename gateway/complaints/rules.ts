/**
 * The complaint domain's vocabulary and its tunable rules. `COMPLAINT_RULES` is the one place the
 * deadlines and limits live (working days count China's holidays and make-up workdays).
 */
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus, ComplaintType } from '../../models/complaint';
import type { FileKind } from '../files/store';

export const TYPE_NAMES: Record<ComplaintType, string> = { complaint: '投诉', consultation: '咨询', suggestion: '建议' };

export const CATEGORY_INFO: Record<ComplaintCategory, { name: string; description: string; keywords: string }> = {
  attitude: { name: '服务态度', description: '工作人员态度生硬、推诿、不耐烦等', keywords: '态度, 推诿, 冷硬横推, 脸难看' },
  slow_handling: { name: '办理拖延', description: '超时办理、多次跑腿、久拖不办等', keywords: '拖延, 超时, 跑腿, 不作为' },
  improper_fees: { name: '违规收费', description: '擅自收费、超标准收费、指定中介等', keywords: '收费, 乱收费, 中介' },
  bribery: { name: '索拿卡要', description: '索要财物、吃拿卡要、优亲厚友等', keywords: '索贿, 吃拿卡要, 好处, 人情' },
  system_fault: { name: '系统故障', description: '网上办事系统、自助设备、叫号系统故障等', keywords: '系统, 故障, 网上办事, 自助机' },
  other: { name: '其他', description: '其他意见和诉求', keywords: '其他' },
};

/** Statuses whose deadline clock runs. */
export const RUNNING_STATUSES: ComplaintStatus[] = ['received', 'acknowledged', 'assigned'];

export const STATUS_NAMES: Record<ComplaintStatus, string> = {
  received: '已收到',
  acknowledged: '已签收',
  assigned: '已转交部门办理',
  replied: '已答复',
  closed: '已办结',
};

export const CHANNEL_NAMES: Record<ComplaintChannel, string> = { miniprogram: '小程序', bot: '聊天机器人', open311: 'Open311接口', phone: '电话' };

export const COMPLAINT_RULES = {
  /** Working days from receipt: acknowledge, then answer (per type). */
  deadlines: {
    complaint: { acknowledge: 1, answer: 5 },
    consultation: { acknowledge: 1, answer: 3 },
    suggestion: { acknowledge: 1, answer: 10 },
  } satisfies Record<ComplaintType, { acknowledge: number; answer: number }>,
  /** Yellow light this many working days before a deadline. */
  warnWorkingDays: 1,
  /** A replied item the resident neither confirms nor reopens closes itself after this many days. */
  autoCloseDays: 7,
  /** A resident may reopen within this many days of the reply or closing. */
  reopenWithinDays: 30,
  contentMaxLength: 4000,
  photos: { max: 5, maxBytes: 5 * 1024 * 1024, kinds: ['jpeg', 'png', 'webp'] as FileKind[] },
  /** Public look-ups by tracking number + last four digits. */
  lookup: {
    perAddress: [
      { limit: 30, windowSeconds: 600 },
      { limit: 200, windowSeconds: 86_400 },
    ],
    /** Proofs per tracking number per day, right or wrong, counted for any number asked about. */
    attemptsPerNumber: { limit: 20, windowSeconds: 86_400 },
  },
};
