/**
 * Guide look-ups: "开饭店要办什么证" searches the gateway's guides (best first) and puts the top one in
 * focus; follow-ups ("要带什么材料", "多久能办好", "在哪里办", "要钱吗") answer about the guide in focus
 * or about the item they name. Messages no intent matches are tried as a search too.
 */
import { endFlow } from '../conversation-store';
import type { GuideDetail, GuideSummary } from '../gateway-client';
import { replyForError } from '../gateway-client';
import type { Intent } from '../intents/table';
import { ask, type Dialogue, type Turn } from './types';

export interface GuidesConfig {
  /** Search results offered at once (the first is shown, the rest listed by number). */
  results: number;
  /** Materials listed before pointing to the mini-program for the rest. */
  maxMaterials: number;
  /** Other service points named in "在哪里办" before "等N个网点". */
  maxPoints: number;
  /** Shortest message (in Chinese characters) that no intent matched, still worth a search. */
  minSearchChars: number;
}

export const GUIDES_DEFAULTS: GuidesConfig = { results: 3, maxMaterials: 10, maxPoints: 2, minSearchChars: 2 };

type Aspect = 'guide.materials' | 'guide.duration' | 'guide.location' | 'guide.fees';

const FOLLOW_UP_HINT = '可以接着问：要带什么材料、多久能办好、在哪里办、要钱吗';

function limitText(g: GuideSummary): string {
  return g.caseType === 'immediate' ? '即办件' : `承诺${g.promisedTimeLimitDays}个工作日`;
}

function summaryText(g: GuideSummary): string {
  const lines = [`【${g.name}】${g.department}`];
  lines.push(`办理时限：${g.caseType === 'immediate' ? '即办件，材料齐全当场办结' : `承诺${g.promisedTimeLimitDays}个工作日内办结`}`);
  lines.push(`费用：${g.charged ? '收费（回复“要钱吗”查看标准）' : '不收费'}`);
  if (g.tripsRequired === 0) lines.push('跑动次数：全程网办，不用跑');
  else lines.push(`跑动次数：最多跑${g.tripsRequired}次${g.online ? '（可网上申报）' : ''}${g.bookable ? '，可预约办理' : ''}`);
  return lines.join('\n');
}

function materialsText(g: GuideDetail, max: number): string {
  if (!g.materials.length) return `【${g.name}】不需要提交材料，带上身份证到窗口即可。`;
  const shown = g.materials.slice(0, max).map((m, i) => `${i + 1}. ${m.name}${m.required ? '' : '（如有）'}${m.copies > 1 ? `，${m.copies}份` : ''}`);
  const more = g.materials.length > max ? `\n共${g.materials.length}项，完整清单请在小程序查看。` : '';
  return `【${g.name}】需要准备：\n${shown.join('\n')}${more}`;
}

function durationText(g: GuideDetail): string {
  const limit =
    g.caseType === 'immediate'
      ? `【${g.name}】是即办件，材料齐全的当场办结。`
      : `【${g.name}】承诺${g.promisedTimeLimitDays}个工作日内办结（法定时限${g.legalTimeLimitDays}个工作日），从受理之日起算，节假日不计。`;
  const trips = g.tripsRequired === 0 ? '全程网办，不用跑。' : `最多跑${g.tripsRequired}次。`;
  return `${limit}\n${trips}`;
}

function locationText(g: GuideDetail, maxPoints: number): string {
  const first = g.handledAt[0];
  const where = g.location ?? (first ? `${first.name}${first.windows[0] ? ` ${first.windows[0].name}` : ''}（${first.address}）` : '请咨询政务服务中心');
  const lines = [`【${g.name}】办理地点：${where}`];
  if (g.hours) lines.push(`办公时间：${g.hours}`);
  const others = g.handledAt.filter((p) => !where.includes(p.name)).map((p) => p.name);
  if (others.length) lines.push(`也可在${others.slice(0, maxPoints).join('、')}${others.length > maxPoints ? `等${others.length}个网点` : ''}办理。`);
  if (g.inquiryPhone) lines.push(`咨询电话：${g.inquiryPhone}`);
  return lines.join('\n');
}

function feesText(g: GuideDetail): string {
  return g.fees.charged ? `【${g.name}】收费：${g.fees.standard ?? '按规定标准收取'}` : `【${g.name}】不收费。`;
}

async function answerAspect(turn: Turn, aspect: Aspect, code: string, cfg: GuidesConfig): Promise<void> {
  const g = await turn.api.guide(code);
  turn.state.guide = { code: g.code, name: g.name };
  if (aspect === 'guide.materials') turn.say(materialsText(g, cfg.maxMaterials));
  else if (aspect === 'guide.duration') turn.say(durationText(g));
  else if (aspect === 'guide.location') turn.say(locationText(g, cfg.maxPoints));
  else turn.say(feesText(g));
}

