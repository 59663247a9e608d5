/**
 * The pure part of the chat bot benchmark (scripts/bench/bot.ts): the fixed script each mock resident
 * sends, how a reply is judged (a sensible answer to that step, an error text, or something else),
 * and latency percentiles.
 */

/** Guide questions the residents ask (one per resident, in turn); each finds a demo guide. */
export const GUIDE_QUESTIONS = ['开饭店要办什么证', '营业执照怎么办理', '我想开个小吃店需要什么手续', '身份证丢了怎么补办', '农机补贴怎么申请'];

/** What one resident knows while running the script. */
export interface ResidentContext {
  /** This resident's guide question (from GUIDE_QUESTIONS). */
  guideQuestion: string;
  /** An application of this resident's, registered by the clerk, and its phone's last four digits. */
  application: { number: string; last4: string };
  /** The guide the bot found for the question (set by the search step, used by the follow-ups). */
  guideName?: string;
}

export interface ScriptStep {
  /** A short name for the step in printed breakdowns. */
  label: string;
  text(ctx: ResidentContext): string;
  /** True when the replies (all of them, joined) answer this step; may note what it learned in ctx. */
  answers(reply: string, ctx: ResidentContext): boolean;
}

const followUp = (text: string): ScriptStep => ({
  label: text,
  text: () => text,
  answers: (reply, ctx) => Boolean(ctx.guideName) && reply.includes(`【${ctx.guideName}】`),
});

/** One pass of a resident's conversation: every step gets exactly one reply from the bot. */
export const RESIDENT_SCRIPT: ScriptStep[] = [
  { label: '你好', text: () => '你好', answers: (r) => r.includes('查办事指南') },
  {
    label: 'guide question',
    text: (ctx) => ctx.guideQuestion,
    answers: (r, ctx) => {
      ctx.guideName = /^【([^】]+)】/.exec(r)?.[1];
      return Boolean(ctx.guideName) && r.includes('要带什么材料');
    },
  },
  followUp('要带什么材料'),
  followUp('多久能办好'),
  followUp('在哪里办'),
  followUp('要钱吗'),
  { label: '查一下 BJ…', text: (ctx) => `查一下 ${ctx.application.number}`, answers: (r) => r.includes('后四位') },
  { label: 'last four digits', text: (ctx) => ctx.application.last4, answers: (r, ctx) => r.includes(ctx.application.number) && r.includes('当前状态') },
  { label: '怎么预约', text: () => '怎么预约', answers: (r) => r.includes('小程序') },
  { label: '谢谢', text: () => '谢谢', answers: (r) => r.includes('不客气') },
  { label: '帮助', text: () => '帮助', answers: (r) => r.includes('查办事指南') },
];

/**
 * The bot's failure wordings: "系统繁忙，请稍后再试" (a failed handler or gateway), "系统维护中" (token
 * refused), "操作/查询太频繁" (429), "您发送得太快了" (its own rate limit), "暂未开通" (unknown route),
 * "暂时查不到了" (a guide vanished).
 */
const ERROR_TEXT = /系统繁忙|系统维护|请稍后再试|太频繁|太快了|暂未开通|暂时查不到/;

export function isErrorReply(reply: string): boolean {
  return ERROR_TEXT.test(reply);
}

export type Verdict = 'ok' | 'error' | 'off-script';

/** An error text anywhere in the replies is an error; otherwise they must answer the step. */
export function judge(replies: string[], check: (joined: string) => boolean): Verdict {
  if (replies.some(isErrorReply)) return 'error';
  return check(replies.join('\n---\n')) ? 'ok' : 'off-script';
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
