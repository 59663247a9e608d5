/** Slot extraction: the values an intent needs, pulled from the message (pure functions). */
import { APPLICATION_NUMBER, TRACKING_NUMBER } from './table';
import { matchForm, normalizeText } from './normalize';

export type Slots = Record<string, string | number | boolean | string[] | number[]>;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A mainland mobile number anywhere in the text (spaces and dashes between digits allowed). */
export function findPhone(text: string): string | undefined {
  const digits = normalizeText(text).replace(/(?<=\d)[\s-]+(?=\d)/g, '');
  return digits.match(/(?<!\d)1[3-9]\d{9}(?!\d)/)?.[0];
}

export function findApplicationNumber(text: string): string | undefined {
  const m = normalizeText(text).toUpperCase().match(APPLICATION_NUMBER)?.[0];
  return m ? (m.includes('-') ? m : `${m.slice(0, 8)}-${m.slice(8)}`) : undefined;
}

export function findTrackingNumber(text: string): string | undefined {
  return normalizeText(text).toUpperCase().match(TRACKING_NUMBER)?.[0].replace(/[\s-]/g, '');
}

/** "2", "第二个", "3号" → 2, 2, 3; anything else undefined. */
export function parseChoice(text: string): number | undefined {
  const m = matchForm(text).match(/^(?:第|选)?([0-9]{1,2}|[一二两三四五六七八九十])(?:个|项|条|号|种|吧)?$/);
  if (!m) return undefined;
  const n = /\d/.test(m[1]) ? Number(m[1]) : CN_DIGITS[m[1]];
  return n >= 1 ? n : undefined;
}

/** "1 3", "1、3和5" → [1, 3, 5]. */
export function parseChoices(text: string): number[] | undefined {
  const form = normalizeText(text);
  if (!/^[\d\s,，、和及+]+$/.test(form) || !/\d/.test(form)) return undefined;
  const list = [...new Set(form.split(/[\s,，、和及+]+/).filter(Boolean).map(Number))];
  return list.every((n) => n >= 1 && n <= 99) ? list : undefined;
}

const YES = /^(是|是的|对|对的|确认|确定|提交|好|好的|行|可以|嗯|嗯嗯|ok|okay|没问题|同意|yes|y|确认提交|确认取消|确认解绑|要|要的)[的啊吧呀了]*$/;
const NO = /^(否|不|不是|不对|不用|不要|不了|no|n|放弃|先不|再想想|不确认)[了的啊吧]*$/;

export function parseYesNo(text: string): boolean | undefined {
  const form = matchForm(text);
  if (YES.test(form)) return true;
  if (NO.test(form)) return false;
  return undefined;
}

const DONE = /^(没有|没|无|不用|不需要|跳过|好了|完成|发完了|就这些|没了|没有照片|没照片|不传|不发|不用了|下一步|好|好的|可以了|行了|完了|够了|提交)[了的啊吧呀]*$/;

export const isDoneWord = (text: string) => DONE.test(matchForm(text));

/** Four digits (the phone's last four), or the last four of a whole phone number. */
export function findLast4(text: string): string | undefined {
  const phone = findPhone(text);
  if (phone) return phone.slice(-4);
  const form = matchForm(text);
  if (form.length > 16) return undefined;
  const groups = form.match(/(?<!\d)\d{4}(?!\d)/g);
  return groups?.length === 1 && !/\d{5,}/.test(form) ? groups[0] : undefined;
}

export function findSmsCode(text: string): string | undefined {
  const form = matchForm(text);
  if (form.length > 24) return undefined;
  return form.match(/(?<!\d)(\d{6})(?!\d)/)?.[1];
}

/** Notice topics residents name in their own words, by the gateway's topic code. */
export const TOPIC_WORDS: Record<string, RegExp> = {
  social_security: /社保|医保|养老保险|医疗保险|社会保险|养老金|退休/,
  agriculture: /农牧|农业|牧业|种植|养殖|补贴|惠农|草原|耕地|农机/,
  employment: /就业|创业|招聘|找工作|培训|务工|失业/,
  business: /企业|营商|公司|个体|商户|市场主体|经营/,
  education: /教育|入学|上学|学校|招生|学生|幼儿园/,
  civil_affairs: /民政|低保|救助|困难|残疾|养老院|优抚|婚姻/,
  public_utilities: /停水|停电|停气|供暖|供水|供电|公共服务|燃气|道路|施工/,
};

export function findTopics(text: string): string[] {
  const form = matchForm(text);
  return Object.entries(TOPIC_WORDS).filter(([, re]) => re.test(form)).map(([code]) => code);
}

/** Words around a guide follow-up that are not the subject ("…要带什么材料" → the rest is the item). */
const FOLLOW_UP_PHRASES = [
  /(请问|你好|您好|我想问(一下|下)?|问一下|问下|咨询一下|那|那么|还有|另外|再问一下|对了)/g,
  /(要|需要|得|应该|该)?(带|拿|准备|交|提交|提供)(什么|啥|哪些|些什么)?(材料|资料|东西|证件)?/g,
  /(需要|要)?(什么|哪些|啥)?(材料|资料)/g,
  /(要|需要|得)?(多久|多长时间|多少天|几天|几个工作日|多快)(能|才能|可以)?(办好|办完|办下来|拿到|出证|下来)?/g,
  /什么时候(能|可以)?(办好|办完|拿到|出证|下来|拿)/g,
  /(在|去|到)(哪里|哪儿|哪)(办|去办|办理|交)?|哪里办|哪个窗口|地址|地点|位置|办公时间|上班时间|几点/g,
  /(要|需要)?(不要|要不要)?(钱|收费|费用|多少钱|交钱|交费|缴费|工本费|免费)(吗|不)?/g,
  /(是不是|是否|能不能|可不可以)/g,
  /[,，。?？!！~]/g,
  /(吗|呢|啊|呀|嘛|么|吧)+$/g,
  /(的|要|需要|得|去|也|都|还)+$/g,
];

/** The item a follow-up names, if any ("办营业执照要带什么材料" → "办营业执照"). */
export function followUpSubject(text: string): string | undefined {
  let rest = normalizeText(text);
  for (const re of FOLLOW_UP_PHRASES) rest = rest.replace(re, '');
  rest = rest.replace(/^(我|我们|俺)?(要|想|准备|打算)?/, '').trim();
  const meaningful = rest.replace(/[^\u4e00-\u9fa5a-zA-Z]/g, '');
  if (meaningful.length < 2 || /^(这个|那个|这|那|它|这事|这项|该事项|办|办理|办这个)+$/.test(meaningful)) return undefined;
  return rest;
}

/** What a resident searched for, without greetings around it. */
export function searchQuery(text: string): string {
  return normalizeText(text)
    .replace(/^(请问|你好|您好|我想问(一下|下)?|问一下|问下|咨询一下|小助手)[,，\s]*/, '')
    .replace(/[?？。!！~]+$/, '')
    .slice(0, 100);
}