/** Shows the best match and lists the others by number; false when nothing was found. */
async function presentSearch(turn: Turn, query: string, cfg: GuidesConfig): Promise<boolean> {
  const { items } = await turn.api.searchGuides(query, cfg.results);
  if (!items.length) return false;
  endFlow(turn.state);
  const [top, ...rest] = items;
  turn.state.guide = { code: top.code, name: top.name };
  const lines = [summaryText(top), FOLLOW_UP_HINT];
  if (rest.length) {
    lines.push(`相关事项：\n${rest.map((g, i) => `${i + 2}. ${g.name}（${limitText(g)}）`).join('\n')}\n回复序号查看。`);
    turn.state.choices = items.map((g) => ({ kind: 'guide', value: g.code, label: g.name }));
    turn.state.flow = 'guide';
    turn.state.step = 'pick';
    turn.state.expect = 'choice';
  }
  turn.say(lines.join('\n'));
  return true;
}

const NOT_FOUND = '没有找到相关事项，换个说法试试，比如“营业执照”“食品经营许可”。也可以回复“转人工”。';
const NOT_UNDERSTOOD = '抱歉，我没听明白。您可以直接问办什么事，比如“开饭店要办什么证”，或回复“帮助”查看我能做什么。';

export function guidesDialogue(config: Partial<GuidesConfig> = {}): Dialogue & { fallback(turn: Turn): Promise<void> } {
  const cfg = { ...GUIDES_DEFAULTS, ...config };

  async function guarded(turn: Turn, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      turn.say(replyForError(err));
    }
  }

  /** A message no intent matched: a search when it looks like an item, else the help hint. */
  async function fallback(turn: Turn): Promise<void> {
    await guarded(turn, async () => {
      const chinese = (turn.text.match(/[\u4e00-\u9fa5]/g) ?? []).length;
      if (chinese >= cfg.minSearchChars && turn.text.length <= 60 && (await presentSearch(turn, turn.text, cfg))) return;
      turn.say(NOT_UNDERSTOOD);
    });
  }

  return {
    name: 'guide',
    intents: ['guide.search', 'guide.materials', 'guide.duration', 'guide.location', 'guide.fees'],
    publicIntents: ['guide.search', 'guide.materials', 'guide.duration', 'guide.location', 'guide.fees'],
    async start(turn) {
      const intent = turn.match.intent as Intent;
      await guarded(turn, async () => {
        if (intent === 'guide.search') {
          if (!(await presentSearch(turn, String(turn.match.slots.query ?? turn.text), cfg))) turn.say(NOT_FOUND);
          return;
        }
        const subject = turn.match.slots.subject as string | undefined;
        if (subject) {
          const { items } = await turn.api.searchGuides(subject, 1);
          if (items[0]) {
            endFlow(turn.state);
            return answerAspect(turn, intent as Aspect, items[0].code, cfg);
          }
          if (!turn.state.guide) return turn.say(NOT_FOUND);
        }
        if (turn.state.guide) {
          endFlow(turn.state);
          return answerAspect(turn, intent as Aspect, turn.state.guide.code, cfg);
        }
        turn.state.data = { aspect: intent };
        ask(turn, 'guide', 'subject', 'text', '您想问哪个事项？比如“开饭店”“营业执照”。');
      });
    },
    async continue(turn) {
      await guarded(turn, async () => {
        const { step, choices } = turn.state;
        if (step === 'pick' && turn.match.intent === 'answer') {
          const chosen = choices[Number(turn.match.slots.index) - 1];
          if (!chosen) return turn.say(`请回复1到${choices.length}的序号。`);
          const g = await turn.api.guide(chosen.value);
          turn.state.guide = { code: g.code, name: g.name };
          return turn.say(`${summaryText(g)}\n${FOLLOW_UP_HINT}`);
        }
        if (step === 'subject' && turn.match.intent === 'answer') {
          const aspect = turn.state.data.aspect as Aspect;
          const { items } = await turn.api.searchGuides(String(turn.match.slots.text), 1);
          if (!items[0]) return turn.say(`${NOT_FOUND}\n回复“取消”可结束。`);
          endFlow(turn.state);
          return answerAspect(turn, aspect, items[0].code, cfg);
        }
        // Anything else while a list is open is a new question.
        endFlow(turn.state);
        await fallback(turn);
      });
    },
    fallback,
  };
}
