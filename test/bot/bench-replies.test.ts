/** The chat bot benchmark's judging of replies and its percentiles (scripts/bench/bot-replies.ts). */
import { helpText } from '../../bot/dialogues/help';
import { statusText } from '../../bot/dialogues/status';
import { GatewayError, replyForError } from '../../bot/gateway-client';
import { isErrorReply, judge, percentile, RESIDENT_SCRIPT, type ResidentContext } from '../../scripts/bench/bot-replies';

describe('percentile (nearest rank)', () => {
  it('picks the nearest-rank value of unsorted input', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is NaN without values and leaves its input unsorted', () => {
    expect(percentile([], 50)).toBeNaN();
    const input = [3, 1, 2];
    percentile(input, 50);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('error replies', () => {
  it('recognises every failure wording the bot sends for gateway trouble', () => {
    const failures = [
      new GatewayError(500, 'internal', 'boom'),
      new GatewayError(0, 'gateway.unreachable', 'ECONNREFUSED'),
      new GatewayError(401, 'auth.bot_invalid', 'bad token'),
      new GatewayError(429, 'application.status_rate_limited', '查询过于频繁'),
      new GatewayError(429, 'something.limited', 'slow down'),
      new GatewayError(404, 'route.not_found', 'no route'),
      new GatewayError(404, 'guide.not_found', 'gone'),
      new Error('not a gateway error'),
    ];
    for (const err of failures) expect([replyForError(err), isErrorReply(replyForError(err))]).toEqual([replyForError(err), true]);
  });

  it('does not take real answers for errors', () => {
    expect(isErrorReply(helpText())).toBe(false);
    const status = statusText({ number: 'BJ250101-ABCDEFGH', guideName: '食品经营许可', state: 'submitted', stateName: '已提交', promisedDate: '2025-01-20', lightName: null, completedOn: null, paused: null, timeline: [{ at: '2025-01-01T02:00:00Z', actionName: '提交申请' }] });
    expect(isErrorReply(status)).toBe(false);
  });
});

describe('judging a step', () => {
  const ctx = (): ResidentContext => ({ guideQuestion: '开饭店要办什么证', application: { number: 'BJ250101-ABCDEFGH', last4: '1234' } });
  const [, search, materials] = RESIDENT_SCRIPT;

  it('an error text is an error even when the step would be answered', () => {
    expect(judge(['【食品经营许可】需要准备：', '系统繁忙，请稍后再试。'], () => true)).toBe('error');
    expect(judge(['您好'], () => false)).toBe('off-script');
    expect(judge(['您好'], () => true)).toBe('ok');
  });

  it('follow-ups must be about the guide the search found', () => {
    const c = ctx();
    expect(search.answers('【食品经营许可】市场监管局\n办理时限：承诺5个工作日内办结\n可以接着问：要带什么材料、多久能办好、在哪里办、要钱吗', c)).toBe(true);
    expect(c.guideName).toBe('食品经营许可');
    expect(materials.answers('【食品经营许可】需要准备：\n1. 申请书', c)).toBe(true);
    expect(materials.answers('【营业执照】需要准备：\n1. 申请书', c)).toBe(false);
  });

  it('a follow-up without a found guide is off-script', () => {
    const c = ctx();
    expect(search.answers('没有找到相关事项，换个说法试试', c)).toBe(false);
    expect(materials.answers('您想问哪个事项？', c)).toBe(false);
  });
});
