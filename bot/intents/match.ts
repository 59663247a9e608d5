/**
 * The pure matcher: `matchIntent(text, context)` → `{ intent, slots }`. When the conversation waits
 * for an answer (a phone, a code, a choice, yes/no, free text, photos) a message of that shape is an
 * `answer`; the global words (取消, 帮助, 转人工) always keep their meaning. Otherwise the intent table
 * decides, and what no rule matches is `unknown`.
 */
import { matchForm } from './normalize';
import {
  findApplicationNumber,
  findLast4,
  findPhone,
  findSmsCode,
  findTopics,
  findTrackingNumber,
  followUpSubject,
  isDoneWord,
  parseChoice,
  parseChoices,
  parseYesNo,
  searchQuery,
  type Slots,
} from './slots';
import { INTENT_TABLE, type Intent, type IntentRule } from './table';

export type Expect = 'text' | 'phone' | 'code' | 'last4' | 'choice' | 'choices' | 'confirm' | 'photo';

export interface MatchContext {
  /** What the bot's last question waits for, if anything. */
  expect?: Expect | null;
}

export interface IntentMatch {
  intent: Intent;
  slots: Slots;
}

/** Intents that interrupt any dialogue. */
const GLOBAL: Intent[] = ['cancel', 'human'];

function ruleMatches(rule: IntentRule, form: string): number {
  if (rule.unless?.some((re) => re.test(form))) return -1;
  let best = -1;
  for (const p of rule.patterns) {
    if (typeof p === 'string') {
      if (form.includes(p)) best = Math.max(best, p.length);
    } else {
      const m = form.match(p);
      if (m) best = Math.max(best, m[0].length);
    }
  }
  return best;
}

/** The best rule for the text, by priority then by the length of what matched. */
export function bestRule(form: string): IntentRule | undefined {
  let best: { rule: IntentRule; score: number } | undefined;
  for (const rule of INTENT_TABLE) {
    const len = ruleMatches(rule, form);
    if (len < 0) continue;
    const score = rule.priority * 1000 + len;
    if (!best || score > best.score) best = { rule, score };
  }
  return best?.rule;
}

function slotsFor(intent: Intent, text: string): Slots {
  const slots: Slots = {};
  switch (intent) {
    case 'guide.search':
      slots.query = searchQuery(text);
      break;
    case 'guide.materials':
    case 'guide.duration':
    case 'guide.location':
    case 'guide.fees': {
      const subject = followUpSubject(text);
      if (subject) slots.subject = subject;
      break;
    }
    case 'status.query': {
      const number = findApplicationNumber(text);
      if (number) slots.number = number;
      break;
    }
    case 'complaint.file': {
      const form = matchForm(text);
      if (/投诉|举报|态度|吃拿卡要|不作为|刁难|乱收费|推诿|踢皮球|差评|不满意|太差|找不到人|提前下班|迟到|早退|脱岗|玩手机|不在岗/.test(form)) slots.type = 'complaint';
      else if (/建议|意见/.test(form)) slots.type = 'suggestion';
      break;
    }
    case 'complaint.follow': {
      const tn = findTrackingNumber(text);
      if (tn) slots.trackingNumber = tn;
      break;
    }
    case 'notice.subscribe':
    case 'notice.unsubscribe': {
      const topics = findTopics(text);
      if (topics.length) slots.topics = topics;
      break;
    }
    case 'binding.bind': {
      const phone = findPhone(text);
      if (phone) slots.phone = phone;
      break;
    }
    default:
      break;
  }
  return slots;
}

/** The answer the bot waits for, if the message has that shape. */
function answerFor(expect: Expect, text: string): Slots | undefined {
  switch (expect) {
    case 'phone': {
      const phone = findPhone(text);
      return phone ? { phone } : undefined;
    }
    case 'code': {
      const code = findSmsCode(text);
      return code ? { code } : undefined;
    }
    case 'last4': {
      const last4 = findLast4(text);
      return last4 ? { last4 } : undefined;
    }
    case 'choice': {
      const index = parseChoice(text);
      return index ? { index } : undefined;
    }
    case 'choices': {
      const one = parseChoice(text);
      const indexes = parseChoices(text) ?? (one ? [one] : undefined);
      return indexes ? { indexes } : undefined;
    }
    case 'confirm': {
      const yes = parseYesNo(text);
      return yes === undefined ? undefined : { yes };
    }
    case 'photo':
      return isDoneWord(text) ? { done: true } : undefined;
    case 'text':
      return { text: text.trim() };
  }
}

export function matchIntent(text: string, context: MatchContext = {}): IntentMatch {
  const form = matchForm(text);
  if (!form) return { intent: 'unknown', slots: {} };
  const rule = bestRule(form);
  const tableIntent: Intent = rule?.intent ?? 'unknown';
  if (context.expect) {
    if (GLOBAL.includes(tableIntent) && !(context.expect === 'confirm' && tableIntent === 'cancel' && parseYesNo(text) === false)) {
      return { intent: tableIntent, slots: slotsFor(tableIntent, text) };
    }
    // "帮助" alone, or "菜单", leaves a dialogue; a long text that merely greets does not.
    if (tableIntent === 'help' && context.expect !== 'text') return { intent: 'help', slots: {} };
    if (tableIntent === 'help' && /^(帮助|菜单|help|menu)$/.test(form)) return { intent: 'help', slots: {} };
    const answer = answerFor(context.expect, text);
    if (answer) return { intent: 'answer', slots: answer };
  }
  if (tableIntent === 'unknown') return { intent: 'unknown', slots: { text: searchQuery(text) } };
  return { intent: tableIntent, slots: slotsFor(tableIntent, text) };
}
